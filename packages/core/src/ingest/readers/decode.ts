import { isAscii, isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { VizierError } from "@vizier/model";
import { utf8Stats } from "./sniff";

/** Incremental bytes → text decoder (characters split across chunks are kept for the next). */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
  /** True once any chunk held bytes that are not UTF-8 (UTF-8 only): rows must then be checked. */
  readonly sawInvalid: boolean;
  /** The encoding in use; a detected UTF-8 may turn into Windows-1252 (see Utf8Decoder). */
  readonly encoding: string;
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

/**
 * A decoder for a canonical encoding name; UTF-8 keeps track of invalid bytes (mixed encodings).
 * `fallback` (for a detected, not declared, UTF-8 without BOM) lets it switch to Windows-1252.
 */
export function makeDecoder(encoding: string, fallback = false): ChunkDecoder {
  if (encoding === "utf-8") return new Utf8Decoder(fallback);
  return iconvDecoder(encoding);
}

function iconvDecoder(encoding: string): ChunkDecoder {
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return {
    write: (chunk) => d.write(chunk),
    end: () => d.end() ?? "",
    sawInvalid: false,
    encoding,
  };
}

/**
 * UTF-8 with two safety nets. Detection only sees the first 64 KiB: a Windows-1252 file whose
 * first 64 KiB are plain ASCII is taken for UTF-8. So while everything so far was ASCII (which
 * decodes the same in both), the first chunk with invalid bytes and no well-formed multi-byte
 * sequence switches the rest of the file to Windows-1252. Once real UTF-8 was seen, invalid
 * bytes mean mixed encodings and only set `sawInvalid`, so the affected rows get flagged.
 */
class Utf8Decoder implements ChunkDecoder {
  private readonly td = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
  private asciiSoFar: boolean;
  private other: ChunkDecoder | undefined;
  sawInvalid = false;

  constructor(fallback: boolean) {
    this.asciiSoFar = fallback;
  }

  get encoding(): string {
    return this.other ? this.other.encoding : "utf-8";
  }

  write(chunk: Buffer): string {
    if (this.other) return this.other.write(chunk);
    if (this.asciiSoFar && !isAscii(chunk)) {
      this.asciiSoFar = false;
      const st = utf8Stats(chunk);
      if (st.invalid > 0 && st.valid === 0) {
        this.other = iconvDecoder("windows-1252");
        return this.other.write(chunk);
      }
    }
    // isUtf8 may also fail on a sequence cut at the chunk edge; that only switches on the
    // per-row U+FFFD check, which then finds nothing, so the false alarm costs a little time.
    if (!this.sawInvalid && !isUtf8(chunk)) this.sawInvalid = true;
    return this.td.decode(chunk, { stream: true });
  }

  end(): string {
    return this.other ? this.other.end() : this.td.decode();
  }
}
