import { describe, expect, it } from "vitest";
import { addressIds, mapModel, type EntityLike } from "./model";
import { findPlace } from "./places";

const ent = (id: string, schema: string, properties: Record<string, string[]>, countryProps: string[] = []): EntityLike => ({
  entity: { id, schema, caption: `${schema} ${id}`, properties },
  statements: Object.entries(properties).flatMap(([prop, vs]) => vs.map((value) => ({ prop, value, propType: countryProps.includes(prop) ? "country" : "string" }))),
});
const centroids = new Map<string, [number, number]>([["NL", [5.5, 52.2]], ["EC", [-78.5, -1.5]], ["CO", [-73, 4]], ["DE", [10, 51]]]);

describe("mapModel", () => {
  it("highlights every country-typed value and places addresses at their town or else the country", () => {
    const m = mapModel([
      ent("p1", "Person", { name: ["Piet"], nationality: ["nl"], country: ["co"] }, ["nationality", "country"]),
      ent("a1", "Address", { full: ["Kade 1, Schiedam"], city: ["Schiedam"], country: ["nl"] }, ["country"]),
      ent("a2", "Address", { full: ["Hauptstr. 5"], city: ["Kleinstadt"], country: ["de"] }, ["country"]),
      ent("a3", "Address", { full: ["x"], latitude: ["51.5"], longitude: ["4.1"] }),
    ], centroids);
    expect([...m.countries.keys()].sort()).toEqual(["CO", "DE", "NL"]);
    expect(m.countries.get("NL")?.map((x) => x.id)).toEqual(["p1", "a1"]);
    const schiedam = m.points.find((p) => p.entities.some((e) => e.id === "a1"));
    expect(schiedam?.exact).toBe(true);
    expect(schiedam?.coord).toEqual([4.4, 51.92]);
    const de = m.points.find((p) => p.entities.some((e) => e.id === "a2"));
    expect(de).toMatchObject({ exact: false, coord: [10, 51] });
    expect(m.points.find((p) => p.entities.some((e) => e.id === "a3"))?.coord).toEqual([4.1, 51.5]);
  });
  it("draws shipments from loading via transit to discharge and border crossings between countries", () => {
    const m = mapModel([
      ent("s1", "Shipment", { portOfLoading: ["Guayaquil"], portOfTransit: ["Cartagena"], portOfDischarge: ["Rotterdam"], countryOfOrigin: ["ec"] }, ["countryOfOrigin"]),
      ent("s2", "Shipment", { portOfLoading: ["Nowhere Bay"], portOfDischarge: ["Antwerp"], countryOfOrigin: ["ec"] }, ["countryOfOrigin"]),
      ent("b1", "BorderCrossing", { place: ["Schiphol"], fromCountry: ["co"], toCountry: ["nl"] }, ["fromCountry", "toCountry"]),
    ], centroids);
    const s1 = m.routes.find((r) => r.id === "s1");
    expect(s1?.names).toEqual(["Guayaquil", "Cartagena", "Rotterdam"]);
    expect(s1?.coords).toHaveLength(3);
    const s2 = m.routes.find((r) => r.id === "s2");
    expect(s2?.coords[0]).toEqual([-78.5, -1.5]); // unknown loading port: the origin country's centroid
    expect(s2?.names[1]).toBe("Antwerpen");
    expect(m.routes.find((r) => r.id === "b1")).toMatchObject({ kind: "crossing", coords: [[-73, 4], [5.5, 52.2]] });
    expect(m.points.filter((p) => p.kind === "port").map((p) => p.name).sort()).toEqual(["Antwerpen", "Cartagena", "Guayaquil", "Nowhere Bay", "Rotterdam"]);
    expect(m.points.find((p) => p.name === "Schiphol")?.kind).toBe("place");
  });
  it("lists what it cannot place and collects address ids", () => {
    const m = mapModel([ent("s3", "Shipment", { portOfLoading: ["Atlantis"], portOfDischarge: ["Rotterdam"] })], centroids);
    expect(m.unplaced).toEqual(["Atlantis"]);
    expect(m.routes).toHaveLength(0);
    expect(addressIds([ent("p", "Person", { addressEntity: ["a1", "a2"] }), ent("q", "Person", { addressEntity: ["a1"] })])).toEqual(["a1", "a2"]);
  });
});

describe("findPlace", () => {
  it("knows the scenario's ports and places, ignoring case, accents and qualifiers", () => {
    expect(findPlace("moin")?.country).toBe("CR");
    expect(findPlace("Puerto Bolivar")?.country).toBe("EC");
    expect(findPlace("Rotterdam, ECT Delta")?.name).toBe("Rotterdam");
    expect(findPlace("Haven van Antwerpen")?.name).toBe("Antwerpen");
    expect(findPlace("Atlantis")).toBeUndefined();
  });
});
