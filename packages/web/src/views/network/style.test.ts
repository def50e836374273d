import { describe, expect, it } from "vitest";
import { communityColour, PALETTE, schemaStyle, sizeScale } from "./style";

describe("schemaStyle", () => {
  it("gives persons, companies and accounts their i2 icons and unknown schemata a default", () => {
    expect(schemaStyle("Person").anxIcon).toBe("Person");
    expect(schemaStyle("Company").anxIcon).toBe("Organisation");
    expect(schemaStyle("BankAccount").anxIcon).toBe("Account");
    expect(schemaStyle("ShellCompanyX").anxIcon).toBe("Organisation");
    expect(schemaStyle("Nonsense").anxIcon).toBe("Entity");
  });
});

describe("communityColour", () => {
  it("cycles through the palette, also for negative ids", () => {
    expect(communityColour(0)).toBe(PALETTE[0]);
    expect(communityColour(PALETTE.length + 2)).toBe(PALETTE[2]);
    expect(communityColour(-1)).toBe(PALETTE[PALETTE.length - 1]);
  });
});

describe("sizeScale", () => {
  it("maps the largest value to max, zero to min and grows with the square root", () => {
    const s = sizeScale(new Map([["a", 0], ["b", 25], ["c", 100]]), 2, 12);
    expect(s.get("a")).toBe(2);
    expect(s.get("c")).toBe(12);
    expect(s.get("b")).toBeCloseTo(7);
  });
  it("gives every node the minimum when all values are zero", () => {
    expect([...sizeScale(new Map([["a", 0], ["b", 0]]), 3, 9).values()]).toEqual([3, 3]);
  });
});
