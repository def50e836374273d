import type { ChunkDecoder } from "./decode";
import type { ByteSource } from "./file-bytes";

/** One text line with its 1-based number (line breaks LF or CRLF; blank lines skipped). */
export interface TextLine {
  line: number;
  text: string;
  /** UTF-8 input held bytes that do not decode (shown as U+FFFD in `text`). */
  invalid: boolean;
}

/** Streams the non-blank lines of a text file, in batches (one await per chunk, not per line). */
export async function* textLines(src: ByteSource, decoder: ChunkDecoder): AsyncGenerator<TextLine[]> {
  let rest = "";
  let line = 1;
  const split = (text: string, final: boolean): TextLine[] => {
    const s = rest + text;
    const out: TextLine[] = [];
    let pos = 0;
    for (;;) {
      let nl = s.indexOf("\n", pos);
      if (nl < 0) {
        if (!final || pos >= s.length) break;
        nl = s.length;
      }
      const t = s.slice(pos, nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      if (t.trim() !== "") out.push({ line, text: t, invalid: decoder.sawInvalid && t.includes("\uFFFD") });
      line++;
      pos = nl + 1;
    }
    rest = pos >= s.length ? "" : s.slice(pos);
    return out;
  };
  for await (const chunk of src.chunks()) yield split(decoder.write(chunk), false);
  yield split(decoder.end(), true);
}
