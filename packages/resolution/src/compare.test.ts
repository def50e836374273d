import { describe, expect, it } from "vitest";
import { compareField } from "./compare";
import { prepareValues } from "./normalize";
import type { FieldKind } from "./types";

const level = (kind: FieldKind, a: string, b: string): number => compareField(kind, prepareValues(kind, [a]), prepareValues(kind, [b]));

describe("comparison levels", () => {
  it("names are token sets: order, case, diacritics and hyphens do not matter", () => {
    expect(level("full_name", "GOMEZ ARANGO JOSE", "José Gómez-Arango")).toBe(1);
    expect(level("full_name", "José Luis Gómez-Arango", "GOMEZ ARANGO JOSE")).toBe(2);
    const initials = level("full_name", "J.L. Gomez Arango", "José Luis Gómez-Arango");
    expect(initials).toBeGreaterThan(1);
    expect(initials).toBeLessThan(4);
    expect(level("full_name", "Pieter Jansen", "Maria Wijnaldum")).toBe(4);
  });
  it("transliterated names meet their Latin spelling", () => {
    expect(level("last_name", "Иванов", "Ivanov")).toBe(1);
    expect(level("first_name", "Сергей", "Sergey")).toBeLessThanOrEqual(2);
  });
  it("missing values carry level 0", () => {
    expect(level("first_name", "", "anna")).toBe(0);
  });
  it("dates: exact, swapped day/month, one typo, within a year, else", () => {
    expect(level("date", "1971-06-24", "24/06/1971")).toBe(1);
    expect(level("date", "1971-06-04", "1971-04-06")).toBe(2);
    expect(level("date", "19710624", "19710625")).toBe(2);
    expect(level("date", "1971-06-24", "1971-11-02")).toBe(3);
    expect(level("date", "1971-06-24", "1985-01-01")).toBe(4);
  });
  it("identifiers compare after format normalisation", () => {
    expect(level("identifier", "NL91 ABNA 0417 1643 00", "nl91abna0417164300")).toBe(1);
    expect(level("identifier", "5304218", "5304281")).toBe(2);
    expect(level("identifier", "5304218", "1111111")).toBe(3);
  });
  it("phones ignore formatting and country prefixes", () => {
    expect(level("phone", "+31 6 1234 5678", "06-12345678")).toBe(1);
  });
  it("countries compare by ISO code", () => {
    expect(level("country", "The Netherlands", "nl")).toBe(1);
    expect(level("country", "Colombia", "NL")).toBe(2);
  });
  it("organisation names ignore legal forms", () => {
    expect(level("org_name", "Acme Trading B.V.", "ACME TRADING")).toBe(1);
  });
});
