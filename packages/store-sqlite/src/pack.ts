import { Hash53 } from "./hash";
import { searchKind } from "@vizier/model";
import { searchPiece } from "./schema";

/** How values of one (prop, type) enter the search text: 0 not at all, 1 as they are, 2 through searchPiece (separators). */
type SearchMode = 0 | 1 | 2;

/** The search mode of a (prop, type): the same pieces as `searchPiece`, decided once per property code. */
export function searchMode(prop: string, propType: string): SearchMode {
  if (!searchKind(prop, propType)) return 0;
  return propType === "identifier" || propType === "phone" ? 2 : 1;
}

/**
 * Packs the statements of one block, value by value: the content hash (schema, then each
 * statement's prop, value and original when it differs), the JSON body of `[prop code, value]` /
 * `[prop code, value, original]` and the search text (decision 0005). Reused for every block of a
 * run, so packing allocates only the strings it returns.
 */
export class BlockPacker {
  private readonly h = new Hash53();
  /** The body so far, opening bracket included. */
  private body = "[";
  private text = "";
  private n = 0;
  /**
   * Per property code (a code is one (prop, type) of the store): its search mode and the body's
   * `[code,"` / `,[code,"` before a value, so that a plain value costs three string concatenations.
   */
  private readonly modes: SearchMode[] = [];
  private readonly opens: string[] = [];
  private readonly nextOpens: string[] = [];

  start(schema: string): void {
    this.h.reset();
    this.h.add(schema);
    this.body = "[";
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
    let mode = this.modes[code];
    if (mode === undefined) {
      mode = this.modes[code] = searchMode(prop, propType);
      this.opens[code] = "[" + code + ',"';
      this.nextOpens[code] = ",[" + code + ',"';
    }
    const open = this.n++ > 0 ? this.nextOpens[code]! : this.opens[code]!;
    if (!changed && !NEEDS_ESCAPE.test(value)) this.body += open + value + '"]';
    // The general case: the opening quote comes from JSON.stringify (jsonString) instead.
    else this.body += open.slice(0, -1) + jsonString(value) + (changed ? "," + jsonString(original) + "]" : "]");
    if (mode === 0) return;
    const piece = mode === 1 ? value : searchPiece(prop, propType, value)!;
    this.text = this.text ? this.text + " " + piece : piece;
  }

  /** Statements added since `start`. */
  get count(): number {
    return this.n;
  }

  hash(): number {
    return this.h.value();
  }

  packedBody(): string {
    return this.body + "]";
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
