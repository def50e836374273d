import { fail, ok, type Cleaned } from "./result";

/** Names and strings: Unicode NFC, collapsed white space; the original is kept beside it. */
export function cleanString(raw: string): Cleaned {
  // Printable ASCII with single inner spaces is already NFC with nothing to collapse or trim.
  if (plainAscii(raw)) return ok(raw);
  const v = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  return v === "" ? fail("empty value") : ok(v);
}

function plainAscii(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c === 32 && prev === 32)) return false;
    prev = c;
  }
  return true;
}

/**
 * Numbers and amounts: accepts `1234.5`, `1,234.50`, `1.234,50` (Dutch), `€ 1.234`, `1 234,5`.
 * A lone separator followed by exactly three digits is read as a thousands separator.
 */
export function cleanNumber(raw: string): Cleaned {
  let s = raw.trim().replace(/^[€$£]|[€$£]$|\b(EUR|USD|GBP)\b/gi, "").replace(/[\s\u00a0']/g, "");
  if (s === "") return fail("empty number");
  const neg = /^-/.test(s);
  s = s.replace(/^[-+]/, "");
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? "." : ",";
    const thou = dec === "." ? "," : ".";
    s = s.split(thou).join("").replace(dec, ".");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? "," : ".";
    const parts = s.split(sep);
    const thousands = parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3 && sep === ",");
    s = thousands ? parts.join("") : parts.join(".");
    if (parts.length > 2 && sep === ".") s = parts.join("");
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return fail(`invalid number "${raw}"`);
  return ok(String(Number((neg ? "-" : "") + s)));
}
