import type { Property } from "../registry";
import { cleanCountry } from "./country";
import { cleanDate } from "./date";
import { cleanContainer, cleanEmail, cleanIban, cleanIdentifier, cleanPhone } from "./identifiers";
import { fail, ok, type Cleaned } from "./result";
import { cleanNumber, cleanString } from "./text";
import { cleanUrl } from "./url";

export type { Cleaned } from "./result";
export { cleanCountry, foldText } from "./country";
export { cleanDate } from "./date";
export { cleanContainer, cleanEmail, cleanIban, cleanIdentifier, cleanPhone, identifierKey } from "./identifiers";
export { cleanNumber, cleanString } from "./text";
export { cleanUrl } from "./url";

export interface CleanOptions {
  /** strptime-style date format from the mapping. */
  format?: string | undefined;
  /** Country calling code for national phone numbers (default 31, the Netherlands). */
  callingCode?: string | undefined;
  /** Known country codes (from the model's country type). */
  countries: Record<string, string>;
}

/**
 * Normalises a raw value for a property by its type (and format, e.g. IBAN). The caller keeps
 * the original beside the normalised value; a failure says why so the row can be quarantined.
 */
export function cleanValue(prop: Pick<Property, "type" | "format">, raw: string, opts: CleanOptions): Cleaned {
  if (raw.trim() === "") return fail("empty value");
  if (prop.format === "iban") return cleanIban(raw);
  if (prop.format === "container") return cleanContainer(raw);
  switch (prop.type) {
    case "date": return cleanDate(raw, opts.format);
    case "country": return cleanCountry(raw, opts.countries);
    case "phone": return cleanPhone(raw, opts.callingCode);
    case "email": return cleanEmail(raw);
    case "identifier": return cleanIdentifier(raw);
    case "number": return cleanNumber(raw);
    case "entity": return ok(raw.trim());
    case "url": return cleanUrl(raw);
    case "json":
    case "html":
    case "text": return ok(raw);
    default: return cleanString(raw);
  }
}
