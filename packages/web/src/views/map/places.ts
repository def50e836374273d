/**
 * Coordinates of the places the demo scenario names (its ports, Dutch towns, Schiphol) plus a few
 * large ports, bundled so the map needs no geocoder and fetches nothing. Anything else is drawn
 * at its country's centroid. Coordinates are WGS84 [longitude, latitude], rounded to 0.01°.
 */

export interface Place { name: string; country: string; lon: number; lat: number; port: boolean }

const P = (name: string, country: string, lat: number, lon: number, port = true): Place => ({ name, country, lon, lat, port });

export const PLACES: readonly Place[] = [
  P("Rotterdam", "NL", 51.95, 4.14), P("Amsterdam", "NL", 52.38, 4.9), P("Antwerpen", "BE", 51.26, 4.4),
  P("Hamburg", "DE", 53.54, 9.97), P("Le Havre", "FR", 49.48, 0.11), P("Algeciras", "ES", 36.13, -5.44), P("Valencia", "ES", 39.45, -0.32),
  P("Shanghai", "CN", 31.23, 121.5), P("Ningbo", "CN", 29.87, 121.55), P("Singapore", "SG", 1.26, 103.84), P("Busan", "KR", 35.1, 129.04),
  P("Mumbai", "IN", 18.95, 72.84), P("Durban", "ZA", -29.87, 31.03), P("Santos", "BR", -23.96, -46.33), P("New York", "US", 40.68, -74.04),
  P("Callao", "PE", -12.05, -77.15), P("Cartagena", "CO", 10.4, -75.51), P("Puerto Bolívar", "EC", -3.27, -80.0),
  P("Guayaquil", "EC", -2.2, -79.9), P("Moín", "CR", 10.0, -83.08),
  P("Schiphol", "NL", 52.31, 4.76, false),
  P("Den Haag", "NL", 52.08, 4.3, false), P("Utrecht", "NL", 52.09, 5.12, false), P("Eindhoven", "NL", 51.44, 5.48, false),
  P("Tilburg", "NL", 51.56, 5.09, false), P("Breda", "NL", 51.59, 4.78, false), P("Schiedam", "NL", 51.92, 4.4, false),
  P("Vlaardingen", "NL", 51.91, 4.34, false), P("Spijkenisse", "NL", 51.85, 4.33, false), P("Dordrecht", "NL", 51.81, 4.67, false),
  P("Almere", "NL", 52.37, 5.22, false), P("Groningen", "NL", 53.22, 6.57, false), P("Zwolle", "NL", 52.52, 6.08, false),
  P("Nijmegen", "NL", 51.84, 5.86, false), P("Venlo", "NL", 51.37, 6.17, false), P("Maassluis", "NL", 51.92, 4.25, false),
  P("Barendrecht", "NL", 51.86, 4.53, false),
];

const ALIASES: Record<string, string> = { antwerp: "antwerpen", anvers: "antwerpen", "the hague": "den haag", "'s-gravenhage": "den haag", "haven van antwerpen": "antwerpen", "luchthaven schiphol": "schiphol" };

/** Lower case without diacritics or punctuation at the ends: "Moín " → "moin". */
export function normalisePlace(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

const INDEX = new Map(PLACES.map((p) => [normalisePlace(p.name), p]));

/** A known place by name ("Rotterdam", "Antwerp", "Haven van Antwerpen", "Rotterdam, ECT Delta"). */
export function findPlace(name: string): Place | undefined {
  const n = normalisePlace(name);
  const direct = INDEX.get(ALIASES[n] ?? n);
  if (direct) return direct;
  // "Rotterdam, ECT Delta", "Schiphol (aankomst)": the first part names the place.
  const head = n.split(/[,(/]/)[0]?.trim() ?? "";
  return INDEX.get(ALIASES[head] ?? head);
}
