import { describe, expect, it } from "vitest";
import { feature } from "topojson-client";
import type { FeatureCollection } from "geojson";
import type { Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";
import { alpha2OfNumeric, centroid, keyByAlpha2 } from "./geo";

describe("centroid", () => {
  it("is the middle of a square and of the largest polygon of a multipolygon", () => {
    expect(centroid({ type: "Polygon", coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual([1, 1]);
    const c = centroid({ type: "MultiPolygon", coordinates: [[[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]], [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]] });
    expect(c).toEqual([2, 2]);
  });
});

describe("the bundled world", () => {
  const topo = countries as unknown as Topology;
  const fc = feature(topo, topo.objects.countries!) as FeatureCollection;
  const world = keyByAlpha2(fc);
  it("keys countries by alpha-2 code with centroids inside the right part of the world", () => {
    expect(alpha2OfNumeric("528")).toBe("NL");
    expect(alpha2OfNumeric(76)).toBe("BR");
    expect(world.geojson.features.length).toBeGreaterThan(150);
    const [lon, lat] = world.centroids.get("NL") ?? [0, 0];
    expect(lon).toBeGreaterThan(3);
    expect(lon).toBeLessThan(7.5);
    expect(lat).toBeGreaterThan(50.5);
    expect(lat).toBeLessThan(53.7);
    const fr = world.centroids.get("FR") ?? [0, 0];
    expect(fr[0]).toBeGreaterThan(-5); // mainland, not French Guiana
    expect(fr[1]).toBeGreaterThan(42);
    const ec = world.centroids.get("EC") ?? [0, 0];
    expect(ec[0]).toBeLessThan(-75);
    expect(world.names.get("CO")).toBe("Colombia");
    // no ring of the drawn map jumps across the antimeridian (it would draw a line around the world)
    for (const f of world.geojson.features) {
      const g = f.geometry;
      const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      for (const poly of polys) for (const ring of poly) ring.forEach((p, i) => { if (i > 0) expect(Math.abs((p[0] ?? 0) - (ring[i - 1]?.[0] ?? 0))).toBeLessThanOrEqual(180); });
    }
    expect(world.centroids.has("RU")).toBe(true);
    expect(world.centroids.has("AQ")).toBe(false);
  });
});
