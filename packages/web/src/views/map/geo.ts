/**
 * Country boundaries from world-atlas (Natural Earth 1:110m, bundled; nothing is fetched) as
 * GeoJSON keyed by ISO 3166-1 alpha-2 code, and country centroids for placing what has no
 * coordinates of its own.
 */
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { ALPHA2_NUMERIC } from "./iso-numeric.generated";

const NUMERIC_TO_ALPHA2 = new Map<string, string>();
for (let i = 0; i + 5 <= ALPHA2_NUMERIC.length; i += 5) NUMERIC_TO_ALPHA2.set(ALPHA2_NUMERIC.slice(i + 2, i + 5), ALPHA2_NUMERIC.slice(i, i + 2));

/** Alpha-2 code of a world-atlas feature id (ISO numeric, "528" → "NL"). */
export function alpha2OfNumeric(id: string | number | undefined): string | undefined {
  if (id === undefined) return undefined;
  return NUMERIC_TO_ALPHA2.get(String(id).padStart(3, "0"));
}

/** Signed area and centroid of a ring (shoelace formula), in degrees. */
function ringCentroid(ring: readonly Position[]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  a /= 2;
  return a === 0 ? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 } : { area: a, x: cx / (6 * a), y: cy / (6 * a) };
}

/**
 * The centroid of a country's largest polygon: the mainland, so that France is not pulled
 * towards Guiana nor the Netherlands towards the Caribbean.
 */
export function centroid(g: Geometry): [number, number] | undefined {
  const polygons: Position[][][] = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  let best: { area: number; x: number; y: number } | undefined;
  for (const poly of polygons) {
    const outer = poly[0];
    if (!outer) continue;
    const c = ringCentroid(outer);
    if (!best || Math.abs(c.area) > Math.abs(best.area)) best = c;
  }
  return best ? [best.x, best.y] : undefined;
}

/**
 * Drops rings that jump across the antimeridian (Fiji, Chukotka) and Antarctica: drawn on a flat
 * map they become lines across the whole world; none of them holds anything the map shows.
 */
export function withoutAntimeridianRings(g: Geometry): Geometry | null {
  const ok = (ring: readonly Position[]) => ring.every((p, i) => i === 0 || Math.abs((p[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) <= 180);
  if (g.type === "Polygon") return ok(g.coordinates[0] ?? []) ? g : null;
  if (g.type === "MultiPolygon") {
    const polys = g.coordinates.filter((poly) => ok(poly[0] ?? []));
    return polys.length > 0 ? { type: "MultiPolygon", coordinates: polys } : null;
  }
  return g;
}

export interface World {
  geojson: FeatureCollection;
  /** Country centroid by alpha-2 code, [lon, lat]. */
  centroids: Map<string, [number, number]>;
  /** English country name by alpha-2 code (Natural Earth's short names). */
  names: Map<string, string>;
}

/** Re-keys features by alpha-2 code (ECharts matches regions by `properties.name`). */
export function keyByAlpha2(fc: FeatureCollection): World {
  const centroids = new Map<string, [number, number]>();
  const names = new Map<string, string>();
  const features: Feature[] = [];
  for (const f of fc.features) {
    const code = alpha2OfNumeric(f.id);
    if (!code || code === "AQ") continue;
    const geometry = f.geometry ? withoutAntimeridianRings(f.geometry) : null;
    if (!geometry) continue;
    const name = typeof f.properties?.name === "string" ? f.properties.name : code;
    names.set(code, name);
    const c = centroid(geometry);
    if (c) centroids.set(code, c);
    features.push({ ...f, geometry, properties: { name: code, label: name } });
  }
  return { geojson: { type: "FeatureCollection", features }, centroids, names };
}
