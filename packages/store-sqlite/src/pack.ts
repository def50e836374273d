import { Hash53 } from "./hash";
import { searchPiece } from "./schema";

/**
 * Packs the statements of one block, value by value: the content hash (schema, then each
 * statement's prop, value and original when it differs), the JSON body of `[prop code, value]` /
 * `[prop code, value, original]` and the search text (decision 0005). Reused for every block of a
 * run, so packing allocates only the strings it returns.
 */
export class BlockPacker {
  private readonly h = new Hash53();
  private body = "";
  private text = "";
  private n = 0;

  start(schema: string): void {
    this.h.reset();
    this.h.add(schema);
    this.body = "";
    this.text = "";
    this.n = 0;
  }

  /** Adds one statement; `code` is the store's integer code of (prop, type). */
  add(code: number, prop: string, propType: string, value: string, original: string): void {
    const h = this.h;
    const changed = original !== value;
    h.add(prop);
    h.add(value);
    if (changed) h.addMarked(original);
    else h.addEmpty();
    this.body += (this.n++ > 0 ? ",[" : "[") + code + "," + jsonString(value) + (changed ? "," + jsonString(original) + "]" : "]");
    const piece = searchPiece(prop, propType, value);
    if (piece !== null) this.text += (this.text ? " " : "") + piece;
  }

  /** Statements added since `start`. */
  get count(): number {
    return this.n;
  }

  hash(): number {
    return this.h.value();
  }

  packedBody(): string {
    return "[" + this.body + "]";
  }

  /** The block's search text, or null when none of its values is searchable. */
  searchText(): string | null {
    return this.text || null;
  }
}

/** Characters JSON.stringify escapes in a string: quote, backslash, controls and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string, without the call for the usual plain value. */
function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}
