import { describe, expect, it } from "vitest";
import { cleanContainer, cleanCountry, cleanDate, cleanEmail, cleanIban, cleanNumber, cleanPhone } from "./index";
import { defaultModel } from "../registry";

const value = (r: { ok: boolean; value?: string }) => (r.ok ? r.value : undefined);

describe("property types", () => {
  it("dates keep partial precision and accept day-first forms", () => {
    expect(value(cleanDate("2021"))).toBe("2021");
    expect(value(cleanDate("2021-2"))).toBe("2021-02");
    expect(value(cleanDate("16-02-2021"))).toBe("2021-02-16");
    expect(value(cleanDate("16/2/2021"))).toBe("2021-02-16");
    expect(value(cleanDate("16.02.2021 21:48"))).toBe("2021-02-16T21:48");
    expect(value(cleanDate("20210216"))).toBe("2021-02-16");
    expect(value(cleanDate("2021-02-16T21:48:52Z"))).toBe("2021-02-16T21:48:52");
    expect(value(cleanDate("02/16/2021", "%m/%d/%Y"))).toBe("2021-02-16");
    expect(cleanDate("31-02-2021").ok).toBe(false);
    expect(cleanDate("yesterday").ok).toBe(false);
  });

  it("countries from codes, alpha-3 and names in several languages", () => {
    const known = defaultModel().countries;
    expect(value(cleanCountry("NL", known))).toBe("nl");
    expect(value(cleanCountry("NLD", known))).toBe("nl");
    expect(value(cleanCountry("Nederland", known))).toBe("nl");
    expect(value(cleanCountry("België", known))).toBe("be");
    expect(value(cleanCountry("Colombia", known))).toBe("co");
    expect(value(cleanCountry("United Arab Emirates", known))).toBe("ae");
    expect(cleanCountry("Atlantis", known).ok).toBe(false);
  });

  it("IBANs are checked with mod-97", () => {
    expect(value(cleanIban("NL91 ABNA 0417 1643 00"))).toBe("NL91ABNA0417164300");
    expect(cleanIban("NL91ABNA0417164301").ok).toBe(false);
  });

  it("container numbers carry an ISO 6346 check digit", () => {
    expect(value(cleanContainer("CSQU3054383"))).toBe("CSQU3054383");
    expect(cleanContainer("CSQU3054384").ok).toBe(false);
  });

  it("phones become E.164 with the Dutch default", () => {
    expect(value(cleanPhone("06-12345678"))).toBe("+31612345678");
    expect(value(cleanPhone("0031 6 1234 5678"))).toBe("+31612345678");
    expect(value(cleanPhone("+57 300 1234567"))).toBe("+573001234567");
    expect(cleanPhone("12").ok).toBe(false);
    // A spreadsheet keeps 0612345678 as the number 612345678: nine digits are a Dutch national number.
    expect(value(cleanPhone("612345678"))).toBe("+31612345678");
    expect(value(cleanPhone("6-1234 5678"))).toBe("+31612345678");
    // Longer numbers without a prefix stay international without the +.
    expect(value(cleanPhone("31612345678"))).toBe("+31612345678");
    expect(value(cleanPhone("4915112345678"))).toBe("+4915112345678");
  });

  it("numbers in Dutch and English notation", () => {
    expect(value(cleanNumber("1.234,50"))).toBe("1234.5");
    expect(value(cleanNumber("1,234.50"))).toBe("1234.5");
    expect(value(cleanNumber("€ 9.950"))).toBe("9.95");
    expect(value(cleanNumber("9950,00"))).toBe("9950");
    expect(value(cleanNumber("-12"))).toBe("-12");
    expect(cleanNumber("twelve").ok).toBe(false);
    expect(value(cleanEmail("X@Example.COM"))).toBe("X@example.com");
  });
});
