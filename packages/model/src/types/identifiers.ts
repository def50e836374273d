import { fail, ok, type Cleaned } from "./result";

/** Identifiers are kept as written (trimmed, white space collapsed), as FtM stores them. */
export function cleanIdentifier(raw: string): Cleaned {
  // Printable ASCII without spaces is already in NFKC with nothing to collapse or trim.
  if (raw.length > 0 && printableAscii(raw)) return ok(raw);
  const v = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  return v === "" ? fail("empty identifier") : ok(v);
}

function printableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The comparison key of an identifier: no spacing or punctuation, upper case ("12-34.5" ≡ "12345"). */
export function identifierKey(v: string): string {
  return v.normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "").toUpperCase();
}

/** IBAN: ISO 13616 mod-97 check after removing spaces. */
export function cleanIban(raw: string): Cleaned {
  const v = raw.replace(/[\s-]+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v)) return fail(`invalid IBAN "${raw}"`);
  const rearranged = v.slice(4) + v.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const d = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of d) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem === 1 ? ok(v) : fail(`invalid IBAN checksum "${raw}"`);
}

/** ISO 6346 container number: owner code, category, serial, check digit. */
export function cleanContainer(raw: string): Cleaned {
  const v = raw.replace(/[\s-]+/g, "").toUpperCase();
  if (!/^[A-Z]{3}[UJZR]\d{7}$/.test(v)) return fail(`invalid container number "${raw}"`);
  const values = "0123456789A?BCDEFGHIJK?LMNOPQRSTU?VWXYZ";
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += values.indexOf(v[i]!) * 2 ** i;
  const check = (sum % 11) % 10;
  return check === Number(v[10]) ? ok(v) : fail(`invalid container check digit "${raw}"`);
}

/**
 * Length of the national significant number (without the trunk 0) per calling code, where one
 * length holds for every number: a number of exactly that length without any prefix is a
 * national number whose trunk 0 was lost (spreadsheets store 0612345678 as the number 612345678).
 */
const NATIONAL_LENGTH: Readonly<Record<string, number>> = { "31": 9 };

/**
 * Phone numbers in E.164 form (`+31612345678`). National numbers take the default country's
 * calling code (Dutch sources write `06-12345678`); `00` is the international prefix; for the
 * Dutch default, nine digits without a prefix are a national number that lost its 0
 * (`612345678`); other numbers without a prefix are taken as international without the `+`.
 */
export function cleanPhone(raw: string, defaultCallingCode = "31"): Cleaned {
  const s = raw.trim();
  // Digits only (the common export shape): the general rules below without building strings.
  if (s.length > 0 && allDigits(s) && allDigits(defaultCallingCode)) {
    let e164: string | undefined;
    if (s.charCodeAt(0) !== 48) e164 = s.length === NATIONAL_LENGTH[defaultCallingCode] ? `+${defaultCallingCode}${s}` : s.length >= 7 ? "+" + s : undefined;
    else if (s.charCodeAt(1) === 48) e164 = s.length - 2 >= 7 && s.length - 2 <= 15 ? "+" + s.slice(2) : undefined;
    else {
      const n = defaultCallingCode.length + s.length - 1;
      e164 = n >= 7 && n <= 15 ? `+${defaultCallingCode}${s.slice(1)}` : undefined;
    }
    return e164 !== undefined ? ok(e164) : fail(`invalid phone number "${raw}"`);
  }
  let digits = s.replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = "+" + digits.slice(2);
  if (!digits.startsWith("+")) {
    if (!digits.startsWith("0")) {
      if (digits.length === NATIONAL_LENGTH[defaultCallingCode] && !digits.includes("+")) return ok(`+${defaultCallingCode}${digits}`);
      return digits.length >= 7 ? ok("+" + digits) : fail(`invalid phone number "${raw}"`);
    }
    digits = `+${defaultCallingCode}${digits.slice(1)}`;
  }
  digits = "+" + digits.slice(1).replace(/\+/g, "");
  const n = digits.length - 1;
  return n >= 7 && n <= 15 ? ok(digits) : fail(`invalid phone number "${raw}"`);
}

/** E-mail addresses: trimmed, domain lower-cased, one `@`. */
export function cleanEmail(raw: string): Cleaned {
  const s = raw.trim().replace(/^mailto:/i, "");
  const m = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/.exec(s);
  return m ? ok(`${m[1]}@${m[2]!.toLowerCase()}`) : fail(`invalid e-mail address "${raw}"`);
}
