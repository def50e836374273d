import { createWriteStream } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { MIXED_ENCODING } from "./csv";
import { openSource } from "./open";
import { allRows, tempDir } from "./test-files";
import type { SourceRow } from "./types";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function expectCode(p: Promise<unknown>, code: string, fileMention?: string): Promise<void> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(isVizierError(e), String(e)).toBe(true);
  if (isVizierError(e)) {
    expect(e.code).toBe(code);
    if (fileMention) expect(e.location?.file).toBe(fileMention);
  }
}

describe("openSource: delimited text", () => {
  it("reads a comma CSV with 1-based row numbers (header is row 1)", async () => {
    const f = tmp.write("ok.csv", "kvk,naam\n12345678,Bakkerij De Vries BV\n87654321,\"Jansen, Holding\"\n");
    const src = await openSource(f);
    expect(src).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ",", columns: ["kvk", "naam"] });
    const rows = await allRows(src);
    expect(rows).toEqual([
      { row: 2, values: { kvk: "12345678", naam: "Bakkerij De Vries BV" } },
      { row: 3, values: { kvk: "87654321", naam: "Jansen, Holding" } },
    ]);
    expect(src.bytesRead()).toBe(src.bytesTotal);
  });

  it("detects semicolon, tab and pipe and honours a declared delimiter", async () => {
    for (const [d, name] of [[";", "semi.csv"], ["\t", "tab.tsv"], ["|", "pipe.txt"]] as const) {
      const src = await openSource(tmp.write(name, `a${d}b\n1${d}2\n`));
      expect(src.delimiter).toBe(d);
      expect((await allRows(src))[0]!.values).toEqual({ a: "1", b: "2" });
    }
    const forced = await openSource(tmp.write("forced.csv", "a;b\n1;2\n"), { delimiter: "," });
    expect(forced.columns).toEqual(["a;b"]);
  });

  it("strips a UTF-8 BOM from the first header name", async () => {
    const src = await openSource(tmp.write("bom.csv", "\uFEFFnaam,plaats\nJan,Delft\n"));
    expect(src.columns).toEqual(["naam", "plaats"]);
  });

  it("flags ragged rows with expected vs found and keeps surplus fields", async () => {
    const src = await openSource(tmp.write("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n"));
    const rows = await allRows(src);
    expect(rows[0]!.problem).toBeUndefined();
    expect(rows[1]).toMatchObject({ row: 3, problem: { reason: "expected 3 fields, found 2" } });
    expect(rows[2]).toMatchObject({ row: 4, problem: { reason: "expected 3 fields, found 4" }, values: { "#4": "9" } });
  });

  it("rejects an empty file and a whitespace-only file", async () => {
    await expectCode(openSource(tmp.write("empty.csv", "")), "INVALID_INPUT", tmp.path("empty.csv"));
    await expectCode(openSource(tmp.write("blank.csv", "\n\r\n\n")), "INVALID_INPUT", tmp.path("blank.csv"));
  });

  it("accepts a header-only file with zero rows", async () => {
    const src = await openSource(tmp.write("header.csv", "a,b\n"));
    expect(src.columns).toEqual(["a", "b"]);
    expect(await allRows(src)).toEqual([]);
  });

  it("rejects a binary file passed as CSV", async () => {
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
    await expectCode(openSource(tmp.write("image.csv", bin)), "INVALID_INPUT", tmp.path("image.csv"));
    await expectCode(openSource(tmp.write("zip.csv", Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]))), "INVALID_INPUT");
  });

  it("rejects duplicate header names and names empty ones by position", async () => {
    await expectCode(openSource(tmp.write("dup.csv", "naam,plaats,naam\n1,2,3\n")), "INVALID_INPUT", tmp.path("dup.csv"));
    const src = await openSource(tmp.write("emptyhdr.csv", "naam,,plaats,\nJan,x,Delft,\n"));
    expect(src.columns).toEqual(["naam", "column_2", "plaats", "column_4"]);
  });

  it("decodes UTF-16 LE and BE, with and without BOM", async () => {
    const text = "naam;plaats\nJosé Müller;Den Haag\n";
    const le = Buffer.from(text, "utf16le");
    const cases: [string, Buffer, string][] = [
      ["le-bom.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), le]), "utf-16le"],
      ["le.csv", le, "utf-16le"],
      ["be-bom.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]), "utf-16be"],
      ["be.csv", Buffer.from(le).swap16(), "utf-16be"],
    ];
    for (const [name, data, enc] of cases) {
      const src = await openSource(tmp.write(name, data));
      expect(src.encoding, name).toBe(enc);
      expect(src.columns).toEqual(["naam", "plaats"]);
      expect((await allRows(src))[0]!.values).toEqual({ naam: "José Müller", plaats: "Den Haag" });
    }
  });

  it("decodes Windows-1252 when the file is not UTF-8", async () => {
    const f = tmp.write("cp1252.csv", iconv.encode("naam,bedrag\nFrançois Ñúñez,€ 12\nCafé Œuvre,3\n", "windows-1252"));
    const src = await openSource(f);
    expect(src.encoding).toBe("windows-1252");
    const rows = await allRows(src);
    expect(rows.map((r) => r.values["naam"])).toEqual(["François Ñúñez", "Café Œuvre"]);
    expect(rows[0]!.values["bedrag"]).toBe("€ 12");
    expect(rows.every((r) => !r.problem)).toBe(true);
  });

  it("switches to Windows-1252 when the first non-ASCII bytes, past the sample, are not UTF-8", async () => {
    const ascii = Array.from({ length: 8000 }, (_, i) => `${i},Jansen ${i}`).join("\n"); // > 64 KiB
    const data = Buffer.concat([Buffer.from(`id,naam\n${ascii}\n`), iconv.encode("8000,François Müller\n", "windows-1252")]);
    const src = await openSource(tmp.write("late1252.csv", data));
    expect(src.encoding).toBe("utf-8"); // all the sample showed
    const rows = await allRows(src);
    expect(rows.filter((r) => r.problem)).toEqual([]);
    expect(rows.at(-1)!.values["naam"]).toBe("François Müller");
    expect(src.encoding).toBe("windows-1252");
    // Declared UTF-8 is taken at its word: the row is flagged instead.
    const declared = await allRows(await openSource(tmp.path("late1252.csv"), { encoding: "utf-8" }));
    expect(declared.filter((r) => r.problem).map((r) => r.row)).toEqual([8002]);
  });

  it("honours a declared encoding and rejects an unknown one", async () => {
    const f = tmp.write("latin1.csv", iconv.encode("naam\nJosé\n", "latin1"));
    const src = await openSource(f, { encoding: "latin1" });
    expect((await allRows(src))[0]!.values["naam"]).toBe("José");
    await expectCode(openSource(f, { encoding: "klingon-8" }), "INVALID_ARGUMENT");
  });

  it("flags rows with invalid UTF-8 in a mostly UTF-8 file instead of writing U+FFFD", async () => {
    const good = Array.from({ length: 2000 }, (_, i) => `${i},Zoë ${i}`).join("\n");
    const f = tmp.write("mixed.csv", Buffer.concat([
      Buffer.from(`id,naam\n${good}\n`, "utf8"),
      Buffer.from("2000,", "utf8"), iconv.encode("Café Noël", "windows-1252"), Buffer.from("\n2001,Zoë\n", "utf8"),
    ]));
    const src = await openSource(f);
    expect(src.encoding).toBe("utf-8");
    const rows = await allRows(src);
    const flagged = rows.filter((r) => r.problem);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ row: 2002, problem: { column: "naam", reason: MIXED_ENCODING } });
    expect(rows.at(-1)).toEqual({ row: 2003, values: { id: "2001", naam: "Zoë" } });
  });

  it("gives back exactly what an RFC 4180 writer wrote, for any text and delimiter", async () => {
    const quote = (v: string, d: string) => (/["\r\n]/.test(v) || v.includes(d) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
    const cell = fc.string({ unit: fc.constantFrom("a", "é", "Ł", "€", "漢", "😀", " ", ",", ";", "\t", "|", '"', "\n", "\r\n", "x"), maxLength: 8 });
    let k = 0;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(",", ";", "\t", "|"), fc.array(fc.oneof(fc.array(cell, { minLength: 3, maxLength: 3 }), fc.constant(["", "", ""])), { minLength: 1, maxLength: 12 }),
      async (d, rows) => {
        const kept = rows; // three columns: even an all-empty row has delimiters, so is not a blank line
        const text = [["naam", "plaats", "notitie"], ...kept].map((r) => r.map((v) => quote(v, d)).join(d)).join("\r\n") + "\r\n";
        const src = await openSource(tmp.write(`rt-${k++}.csv`, text), { delimiter: d });
        const got = await allRows(src);
        expect(got.map((r) => [r.values["naam"], r.values["plaats"], r.values["notitie"]])).toEqual(kept);
        expect(got.every((r) => !r.problem)).toBe(true);
      }), { seed: 7, numRuns: 60 });
  });

  it("rejects a missing file with NOT_FOUND", async () => {
    await expectCode(openSource(tmp.path("nope.csv")), "NOT_FOUND");
  });

  it("stops reading when the consumer breaks off", async () => {
    const src = await openSource(tmp.write("many.csv", "a\n" + "x\n".repeat(10000)));
    let n = 0;
    for await (const _ of src.rows) if (++n === 3) break;
    expect(n).toBe(3);
  });

  it("gives the same rows in groups (rowGroups) as one by one, over several chunks", async () => {
    // ~200 KB: quoted fields with delimiters and line breaks, ragged rows and blank lines across 64 KiB chunks.
    let text = "id,naam,plaats\n";
    for (let i = 0; i < 4000; i++) {
      text += i % 97 === 0 ? `${i},"Jansen, ""Holding""\nBV",Utrecht\n` : i % 131 === 0 ? `${i},kort\n\n` : `${i},Bakkerij De Vries ${i},Amsterdam\n`;
    }
    const f = tmp.write("groups.csv", text);
    const one = await allRows(await openSource(f));
    const src = await openSource(f);
    const groups: SourceRow[][] = [];
    for await (const g of src.rowGroups!) groups.push(g);
    expect(groups.length).toBeGreaterThan(2);
    expect(groups.flat()).toEqual(one);
    expect(one).toHaveLength(4000);
    expect(one.filter((r) => r.problem)).toHaveLength(Math.ceil(4000 / 131) - 1);
    expect(src.bytesRead()).toBe(src.bytesTotal);
  });

  it("streams a ~50 MB file with bounded memory", async () => {
    const f = tmp.path("big.csv");
    const out = createWriteStream(f);
    out.write("id,name,dob,country,iban,city\n");
    const line = (i: number) => `${i},Jan de Vries ${i},1970-01-01,NL,NL91ABNA0417164300,'s-Hertogenbosch\n`;
    const rows = 700_000;
    for (let i = 0; i < rows; i += 1000) {
      let chunk = "";
      for (let k = i; k < i + 1000; k++) chunk += line(k);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    // Forced GC makes heap figures measure what is retained, not garbage not yet collected.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    let peakRss = rss0;
    let midHeap = 0;
    let n = 0;
    const src = await openSource(f);
    for await (const r of src.rows) {
      if (r.problem) throw new Error(r.problem.reason);
      if (++n % 50_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (n === rows / 2) {
        gc();
        midHeap = process.memoryUsage().heapUsed;
      }
    }
    expect(n).toBe(rows);
    expect(src.bytesTotal).toBeGreaterThan(45e6);
    // Halfway through a ~55 MB file, holding what was read would retain >25 MB of text alone.
    expect(midHeap - heap0).toBeLessThan(10e6);
    // RSS is noisy (GC timing, other tests in the worker); it still must not approach file size × 2.
    expect(peakRss - rss0).toBeLessThan(110e6);
  });
});

