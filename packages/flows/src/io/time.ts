/**
 * Timestamp parsing for transaction files: ISO 8601 dates and date-times (fast path, no
 * Date.parse per row), European day-month-year dates, and plain numbers whose unit is decided
 * once per column (see {@link numericTimeScale}).
 */

const dayCache = new Map<number, number>();

function dayEpoch(y: number, m: number, d: number): number {
  const key = y * 10000 + m * 100 + d;
  let v = dayCache.get(key);
  if (v === undefined) {
    v = Date.UTC(y, m - 1, d) / 1000;
    if (dayCache.size > 100000) dayCache.clear();
    dayCache.set(key, v);
  }
  return v;
}

const digits = (s: string, a: number, b: number): number => {
  let v = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
};

/** Seconds from an optional "HH:MM[:SS[.fff]]" at `p` plus zone; NaN when malformed. */
function timeOfDay(s: string, p: number): number {
  if (p >= s.length) return 0;
  const sep = s[p];
  if (sep !== "T" && sep !== " ") return NaN;
  let q = p + 1;
  const hh = digits(s, q, q + 2);
  if (s[q + 2] !== ":") return NaN;
  const mm = digits(s, q + 3, q + 5);
  q += 5;
  let ss = 0;
  if (s[q] === ":") { ss = digits(s, q + 1, q + 3); q += 3; }
  if (s[q] === ".") { q++; while (q < s.length && s.charCodeAt(q) >= 48 && s.charCodeAt(q) <= 57) q++; }
  let off = 0;
  const z = s[q];
  if (z === "Z") q++;
  else if (z === "+" || z === "-") {
    const oh = digits(s, q + 1, q + 3);
    const om = s[q + 3] === ":" ? digits(s, q + 4, q + 6) : digits(s, q + 3, q + 5);
    off = (z === "+" ? 1 : -1) * (oh * 3600 + om * 60);
    q = s.length;
  } else if (z === " ") q = s.length; // trailing zone names are ignored: times are UTC
  if (q < s.length) return NaN;
  return hh * 3600 + mm * 60 + ss - off;
}

/**
 * Parses one timestamp to epoch seconds (UTC when no zone is given). Returns NaN when it cannot.
 * Plain numbers are returned as they are; the caller scales the column.
 */
export function parseTimestamp(raw: string): number {
  const c = raw.charCodeAt(0);
  const e = raw.charCodeAt(raw.length - 1);
  const s = c === 32 || c === 9 || e === 32 || e === 9 || e === 13 ? raw.trim() : raw;
  if (s.length === 0) return NaN;
  const c0 = s.charCodeAt(0);
  if (s.length >= 10 && s[4] === "-" && s[7] === "-") {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 7);
    const d = digits(s, 8, 10);
    if (Number.isNaN(y + m + d) || m < 1 || m > 12 || d < 1 || d > 31) return NaN;
    return dayEpoch(y, m, d) + timeOfDay(s, 10);
  }
  const eu = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(s);
  if (eu) {
    const d = Number(eu[1]);
    const m = Number(eu[2]);
    if (m < 1 || m > 12 || d < 1 || d > 31) return NaN;
    return dayEpoch(Number(eu[3]), m, d) + timeOfDay(s, eu[0].length);
  }
  if ((c0 >= 48 && c0 <= 57) || c0 === 45) {
    const v = Number(s);
    if (!Number.isNaN(v)) return v;
  }
  const v = Date.parse(s);
  return Number.isNaN(v) ? NaN : v / 1000;
}

export type TimeUnit = "auto" | "seconds" | "milliseconds" | "days";

/**
 * Factor that turns a column of plain numbers into epoch seconds. "auto": values below 10^6 are
 * simulation steps in days (AMLSim's `step`), above 10^11 milliseconds, otherwise seconds.
 */
export function numericTimeScale(unit: TimeUnit, maxAbs: number): number {
  switch (unit) {
    case "seconds": return 1;
    case "milliseconds": return 0.001;
    case "days": return 86400;
    case "auto": return maxAbs < 1e6 ? 86400 : maxAbs > 1e11 ? 0.001 : 1;
  }
}

/** Parses an amount: plain numbers, or with thousands separators and a decimal comma ("1.234,56"). */
export function parseAmount(raw: string): number {
  const v = Number(raw);
  if (!Number.isNaN(v) && raw.length > 0 && (v !== 0 || raw.trim() !== "")) return v;
  let s = raw.trim().replace(/[\s€$£]/g, "");
  if (s === "") return NaN;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma > lastDot) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(/,/g, "");
  return Number(s);
}
