import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanDate } from "./date";
import { cleanIdentifier, cleanPhone } from "./identifiers";
import { fail, ok, type Cleaned } from "./result";
import { cleanString } from "./text";

// The cleaners read the common shapes by character codes; these naive references are the general
// rules written plainly (regular expressions, Date.UTC, normalize), and both must agree everywhere.

function refDate(raw: string): Cleaned {
  const s = raw.trim();
  if (s === "") return fail("empty date");
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]00:?00)?)?)?)?$/.exec(s);
  if (m) return refAssemble(m[1], m[2], m[3], m[4], m[5], m[6], raw);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return refAssemble(m[3], m[2], m[1], m[4], m[5], m[6], raw);
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return refAssemble(m[1], m[2], m[3], undefined, undefined, undefined, raw);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return refAssemble(m[1], m[2], m[3], undefined, undefined, undefined, raw);
  return fail(`unparsable date "${raw}"`);
}

function refAssemble(y?: string, mo?: string, d?: string, h?: string, mi?: string, se?: string, raw = ""): Cleaned {
  const pad = (v: string) => v.padStart(2, "0");
  if (!y) return fail(`unparsable date "${raw}"`);
  if (mo === undefined) return ok(y);
  const month = Number(mo);
  if (month < 1 || month > 12) return fail(`month out of range in date "${raw}"`);
  let out = `${y}-${pad(mo)}`;
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

function refPhone(raw: string, defaultCallingCode = "31"): Cleaned {
  const s = raw.trim();
  let digits = s.replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = "+" + digits.slice(2);
  if (!digits.startsWith("+")) {
    if (!digits.startsWith("0")) {
      if (defaultCallingCode === "31" && digits.length === 9 && !digits.includes("+")) return ok(`+31${digits}`);
      return digits.length >= 7 ? ok("+" + digits) : fail(`invalid phone number "${raw}"`);
    }
    digits = `+${defaultCallingCode}${digits.slice(1)}`;
  }
  digits = "+" + digits.slice(1).replace(/\+/g, "");
  const n = digits.length - 1;
  return n >= 7 && n <= 15 ? ok(digits) : fail(`invalid phone number "${raw}"`);
}

function refString(raw: string): Cleaned {
  const v = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  return v === "" ? fail("empty value") : ok(v);
}

function refIdentifier(raw: string): Cleaned {
  const v = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  return v === "" ? fail("empty identifier") : ok(v);
}

const RUNS = { seed: 20261123, numRuns: 20_000 };
const digit = fc.constantFrom(..."0123456789");
const digits = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((a) => a.join(""));
const sep = fc.constantFrom("-", "/", ".", " ", "x", "");
/** Date-like text: day/month/year parts in both orders, any separators, out-of-range parts, spaces around. */
const dateLike = fc.oneof(
  fc.tuple(digits(0, 3), sep, digits(0, 3), sep, digits(0, 5)).map((p) => p.join("")),
  fc.tuple(digits(3, 5), sep, digits(1, 3), sep, digits(1, 3)).map((p) => p.join("")),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.boolean(), sep).map(([y, m, d, dayFirst, s]) => {
    const [yy, mm, dd] = [String(y).padStart(4, "0"), String(m).padStart(2, "0"), String(d).padStart(2, "0")];
    return dayFirst ? `${dd}${s}${mm}${s}${yy}` : `${yy}${s}${mm}${s}${dd}`;
  }),
  fc.string({ minLength: 10, maxLength: 10 }),
  fc.string({ unit: fc.constantFrom(..."0123456789-/. T:"), minLength: 8, maxLength: 12 }),
).chain((s) => fc.constantFrom(s, ` ${s}`, `${s} `));

describe("cleaner fast paths agree with the general rules", () => {
  it("dates", () => {
    fc.assert(fc.property(dateLike, (s) => { expect(cleanDate(s)).toEqual(refDate(s)); }), RUNS);
    for (const s of ["29-02-2000", "29-02-1900", "29-02-2024", "29-02-2023", "31-04-2021", "00-01-2021", "01-00-2021", "31-12-0099", "29-02-0100", "2024-02-29", "1900-02-29", "0012-02-29", "16/02.2021"]) {
      expect(cleanDate(s)).toEqual(refDate(s));
    }
  });

  it("phone numbers", () => {
    const phoneLike = fc.oneof(
      digits(0, 18),
      fc.tuple(fc.constantFrom("", "0", "00", "+", "06-", "+31 "), digits(0, 16)).map(([a, b]) => a + b),
      fc.string({ unit: fc.constantFrom(..."0123456789+- ()x"), maxLength: 18 }),
      fc.string({ maxLength: 12 }),
    ).chain((s) => fc.constantFrom(s, ` ${s}`, `${s}\t`));
    fc.assert(fc.property(phoneLike, fc.constantFrom("31", "1", "44", "+31", "3a"), (s, cc) => {
      expect(cleanPhone(s, cc)).toEqual(refPhone(s, cc));
      expect(cleanPhone(s)).toEqual(refPhone(s));
    }), RUNS);
  });

  it("names and strings", () => {
    const nameLike = fc.oneof(
      fc.array(fc.constantFrom("Jan", "de", "Vries", "van", "Dijk", "O'Brien", "Anne-Marie", "12"), { maxLength: 4 }).chain((w) => fc.constantFrom(w.join(" "), w.join("  "), ` ${w.join(" ")}`, `${w.join(" ")} `)),
      fc.string({ unit: fc.constantFrom(..."Aa z. -'\t\n\u00a0\u00e9e\u0301\u2003"), maxLength: 14 }),
      fc.string({ maxLength: 14 }),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    );
    fc.assert(fc.property(nameLike, (s) => { expect(cleanString(s)).toEqual(refString(s)); }), RUNS);
  });

  it("identifiers", () => {
    const idLike = fc.oneof(
      fc.tuple(fc.constantFrom("N", "NL", "X-", ""), digits(0, 12)).map(([a, b]) => a + b),
      fc.string({ unit: fc.constantFrom(..."AZaz09-./ \t\u00a0\uff21\u2460e\u0301"), maxLength: 14 }),
      fc.string({ maxLength: 14 }),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    );
    fc.assert(fc.property(idLike, (s) => { expect(cleanIdentifier(s)).toEqual(refIdentifier(s)); }), RUNS);
  });
});
