import { describe, expect, it } from "vitest";
import { en } from "./en";
import { initialLang, MESSAGES, mergeMessages, translator } from "./index";
import { nl } from "./nl";

describe("i18n", () => {
  it("Dutch and English have the same keys, none empty", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const v of [...Object.values(nl), ...Object.values(en)]) expect(v.trim()).not.toBe("");
  });
  it("every merged view key exists in both languages", () => {
    expect(Object.keys(MESSAGES.nl).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });
  it("fills placeholders and falls back to the other language, then the key", () => {
    const m = mergeMessages({ nl: { a: "hallo {naam}" }, en: { a: "hello {naam}", b: "only en" } }, [{ nl: { a: "view must not win", c: "v" } }]);
    const t = translator(m, "nl");
    expect(t("a", { naam: "Ana" })).toBe("hallo Ana");
    expect(t("b")).toBe("only en");
    expect(t("c")).toBe("v");
    expect(t("zzz")).toBe("zzz");
    expect(t("a", {})).toBe("hallo {naam}");
  });
  it("picks the stored language, else English browsers get English, others Dutch", () => {
    expect(initialLang("en", "nl-NL")).toBe("en");
    expect(initialLang(null, "en-GB")).toBe("en");
    expect(initialLang(null, "de-DE")).toBe("nl");
    expect(initialLang("xx", undefined)).toBe("nl");
  });
});
