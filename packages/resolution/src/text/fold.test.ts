import { describe, expect, it } from "vitest";
import { fold, skeleton, tokens } from "./fold";

describe("fold", () => {
  it("strips diacritics and punctuation", () => {
    expect(fold("José Luis Gómez-Arango")).toBe("jose luis gomez arango");
    expect(fold("Ærøskøbing Straße")).toBe("aeroskobing strasse");
    expect(fold("O'Brien")).toBe("obrien");
  });
  it("transliterates Cyrillic", () => {
    expect(fold("Сергей Иванов")).toBe("sergei ivanov");
    expect(fold("Щукин Юрий")).toBe("shchukin iurii");
  });
  it("transliterates Greek, accents included", () => {
    expect(fold("Γιώργος Παπαδόπουλος")).toBe("giorgos papadopoylos");
  });
  it("transliterates Arabic to a consonantal form whose skeleton meets the Latin spelling", () => {
    const ar = fold("محمد");
    expect(ar).toBe("mhmd");
    expect(skeleton(ar)).toBe(skeleton(fold("Mohamed")));
  });
  it("is idempotent", () => {
    for (const s of ["Gómez", "Сергей", "Ωμέγα", "x--y"]) expect(fold(fold(s))).toBe(fold(s));
  });
  it("tokenises", () => {
    expect(tokens("  GOMEZ ARANGO, Jose ")).toEqual(["gomez", "arango", "jose"]);
    expect(tokens("")).toEqual([]);
  });
});
