import { fail, ok, type Cleaned } from "./result";

/**
 * Dates as FtM stores them: ISO 8601 prefixes whose length is the precision
 * (`2021`, `2021-02`, `2021-02-16`, `2021-02-16T21:48:52`), UTC. Accepts the day-first forms
 * used by Dutch and European sources (`16-02-2021`, `16/02/2021`, `16.2.2021`), compact
 * `20210216`, and an explicit strptime-style format from the mapping (`%d.%m.%Y`).
 */
export function cleanDate(raw: string, format?: string): Cleaned {
  const s = raw.trim();
  if (s === "") return fail("empty date");
  if (format) return parseWithFormat(s, format);
  // Most sources write one fixed ten-character shape; reading it by character codes skips the
  // regular expressions and the Date object (same result as the general path: differential test).
  if (s.length === 10) {
    const fast = tenCharDate(s);
    if (fast !== undefined) return ok(fast);
  }
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]00:?00)?)?)?)?$/.exec(s);
  if (m) return assemble(m[1], m[2], m[3], m[4], m[5], m[6], raw);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return assemble(m[3], m[2], m[1], m[4], m[5], m[6], raw);
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return assemble(m[1], m[2], m[3], undefined, undefined, undefined, raw);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return assemble(m[1], m[2], m[3], undefined, undefined, undefined, raw);
  return fail(`unparsable date "${raw}"`);
}

const pad = (v: string) => v.padStart(2, "0");

/** Value of the two ASCII digits at i, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const isSep = (c: number) => c === 45 || c === 47 || c === 46; // - / .

/**
 * `dd-mm-yyyy` (any of - / . as separators) or `yyyy-mm-dd`, valid, years 100 and later (below,
 * Date.UTC reads the year as 19xx, which the general path keeps doing); else undefined.
 */
function tenCharDate(s: string): string | undefined {
  let y: number;
  let mo: number;
  let d: number;
  const c2 = s.charCodeAt(2);
  if (isSep(c2) && isSep(s.charCodeAt(5))) {
    d = twoDigits(s, 0);
    mo = twoDigits(s, 3);
    const hi = twoDigits(s, 6);
    const lo = twoDigits(s, 8);
    if (d < 0 || mo < 0 || hi < 0 || lo < 0) return undefined;
    y = hi * 100 + lo;
    if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
    return `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
  }
  if (s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const hi = twoDigits(s, 0);
    const lo = twoDigits(s, 2);
    mo = twoDigits(s, 5);
    d = twoDigits(s, 8);
    if (hi < 0 || lo < 0 || mo < 0 || d < 0) return undefined;
    y = hi * 100 + lo;
    if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
    return s;
  }
  return undefined;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (as Date.UTC counts them). */
function daysInMonth(y: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

function assemble(
  y: string | undefined, mo: string | undefined, d: string | undefined,
  h: string | undefined, mi: string | undefined, se: string | undefined, raw: string,
): Cleaned {
  if (!y) return fail(`unparsable date "${raw}"`);
  let out = y;
  if (mo === undefined) return ok(out);
  const month = Number(mo);
  if (month < 1 || month > 12) return fail(`month out of range in date "${raw}"`);
  out += `-${pad(mo)}`;
  if (d === undefined) return ok(out);
  const day = Number(d);
  const dim = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > dim) return fail(`day out of range in date "${raw}"`);
  out += `-${pad(d)}`;
  if (h === undefined) return ok(out);
  if (Number(h) > 23) return fail(`hour out of range in date "${raw}"`);
  out += `T${pad(h)}`;
  if (mi === undefined) return ok(out);
  if (Number(mi) > 59) return fail(`minute out of range in date "${raw}"`);
  out += `:${mi}`;
  if (se === undefined) return ok(out);
  if (Number(se) > 59) return fail(`second out of range in date "${raw}"`);
  return ok(`${out}:${se}`);
}

const DIRECTIVES: Record<string, string> = {
  "%Y": "(?<Y>\\d{4})", "%y": "(?<y>\\d{2})", "%m": "(?<m>\\d{1,2})", "%d": "(?<d>\\d{1,2})",
  "%H": "(?<H>\\d{1,2})", "%M": "(?<M>\\d{2})", "%S": "(?<S>\\d{2})", "%%": "%",
};

/** Parses with a strptime-style format as FtM mappings write it (`format: "%d.%m.%Y"`). */
function parseWithFormat(s: string, format: string): Cleaned {
  let re = "";
  for (let i = 0; i < format.length; i++) {
    const two = format.slice(i, i + 2);
    const dir = DIRECTIVES[two];
    if (dir !== undefined) { re += dir; i++; continue; }
    re += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const m = new RegExp(`^${re}$`).exec(s);
  if (!m?.groups) return fail(`date "${s}" does not match format "${format}"`);
  const g = m.groups;
  const year = g["Y"] ?? (g["y"] !== undefined ? String(Number(g["y"]) > 50 ? 1900 + Number(g["y"]) : 2000 + Number(g["y"])) : undefined);
  return assemble(year, g["m"], g["d"], g["H"], g["M"], g["S"], s);
}
