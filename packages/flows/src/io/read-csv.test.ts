import { describe, expect, it } from "vitest";
import { readTransactions, splitRecord } from "./read-csv";
import { parseAmount, parseTimestamp } from "./time";
import { RatesTable } from "../rates";
import { isVizierError } from "@vizier/model";

const cols = { from: "payer", to: "payee", amount: "amt", time: "date", id: "id" };

describe("readTransactions", () => {
  it("reads quoted fields, detects the delimiter and splits chunks anywhere", () => {
    const text = 'id;payer;payee;amt;date\n1;"Jansen; B.V.";B;"1.234,50";2025-03-01\n2;B;"C ""x""";10;2025-03-02T10:00:00+01:00\n';
    for (const size of [1, 3, 7, 1000]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      const t = readTransactions(chunks, cols);
      expect(t.size).toBe(2);
      expect(t.accounts).toEqual(["B", 'C "x"', "Jansen; B.V."]);
      expect(t.amount[0]).toBeCloseTo(1234.5);
      expect(t.time[1]).toBe(Date.UTC(2025, 2, 2, 9) / 1000);
    }
  });

  it("converts currencies with the dated rate in force", () => {
    const rates = new RatesTable([
      { currency: "USD", date: Date.UTC(2025, 0, 1) / 1000, rate: 1.25 },
      { currency: "USD", date: Date.UTC(2025, 5, 1) / 1000, rate: 1.1 },
    ]);
    const t = readTransactions(["id,payer,payee,amt,cur,date\n1,A,B,125,USD,2025-03-01\n2,A,B,110,usd,2025-07-01\n3,A,B,5,EUR,2025-07-01\n"], { ...cols, currency: "cur" }, { rates });
    expect([...t.amount]).toEqual([100, 100, 5]);
    expect(() => readTransactions(["id,payer,payee,amt,cur,date\n1,A,B,1,XXX,2025-03-01\n"], { ...cols, currency: "cur" }, { rates })).toThrow();
  });

  it("reads AMLSim-style day steps as days", () => {
    const t = readTransactions(["id,payer,payee,amt,date\n1,A,B,100,3\n2,B,C,90,5\n"], cols);
    expect(t.time[1]! - t.time[0]!).toBe(2 * 86400);
  });

  it("reports a missing column and a bad value with codes", () => {
    try { readTransactions(["id,payer,payee,amount,date\n"], cols); expect.unreachable(); } catch (e) { expect(isVizierError(e, "INVALID_ARGUMENT")).toBe(true); }
    try { readTransactions(["id,payer,payee,amt,date\n1,A,B,abc,2025-01-01\n"], cols); expect.unreachable(); } catch (e) { expect(isVizierError(e, "INVALID_INPUT")).toBe(true); }
  });
});

describe("parsing helpers", () => {
  it("parses dates in several forms", () => {
    expect(parseTimestamp("2025-01-02")).toBe(Date.UTC(2025, 0, 2) / 1000);
    expect(parseTimestamp("2025-01-02 03:04:05")).toBe(Date.UTC(2025, 0, 2, 3, 4, 5) / 1000);
    expect(parseTimestamp("2017-01-01T00:00:00Z")).toBe(Date.UTC(2017, 0, 1) / 1000);
    expect(parseTimestamp("02-01-2025")).toBe(Date.UTC(2025, 0, 2) / 1000);
    expect(parseTimestamp("2025-13-01")).toBeNaN();
    expect(parseTimestamp("")).toBeNaN();
  });
  it("parses amounts with separators", () => {
    expect(parseAmount("1,234.56")).toBeCloseTo(1234.56);
    expect(parseAmount("1.234,56")).toBeCloseTo(1234.56);
    expect(parseAmount("€ 12,5")).toBeCloseTo(12.5);
    expect(parseAmount("x")).toBeNaN();
  });
  it("splits records with quotes", () => {
    expect(splitRecord('a,"b,c",d', ",")).toEqual(["a", "b,c", "d"]);
    expect(splitRecord('"",x', ",")).toEqual(["", "x"]);
  });
});
