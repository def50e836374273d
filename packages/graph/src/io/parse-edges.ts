/**
 * Edge-list bytes → edge arrays in one pass, without per-edge objects or per-token strings for
 * numeric ids (ten million edges load in seconds). Two formats, as the CLI documents:
 * - CSV with a header row naming `source,target[,weight]` (also `from,to`); unnamed columns are
 *   taken by position. Double-quoted fields are supported.
 * - Whitespace-separated `source target [weight]` lines without a header (`#` starts a comment).
 * Node ids are strings; ids are numbered in order of first appearance.
 */
import { VizierError } from "@vizier/model";
import type { EdgeArrays } from "../core/build";
import { FloatBuf, IntBuf, Interner } from "./buffers";
import { splitCsvLine } from "./csv-line";

export interface ParsedEdges extends EdgeArrays {
  /** True when the input has a weight column. */
  readonly weighted: boolean;
  /** Number of edge rows read (before repeated pairs are merged). */
  readonly rows: number;
}

const NL = 10, CR = 13, SP = 32, TAB = 9, HASH = 35, COMMA = 44, QUOTE = 34;

/** Parses an edge list given as text or UTF-8 bytes; `file` only names the input in errors. */
export function parseEdgeList(input: string | Uint8Array, file = "<input>"): ParsedEdges {
  const buf = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const decoder = new TextDecoder();
  const len = buf.length;
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const eol = (p: number): number => { const i = buf.indexOf(NL, p); return i < 0 ? len : i; };
  // The first meaningful line decides the format and whether there is a header.
  let row = 0;
  while (pos < len && blank(buf, pos, eol(pos))) { pos = eol(pos) + 1; row++; }
  const firstLine = decoder.decode(buf.subarray(pos, eol(pos))).replace(/\r$/, "");
  const csv = firstLine.includes(",");
  const head = (csv ? splitCsvLine(firstLine) : firstLine.trim().split(/\s+/)).map((h) => h.trim().toLowerCase());
  const named = head.includes("source") || head.includes("from");
  const hasHeader = csv || (head.length >= 2 && named);
  let si = 0, ti = 1, wi = -1;
  let weighted = false;
  if (hasHeader) {
    if (named) {
      si = Math.max(head.indexOf("source"), head.indexOf("from"));
      ti = Math.max(head.indexOf("target"), head.indexOf("to"));
      wi = head.indexOf("weight");
      if (ti < 0) throw new VizierError("INVALID_INPUT", `${file}: header names a source column but no target column`, { location: { file, row: row + 1 } });
    } else wi = head.length >= 3 ? 2 : -1;
    weighted = wi >= 0;
    pos = eol(pos) + 1;
    row++;
  } else {
    weighted = head.length >= 3;
    wi = weighted ? 2 : -1;
  }
  const need = Math.max(si, ti, wi) + 1;
  const interner = new Interner(buf, decoder);
  const src = new IntBuf(), dst = new IntBuf(), wts = new FloatBuf();
  const fail = (msg: string, column?: string): never => {
    throw new VizierError("INVALID_INPUT", `${file}: row ${row}: ${msg}`, { location: { file, row, ...(column ? { column } : {}) } });
  };
  while (pos < len) {
    const end = eol(pos);
    row++;
    if (blank(buf, pos, end)) { pos = end + 1; continue; }
    let u = -1, v = -1, w = 1, field = 0, us = 0, ue = 0, vs = 0, ve = 0;
    if (csv && buf.indexOf(QUOTE, pos) >= 0 && buf.indexOf(QUOTE, pos) < end) {
      // Quoted CSV line: the slow, general path.
      const f = splitCsvLine(decoder.decode(buf.subarray(pos, end)).replace(/\r$/, ""));
      field = f.length;
      if (field >= need) {
        u = interner.internString((f[si] as string).trim());
        v = interner.internString((f[ti] as string).trim());
        if (wi >= 0) w = Number((f[wi] as string).trim());
      }
    } else {
      let p = pos;
      while (p < end && field < need) {
        if (!csv) { while (p < end && isSpace(buf[p] as number)) p++; if (p >= end) break; }
        let s = p;
        while (p < end && (csv ? buf[p] !== COMMA : !isSpace(buf[p] as number))) p++;
        let e = p;
        if (csv) { while (s < e && isSpace(buf[s] as number)) s++; while (e > s && isSpace(buf[e - 1] as number)) e--; p++; }
        if (field === si) { us = s; ue = e; } else if (field === ti) { vs = s; ve = e; } else if (field === wi) w = parseNumber(buf, s, e, decoder);
        field++;
      }
      // Source before target, whatever the column order, so ids number in reading order.
      if (field >= need) { u = interner.intern(us, ue); v = interner.intern(vs, ve); }
    }
    if (field < need) fail(`has ${field} field(s), expected ${need}`);
    if (!Number.isFinite(w)) fail("weight is not a finite number", "weight");
    src.push(u); dst.push(v);
    if (weighted) wts.push(w);
    pos = end + 1;
  }
  return { ids: interner.ids, sources: src.done(), targets: dst.done(), weights: weighted ? wts.done() : undefined, weighted, rows: src.n };
}

function isSpace(c: number): boolean {
  return c === SP || c === TAB || c === CR;
}

function blank(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = buf[i] as number;
    if (c === HASH) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

/** Decimal fast path (exact: an integer mantissa below 2^53 divided by 10^k, k ≤ 22, rounds once). */
function parseNumber(buf: Uint8Array, s: number, e: number, decoder: { decode(b: Uint8Array): string }): number {
  let i = s, neg = false;
  if (buf[i] === 45) { neg = true; i++; }
  let mant = 0, frac = -1, digits = 0;
  for (; i < e; i++) {
    const c = buf[i] as number;
    if (c >= 48 && c <= 57) { mant = mant * 10 + (c - 48); digits++; if (frac >= 0) frac++; }
    else if (c === 46 && frac < 0) frac = 0;
    else return Number(decoder.decode(buf.subarray(s, e)));
  }
  if (digits === 0 || digits > 15 || frac > 22) return digits === 0 ? NaN : Number(decoder.decode(buf.subarray(s, e)));
  const x = frac > 0 ? mant / 10 ** frac : mant;
  return neg ? -x : x;
}
