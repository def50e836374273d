import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { openFtm } from "./ftm";
import { openSource } from "./open";
import { allRows, tempDir } from "./test-files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const CSV = "kvk;naam\n12345678;Bakkerij De Vries BV\n" + Array.from({ length: 5000 }, (_, i) => `${10000000 + i};Bedrijf ${i} BV`).join("\n") + "\n";

describe("gzip-compressed sources", () => {
  it("reads a .csv.gz as the CSV it holds, counting compressed bytes for progress", async () => {
    const plain = await allRows(await openSource(tmp.write("plain.csv", CSV)));
    const src = await openSource(tmp.write("companies.csv.gz", gzipSync(CSV)));
    expect(src).toMatchObject({ format: "csv", delimiter: ";", columns: ["kvk", "naam"] });
    expect(await allRows(src)).toEqual(plain);
    expect(src.bytesRead()).toBe(src.bytesTotal);
    expect(src.bytesTotal).toBeLessThan(Buffer.byteLength(CSV));
  });

  it("detects what a compressed file holds without a telling name: JSON lines, FtM entities", async () => {
    const jsonl = await openSource(tmp.write("export.gz", gzipSync('{"id": 1, "name": "Ann"}\n')));
    expect(jsonl.format).toBe("jsonl");
    expect((await allRows(jsonl))[0]!.values).toEqual({ id: "1", name: "Ann" });
    const ftm = await openFtm(tmp.write("entities.ftm.json.gz", gzipSync('{"id": "e1", "schema": "Person", "properties": {"name": ["Ann"]}}\n')));
    const records = [];
    for await (const r of ftm.records) records.push(r);
    expect(records.map((r) => r.entity?.properties)).toEqual([{ name: ["Ann"] }]);
  });

  it("a truncated or corrupt compressed file is INVALID_INPUT naming the file", async () => {
    const whole = gzipSync(CSV);
    const f = tmp.write("cut.csv.gz", whole.subarray(0, Math.floor(whole.length / 2)));
    const e = await (async () => {
      try {
        await allRows(await openSource(f));
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(isVizierError(e, "INVALID_INPUT"), String(e)).toBe(true);
    expect((e as Error).message).toContain("cut.csv.gz: the gzip data is corrupt or truncated");
  });

  it("refuses a compressed workbook with a clear message", async () => {
    const e = await openSource(tmp.write("book.xlsx.gz", gzipSync(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])))).then(() => undefined, (x: unknown) => x);
    expect(isVizierError(e, "INVALID_INPUT")).toBe(true);
    expect((e as Error).message).toContain("compressed workbook");
  });
});
