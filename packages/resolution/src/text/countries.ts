/** Country names and common variants to ISO 3166-1 alpha-2 codes (a deliberately small table). */
const COUNTRIES: Record<string, string> = {
  netherlands: "NL", "the netherlands": "NL", holland: "NL", nederland: "NL", nld: "NL",
  belgium: "BE", belgie: "BE", belgique: "BE", bel: "BE", germany: "DE", deutschland: "DE", deu: "DE",
  france: "FR", fra: "FR", spain: "ES", espana: "ES", esp: "ES", italy: "IT", italia: "IT", ita: "IT",
  portugal: "PT", prt: "PT", "united kingdom": "GB", uk: "GB", "great britain": "GB", gbr: "GB",
  england: "GB", ireland: "IE", irl: "IE", luxembourg: "LU", lux: "LU", switzerland: "CH", che: "CH",
  austria: "AT", aut: "AT", poland: "PL", pol: "PL", "united states": "US", usa: "US",
  "united states of america": "US", america: "US", canada: "CA", can: "CA", mexico: "MX", mex: "MX",
  colombia: "CO", col: "CO", venezuela: "VE", ven: "VE", brazil: "BR", brasil: "BR", bra: "BR",
  argentina: "AR", arg: "AR", peru: "PE", per: "PE", ecuador: "EC", ecu: "EC", morocco: "MA", maroc: "MA",
  mar: "MA", turkey: "TR", turkiye: "TR", tur: "TR", russia: "RU", "russian federation": "RU", rus: "RU",
  rossiia: "RU", ukraine: "UA", ukr: "UA", ukraina: "UA", china: "CN", chn: "CN", "hong kong": "HK",
  india: "IN", ind: "IN", pakistan: "PK", "united arab emirates": "AE", uae: "AE", are: "AE",
  "saudi arabia": "SA", sau: "SA", nigeria: "NG", nga: "NG", suriname: "SR", sur: "SR", curacao: "CW",
  albania: "AL", alb: "AL", serbia: "RS", srb: "RS", greece: "GR", grc: "GR", ellada: "GR",
  cyprus: "CY", cyp: "CY", malta: "MT", mlt: "MT", panama: "PA", pan: "PA", "cayman islands": "KY",
  "british virgin islands": "VG", singapore: "SG", sgp: "SG", australia: "AU", aus: "AU",
};

/** ISO alpha-2 code for a folded country name or code; the input itself when unknown. */
export function countryCode(folded: string): string {
  if (/^[a-z]{2}$/.test(folded)) return folded.toUpperCase();
  return COUNTRIES[folded] ?? folded;
}
