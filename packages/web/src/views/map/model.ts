/**
 * Entities in view → what the map draws (pure): countries to highlight (every country-typed
 * value), points for addresses, ports and control points (bundled coordinates, else the
 * country's centroid), and routes: shipments from port of loading (via transit) to discharge,
 * border crossings from country to country.
 */
import { findPlace } from "./places";

export interface EntityLike {
  entity: { id: string; schema: string; caption?: string | undefined; properties: Record<string, string[]> };
  statements: readonly { prop: string; propType: string; value: string }[];
}

export type Lonlat = [number, number];

export interface MapPoint { key: string; name: string; kind: "address" | "port" | "place"; coord: Lonlat; exact: boolean; entities: { id: string; caption: string }[] }
export interface MapRoute { id: string; caption: string; kind: "shipment" | "crossing"; coords: Lonlat[]; names: string[] }
export interface MapModel {
  countries: Map<string, { id: string; caption: string }[]>;
  points: MapPoint[];
  routes: MapRoute[];
  /** Places the map could not put anywhere (no known place, no country). */
  unplaced: string[];
}

const first = (e: EntityLike, prop: string): string | undefined => e.entity.properties[prop]?.[0];
const captionOf = (e: EntityLike): string => e.entity.caption ?? first(e, "name") ?? first(e, "full") ?? e.entity.id;

export function mapModel(items: readonly EntityLike[], centroids: ReadonlyMap<string, Lonlat>): MapModel {
  const countries = new Map<string, { id: string; caption: string }[]>();
  const points = new Map<string, MapPoint>();
  const routes: MapRoute[] = [];
  const unplaced: string[] = [];
  const ref = (e: EntityLike) => ({ id: e.entity.id, caption: captionOf(e) });
  const addCountry = (code: string, e: EntityLike) => {
    const c = code.toUpperCase();
    if (!/^[A-Z]{2}$/.test(c)) return;
    const list = countries.get(c) ?? [];
    if (!list.some((x) => x.id === e.entity.id)) list.push(ref(e));
    countries.set(c, list);
  };
  /** Coordinates of a named place, else of a country. */
  const locate = (name: string | undefined, country: string | undefined): { coord: Lonlat; exact: boolean; name: string } | undefined => {
    const p = name ? findPlace(name) : undefined;
    if (p) return { coord: [p.lon, p.lat], exact: true, name: p.name };
    const c = country ? centroids.get(country.toUpperCase()) : undefined;
    if (c) return { coord: c, exact: false, name: name ?? country ?? "" };
    return undefined;
  };
  const addPoint = (kind: MapPoint["kind"], name: string | undefined, country: string | undefined, e: EntityLike) => {
    const at = locate(name, country);
    if (!at) { if (name) unplaced.push(name); return; }
    const key = `${kind}:${at.name}:${at.coord.join(",")}`;
    const p = points.get(key) ?? { key, name: at.name, kind, coord: at.coord, exact: at.exact, entities: [] };
    if (!p.entities.some((x) => x.id === e.entity.id)) p.entities.push(ref(e));
    points.set(key, p);
  };

  for (const e of items) {
    for (const s of e.statements) if (s.propType === "country") addCountry(s.value, e);
    switch (e.entity.schema) {
      case "Address": {
        const lat = Number(first(e, "latitude"));
        const lon = Number(first(e, "longitude"));
        if (Number.isFinite(lat) && Number.isFinite(lon) && first(e, "latitude") !== undefined) {
          const key = `address:${e.entity.id}`;
          points.set(key, { key, name: captionOf(e), kind: "address", coord: [lon, lat], exact: true, entities: [ref(e)] });
        } else addPoint("address", first(e, "city"), first(e, "country"), e);
        break;
      }
      case "Shipment": {
        const legs = [first(e, "portOfLoading"), first(e, "portOfTransit"), first(e, "portOfDischarge")].filter((x): x is string => !!x && x.trim() !== "");
        const origin = first(e, "countryOfOrigin");
        const placed = legs.map((name, i) => ({ name, at: locate(name, i === 0 ? origin : undefined) }));
        placed.forEach((p, i) => addPoint("port", p.name, i === 0 ? origin : undefined, e));
        const coords = placed.flatMap((p) => (p.at ? [p.at.coord] : []));
        if (coords.length >= 2) routes.push({ id: e.entity.id, caption: captionOf(e), kind: "shipment", coords, names: placed.filter((p) => p.at).map((p) => p.at?.name ?? p.name) });
        break;
      }
      case "BorderCrossing": {
        const place = first(e, "place");
        if (place) addPoint("place", place, undefined, e);
        const from = first(e, "fromCountry")?.toUpperCase();
        const to = first(e, "toCountry")?.toUpperCase();
        const a = from ? centroids.get(from) : undefined;
        const b = to ? centroids.get(to) : undefined;
        if (a && b && from !== to) routes.push({ id: e.entity.id, caption: captionOf(e), kind: "crossing", coords: [a, b], names: [from ?? "", to ?? ""] });
        break;
      }
      case "Seizure": {
        const place = first(e, "place");
        if (place) addPoint("place", place, undefined, e);
        break;
      }
      default:
        break;
    }
  }
  return { countries, points: [...points.values()], routes, unplaced: [...new Set(unplaced)] };
}

/** Ids an entity refers to that the map also wants: its addresses. */
export function addressIds(items: readonly EntityLike[]): string[] {
  return [...new Set(items.flatMap((e) => [...(e.entity.properties.addressEntity ?? [])]))];
}
