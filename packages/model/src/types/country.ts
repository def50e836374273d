import { ALPHA3, COUNTRY_NAMES } from "./iso3166.generated";
import { fail, ok, type Cleaned } from "./result";

/** Folds case and diacritics so "België", "belgie" and "BELGIË" compare equal. */
export function foldText(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Names seen in Dutch-language and partner sources that the English ISO list lacks. */
const EXTRA: Record<string, string> = {
  nederland: "nl", holland: "nl", "the netherlands": "nl", belgie: "be", duitsland: "de", deutschland: "de",
  frankrijk: "fr", spanje: "es", espana: "es", marokko: "ma", turkije: "tr", turkiye: "tr", "verenigde arabische emiraten": "ae",
  uae: "ae", emirates: "ae", "verenigd koninkrijk": "gb", uk: "gb", "great britain": "gb", england: "gb",
  "verenigde staten": "us", usa: "us", "united states of america": "us", suriname: "sr", curacao: "cw",
  ecuador: "ec", colombia: "co", brazilie: "br", brasil: "br", peru: "pe", bolivie: "bo", china: "cn", "hong kong": "hk",
  singapore: "sg", italie: "it", polen: "pl", albanie: "al", servie: "rs", kosovo: "xk", russia: "ru", rusland: "ru",
};

let index: Map<string, string> | undefined;

function lookup(): Map<string, string> {
  if (index) return index;
  const m = new Map<string, string>();
  for (let i = 0; i < ALPHA3.length; i += 5) m.set(ALPHA3.slice(i, i + 3).toLowerCase(), ALPHA3.slice(i + 3, i + 5).toLowerCase());
  for (const [code, ...names] of COUNTRY_NAMES) for (const n of names) m.set(foldText(n), code!.toLowerCase());
  for (const [k, v] of Object.entries(EXTRA)) m.set(k, v);
  index = m;
  return m;
}

/** ISO-3166 alpha-2 (lower case, as FtM) from a code, alpha-3 code or name; `known` are FtM's codes. */
export function cleanCountry(raw: string, known: Record<string, string>): Cleaned {
  const s = raw.trim();
  if (s === "") return fail("empty country");
  const lower = s.toLowerCase();
  if (Object.hasOwn(known, lower)) return ok(lower);
  const hit = lookup().get(lower) ?? lookup().get(foldText(s));
  if (hit && Object.hasOwn(known, hit)) return ok(hit);
  for (const [code, name] of Object.entries(known)) if (foldText(name) === foldText(s)) return ok(code);
  return fail(`unknown country "${raw}"`);
}
