import { describe, expect, it } from "vitest";
import { kindOf, timelineModel, timeOf, type TimelineItem } from "./model";

const item = (id: string, schema: string, start: string, end?: string): TimelineItem => ({ id, schema, caption: id, start, ...(end ? { end } : {}), datasets: ["d"], involves: [] });

describe("timelineModel", () => {
  const items = [
    item("p1", "Payment", "2026-03-02"), item("s1", "Shipment", "2026-02-10", "2026-03-01"), item("c1", "Communication", "2026-03-01T10:15:00Z"),
    item("b1", "BorderCrossing", "2026-01-05"), item("x1", "Ownership", "2020"), item("bad", "Event", "not a date"),
  ];
  it("puts items in lanes by kind, in time order, with end times kept when later than the start", () => {
    const m = timelineModel(items, null);
    expect(m.points.map((p) => p.id)).toEqual(["x1", "b1", "s1", "c1", "p1"]);
    expect(m.lanes).toEqual(["payment", "shipment", "call", "border", "other"]);
    expect(m.points.find((p) => p.id === "s1")?.end).toBe(Date.parse("2026-03-01T00:00:00Z"));
    expect(m.counts).toMatchObject({ payment: 1, shipment: 1, call: 1, border: 1, other: 1, event: 1 });
  });
  it("filters by kind but keeps the counts of every kind", () => {
    const m = timelineModel(items, new Set(["payment", "call"]));
    expect(m.points.map((p) => p.id)).toEqual(["c1", "p1"]);
    expect(m.counts.shipment).toBe(1);
  });
  it("reads dates, months, years and date-times", () => {
    expect(timeOf("2026-03-02")).toBe(Date.UTC(2026, 2, 2));
    expect(timeOf("2026-03")).toBe(Date.UTC(2026, 2, 1));
    expect(timeOf("2026")).toBe(Date.UTC(2026, 0, 1));
    expect(timeOf("2026-03-01T10:15:00Z")).toBe(Date.UTC(2026, 2, 1, 10, 15));
    expect(kindOf("Call")).toBe("call");
    expect(kindOf("Whatever")).toBe("other");
  });
});
