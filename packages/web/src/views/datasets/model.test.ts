import { describe, expect, it } from "vitest";
import { fractionOf, rawCells, readingFields } from "./model";

describe("datasets model", () => {
  it("progress is bytes read over total, clamped; unknown without a total", () => {
    expect(fractionOf({ bytesRead: 50, bytesTotal: 200 })).toBe(0.25);
    expect(fractionOf({ bytesRead: 300, bytesTotal: 200 })).toBe(1);
    expect(fractionOf({ rows: 5 })).toBeUndefined();
    expect(fractionOf({ bytesRead: 1, bytesTotal: 0 })).toBeUndefined();
  });
  it("shows raw rows as cells", () => {
    expect(rawCells('{"naam":"Jan","n":3}')).toEqual([["naam", "Jan"], ["n", "3"]]);
    expect(rawCells('["a",1]')).toEqual([["1", "a"], ["2", "1"]]);
    expect(rawCells("not json")).toEqual([["", "not json"]]);
  });
  it("sends only the reading instructions given", () => {
    expect(readingFields("", "")).toEqual({});
    expect(readingFields(" id,name ", "0")).toEqual({ columns: "id,name" });
    expect(readingFields("", "2")).toEqual({ skipRows: "2" });
  });
});
