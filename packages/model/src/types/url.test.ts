import { describe, expect, it } from "vitest";
import { cleanUrl } from "./url";

describe("cleanUrl (FtM's url type)", () => {
  it("accepts web addresses, adding http:// to a bare host as FtM does", () => {
    expect(cleanUrl("www.chicagocommons.org")).toEqual({ ok: true, value: "http://www.chicagocommons.org" });
    expect(cleanUrl(" example.nl/over-ons?x=1 ")).toEqual({ ok: true, value: "http://example.nl/over-ons?x=1" });
    expect(cleanUrl("HTTPS://Example.NL/Pad")).toEqual({ ok: true, value: "HTTPS://Example.NL/Pad" });
    expect(cleanUrl("ftp://files.example.org/a.csv")).toEqual({ ok: true, value: "ftp://files.example.org/a.csv" });
    expect(cleanUrl("shop.example.com:8080/x")).toEqual({ ok: true, value: "http://shop.example.com:8080/x" });
  });

  it("rejects what is not a web address, saying why", () => {
    for (const bad of ["not a url", "javascript:alert(1)", "mailto:a@b.nl", "file:///etc/passwd", "http://", "justaword", "/relative/path"]) {
      expect(cleanUrl(bad)).toMatchObject({ ok: false, reason: expect.stringContaining("invalid URL") });
    }
  });
});
