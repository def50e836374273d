import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { VizierError } from "@vizier/model";

/** Incremental bytes → text decoder (characters split across chunks are kept for the next). */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
  /** True once any chunk held bytes that are not UTF-8 (UTF-8 only): rows must then be checked. */
  readonly sawInvalid: boolean;
}

/** Canonical name for a user-declared encoding, or INVALID_ARGUMENT. */
export function canonicalEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, "-");
  if (n === "utf8" || n === "utf-8") return "utf-8";
  if (n === "utf16le" || n === "utf-16le" || n === "ucs2" || n === "ucs-2") return "utf-16le";
  if (n === "utf16be" || n === "utf-16be") return "utf-16be";
  if (n === "latin1" || n === "latin-1" || n === "iso-8859-1" || n === "iso8859-1") return "iso-8859-1";
  if (n === "cp1252" || n === "windows1252" || n === "windows-1252") return "windows-1252";
  if (!iconv.encodingExists(n)) throw new VizierError("INVALID_ARGUMENT", `unknown encoding "${name}"`);
  return n;
}

/** A decoder for a canonical encoding name; UTF-8 keeps track of invalid bytes (mixed encodings). */
export function makeDecoder(encoding: string): ChunkDecoder {
  if (encoding === "utf-8") return new Utf8Decoder();
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return {
    write: (chunk) => d.write(chunk),
    end: () => d.end() ?? "",
    sawInvalid: false,
  };
}

class Utf8Decoder implements ChunkDecoder {
  private readonly td = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
  sawInvalid = false;

  write(chunk: Buffer): string {
    // isUtf8 may also fail on a sequence cut at the chunk edge; that only switches on the
    // per-row U+FFFD check, which then finds nothing, so the false alarm costs a little time.
    if (!this.sawInvalid && !isUtf8(chunk)) this.sawInvalid = true;
    return this.td.decode(chunk, { stream: true });
  }

  end(): string {
    return this.td.decode();
  }
}
