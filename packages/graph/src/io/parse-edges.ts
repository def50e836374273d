/**
 * Edge-list text → edge arrays, in one pass over the characters (no per-edge objects, so ten
 * million edges load in seconds). Two formats, as the CLI documents:
 * - CSV with a header row naming `source,target[,weight]` (also `from,to`); unnamed columns are
 *   taken by position. Double-quoted fields are supported.
 * - Whitespace-separated `source target [weight]` lines without a header (`#` starts a comment).
 * Node ids are strings; ids are numbered in order of first appearance.
 */
import { VizierError } from "@vizier/model";
import type { EdgeArrays } from "../core/build";

export interface ParsedEdges extends EdgeArrays {
  /** True when the input has a weight column. */
  readonly weighted: boolean;
  /** Number of edge rows read (before repeated pairs are merged). */
  readonly rows: number;
}

class IntBuf {
  a = new Int32Array(1 << 14);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) { const b = new Int32Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = x;
  }
  done(): Int32Array { return this.a.slice(0, this.n); }
}

class FloatBuf {
  a = new Float64Array(1 << 14);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) { const b = new Float64Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = x;
  }
  done(): Float64Array { return this.a.slice(0, this.n); }
}

/** Interns ids; canonical non-negative integers go through a dense array instead of a Map. */
class Interner {
  readonly ids: string[] = [];
  private readonly byName = new Map<string, number>();
  private dense = new Int32Array(1024).fill(-1);
  private static readonly DENSE_MAX = 1 << 26;

  intern(text: string, s: number, e: number): number {
    let num = 0;
    let canonical = e > s && e - s <= 9 && !(text.charCodeAt(s) === 48 && e - s > 1);
    for (let i = s; canonical && i < e; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) canonical = false;
      else num = num * 10 + c;
    }
    if (canonical && num < Interner.DENSE_MAX) {
      if (num >= this.dense.length) {
        let len = this.dense.length;
        while (len <= num) len *= 2;
        const d = new Int32Array(Math.min(len, Interner.DENSE_MAX)).fill(-1);
        d.set(this.dense);
        this.dense = d;
      }
      let i = this.dense[num] as number;
      if (i < 0) { i = this.ids.length; this.ids.push(text.slice(s, e)); this.dense[num] = i; }
      return i;
    }
    const name = text.slice(s, e);
    let i = this.byName.get(name);
    if (i === undefined) { i = this.ids.length; this.ids.push(name); this.byName.set(name, i); }
    return i;
  }
}

/** Parses an edge list; `file` only names the input in error messages. */
export function parseEdgeList(input: string, file = "<input>"): ParsedEdges {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstEnd = lineEnd(text, 0);
  let start = 0;
  // Skip leading blank and comment lines to find the first meaningful line.
  while (start < text.length && isBlankOrComment(text, start, lineEnd(text, start))) start = nextLine(text, lineEnd(text, start));
  const headEnd = start < text.length ? lineEnd(text, start) : firstEnd;
  const csv = text.slice(start, headEnd).includes(",");
  const head = splitLine(text, start, headEnd, csv).map(([s, e]) => unquote(text.slice(s, e)).trim().toLowerCase());
  const named = head.includes("source") || head.includes("from");
  const hasHeader = csv || (head.length >= 2 && named);
  let si = 0, ti = 1, wi = head.length >= 3 ? 2 : -1;
  if (hasHeader && named) {
    si = Math.max(head.indexOf("source"), head.indexOf("from"));
    ti = Math.max(head.indexOf("target"), head.indexOf("to"));
    wi = head.indexOf("weight");
    if (ti < 0) throw new VizierError("INVALID_INPUT", `${file}: header names a source column but no target column`, { location: { file, row: 1 } });
  }
  const interner = new Interner();
  const src = new IntBuf();
  const dst = new IntBuf();
  const wts = new FloatBuf();
  let pos = hasHeader ? nextLine(text, headEnd) : start;
  let row = hasHeader ? 1 : 0;
  let weighted = hasHeader ? wi >= 0 : false;
  let decided = hasHeader;
  const fields: number[] = [];
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    row++;
    if (!isBlankOrComment(text, pos, end)) {
      fieldsOf(text, pos, end, csv, fields);
      const count = fields.length / 2;
      if (!decided) { weighted = count >= 3; wi = weighted ? 2 : -1; decided = true; }
      const need = Math.max(si, ti, wi) + 1;
      if (count < need) throw new VizierError("INVALID_INPUT", `${file}: row ${row} has ${count} field(s), expected ${need}`, { location: { file, row } });
      src.push(internField(interner, text, fields, si));
      dst.push(internField(interner, text, fields, ti));
      if (weighted) {
        const w = Number(unquote(text.slice(fields[2 * wi] as number, fields[2 * wi + 1] as number)).trim());
        if (!Number.isFinite(w)) throw new VizierError("INVALID_INPUT", `${file}: row ${row} has a weight that is not a finite number`, { location: { file, row, column: "weight" } });
        wts.push(w);
      }
    }
    pos = nextLine(text, end);
  }
  return { ids: interner.ids, sources: src.done(), targets: dst.done(), weights: weighted ? wts.done() : undefined, weighted, rows: src.n };
}

function internField(interner: Interner, text: string, f: number[], i: number): number {
  let s = f[2 * i] as number;
  let e = f[2 * i + 1] as number;
  if (text.charCodeAt(s) === 34) {
    const name = unquote(text.slice(s, e));
    return interner.intern(name, 0, name.length);
  }
  while (s < e && text.charCodeAt(s) === 32) s++;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  return interner.intern(text, s, e);
}

function lineEnd(text: string, pos: number): number {
  const i = text.indexOf("\n", pos);
  return i < 0 ? text.length : i;
}

function nextLine(_text: string, end: number): number {
  return end + 1;
}

function isBlankOrComment(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) return true; // '#'
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Field boundaries as flat [start, end, start, end, …] pairs; `\r` is trimmed. */
function fieldsOf(text: string, s: number, e: number, csv: boolean, out: number[]): void {
  out.length = 0;
  if (e > s && text.charCodeAt(e - 1) === 13) e--;
  if (csv) {
    let i = s;
    while (i <= e) {
      if (text.charCodeAt(i) === 34) {
        let j = i + 1;
        while (j < e) {
          if (text.charCodeAt(j) === 34) { if (text.charCodeAt(j + 1) === 34) { j += 2; continue; } break; }
          j++;
        }
        out.push(i, j + 1);
        const comma = text.indexOf(",", j + 1);
        i = comma < 0 || comma > e ? e + 1 : comma + 1;
      } else {
        let j = text.indexOf(",", i);
        if (j < 0 || j > e) j = e;
        out.push(i, j);
        i = j + 1;
      }
    }
    return;
  }
  let i = s;
  while (i < e) {
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (i >= e) break;
    let j = i;
    while (j < e && !isSpace(text.charCodeAt(j))) j++;
    out.push(i, j);
    i = j;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function splitLine(text: string, s: number, e: number, csv: boolean): [number, number][] {
  const f: number[] = [];
  fieldsOf(text, s, e, csv, f);
  const out: [number, number][] = [];
  for (let i = 0; i < f.length; i += 2) out.push([f[i] as number, f[i + 1] as number]);
  return out;
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;
}
