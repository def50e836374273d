import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateScenario } from "@vizier/scenario";
import { pick, QUESTIONS } from "./model";

const hit = (id: string, schema: string, names: string[], datasets: string[]) => ({ entity: { id, schema, properties: { name: names }, datasets } });

describe("guided tour", () => {
  it("picks a hit of the wanted schema whose name has every word, preferring the register", () => {
    const hits = [
      hit("fiu", "LegalEntity", ["Verdi Fresh Import B.V."], ["fiu"]),
      hit("kvk", "Company", ["Verdi Fresh Import B.V."], ["kvk"]),
      hit("other", "Company", ["Verdi Groenten"], ["kvk"]),
      hit("p", "Person", ["Verdi Fresh Import"], ["kvk"]),
    ];
    expect(pick(hits, { q: "Verdi Fresh Import", schemas: ["Company", "LegalEntity"] })).toBe("kvk");
    expect(pick(hits.slice(0, 1), { q: "Verdi Fresh Import", schemas: ["Company", "LegalEntity"] })).toBe("fiu");
    expect(pick(hits, { q: "Frutas del Pacifico", schemas: ["Company"] })).toBeUndefined();
    expect(pick([hit("f", "Company", ["FRUTAS DEL PACÍFICO S.A."], ["douane"])], { q: "Frutas del Pacifico", schemas: ["Company"] })).toBe("f");
  });

  it("every name the tour looks up is planted by the scenario generator", () => {
    const dir = mkdtempSync(join(tmpdir(), "vizier-tour-"));
    generateScenario({ seed: 2026, scale: 0.01, out: dir });
    const truth = readFileSync(join(dir, "truth", "key-players.csv"), "utf8");
    const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    for (const q of QUESTIONS) for (const l of q.lookups) expect(fold(truth), l.q).toContain(fold(l.q));
  }, 60_000);
});
