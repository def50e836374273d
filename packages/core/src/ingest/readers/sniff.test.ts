import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { binaryKind, detectDelimiter, detectEncoding, detectFormat, utf8Stats } from "./sniff";

describe("detectFormat", () => {
  it("trusts the extension", () => {
    expect(detectFormat("a.xlsx", Buffer.from("x"))).toBe("xlsx");
    expect(detectFormat("a.tsv", Buffer.from("{}"))).toBe("csv");
    expect(detectFormat("a.ftm.json", Buffer.from("{}"))).toBe("ftm");
  });
  it("sniffs content when the extension says nothing", () => {
    expect(detectFormat("a.dat", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe("xlsx");
    expect(detectFormat("a.json", Buffer.from('{"id":"1","schema":"Person","properties":{}}\n'))).toBe("ftm");
    expect(detectFormat("a.json", Buffer.from('{"name":"x"}\n'))).toBe("jsonl");
    expect(detectFormat("a.json", Buffer.from('[{"id":"1"}]'))).toBe("ftm");
    expect(detectFormat("a.dat", Buffer.from("a,b\n1,2\n"))).toBe("csv");
  });
});

describe("detectEncoding", () => {
  const enc = (b: Buffer) => {
    const g = detectEncoding(b);
    return "encoding" in g ? g.encoding : `binary: ${g.binary}`;
  };
  it("reads BOMs", () => {
    expect(detectEncoding(Buffer.from("\uFEFFa,b", "utf8"))).toEqual({ encoding: "utf-8", bomBytes: 3 });
    expect(enc(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b", "utf16le")]))).toBe("utf-16le");
    expect(enc(Buffer.from([0xfe, 0xff, 0, 0x61]))).toBe("utf-16be");
  });
  it("finds UTF-16 without BOM from the NUL-byte pattern", () => {
    expect(enc(Buffer.from("naam;plaats\nJan;Delft\n", "utf16le"))).toBe("utf-16le");
    expect(enc(Buffer.from("naam;plaats\nJan;Delft\n", "utf16le").swap16())).toBe("utf-16be");
  });
  it("tells UTF-8 from Windows-1252", () => {
    expect(enc(Buffer.from("naam\nJosé Müller\n", "utf8"))).toBe("utf-8");
    expect(enc(iconv.encode("naam\nJosé Müller\nCafé\n", "windows-1252"))).toBe("windows-1252");
    expect(enc(Buffer.from("plain ascii\n"))).toBe("utf-8");
  });
  it("keeps mostly-UTF-8 samples as UTF-8 (mixed encodings are flagged per row)", () => {
    const mixed = Buffer.concat([Buffer.from("José, Zoë, Ærø, Łódź\n", "utf8"), iconv.encode("Café\n", "windows-1252")]);
    expect(enc(mixed)).toBe("utf-8");
  });
  it("accepts a multi-byte character cut at the sample's end", () => {
    const b = Buffer.from("abc é", "utf8");
    expect(utf8Stats(b.subarray(0, b.length - 1))).toEqual({ valid: 0, invalid: 0 });
  });
  it("calls NUL bytes and control characters binary", () => {
    expect(enc(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00]))).toMatch(/^binary/);
    expect(binaryKind(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]))).toMatch(/control/);
    expect(binaryKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]))).toMatch(/xls/);
    expect(binaryKind(Buffer.from("a\tb\r\nc\td\r\n"))).toBeUndefined();
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1;2;3\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ["a|b|c\n1|2|3\n", "|"],
  ])("detects %j", (s, d) => expect(detectDelimiter(s)).toBe(d));
  it("ignores delimiters inside quotes and prefers consistency", () => {
    expect(detectDelimiter('naam;adres\n"Vries, Jan";"Kerkstraat 1, Delft"\n"Bakker, Piet";"Dorpsweg 2"\n')).toBe(";");
  });
  it("ignores a last line cut by the sample boundary", () => {
    expect(detectDelimiter("a;b\n1;2\n3;4\n5,6,7,8,9")).toBe(";");
  });
});
