/**
 * Splits a top-level JSON array into element texts as the text streams in, so a large
 * `[ {...}, {...} ]` export is parsed one element at a time. Tracks strings and nesting only;
 * each element is then checked by JSON.parse.
 */
export class JsonArraySplitter {
  private buf = "";
  private started = false;
  private closed = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scanned = 0;
  private elementStart = -1;

  /** Feeds text; returns the elements it completes. Throws on text outside the array. */
  push(text: string): string[] {
    this.buf += text;
    const out: string[] = [];
    const s = this.buf;
    let i = this.scanned;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.depth === 0) { // a string element
            out.push(s.slice(this.elementStart, i + 1));
            this.elementStart = -1;
          }
        }
        continue;
      }
      if (!this.started) {
        if (c === 91) { this.started = true; continue; }
        if (isSpace(c) || c === 0xfeff) continue;
        throw new Error("file does not start with a JSON array");
      }
      if (this.closed) {
        if (isSpace(c)) continue;
        throw new Error("text after the closing ] of the JSON array");
      }
      if (this.depth === 0) {
        if (isSpace(c) || c === 44) continue;
        if (c === 93) { this.closed = true; continue; }
        this.elementStart = i;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth++;
      else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth === 0) {
          out.push(s.slice(this.elementStart, i + 1));
          this.elementStart = -1;
        }
      } else if (this.depth === 0) {
        // A scalar element: runs to the next comma or bracket.
        let j = i;
        while (j < s.length && s.charCodeAt(j) !== 44 && s.charCodeAt(j) !== 93) j++;
        if (j >= s.length) break;
        out.push(s.slice(i, j));
        i = j - 1;
        this.elementStart = -1;
      }
    }
    // Keep only the unfinished element so memory stays bounded by the largest element.
    const keepFrom = this.elementStart >= 0 ? this.elementStart : i;
    this.buf = s.slice(keepFrom);
    this.scanned = i - keepFrom;
    if (this.elementStart >= 0) this.elementStart = 0;
    return out;
  }

  /** Throws when the array was not closed. */
  end(): void {
    if (!this.started) throw new Error("file holds no JSON array");
    if (!this.closed) throw new Error("JSON array is not closed (truncated file?)");
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
