import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCtx } from "../context";
import { actorArb, datasetsArb, ENTITIES, grantsArb, NOW, PURPOSES, sharingArb, STATEMENT_CODES } from "./arbitraries";
import { decide } from "./decide";
import { naiveGlob, referenceAllows } from "./reference";
import { globMatch } from "./rules";
import { scopeAllows } from "./scope";

describe("policy decision point against the naive reference (property)", () => {
  it("decides every (dataset, handling code, entity) exactly as the reference does", () => {
    const world = fc.record({ sharing: sharingArb, datasets: datasetsArb, actor: actorArb, purpose: fc.constantFrom(...PURPOSES) })
      .chain((w) => grantsArb(w.datasets).map((grants) => ({ ...w, grants })));
    fc.assert(fc.property(world, ({ sharing, datasets, actor, purpose, grants }) => {
      const scope = decide(makeCtx(actor, purpose, () => NOW), sharing, datasets, grants);
      for (const ds of [...datasets.map((d) => d.name), "ds-gone"]) {
        for (const handling of STATEMENT_CODES) {
          for (const entityId of ENTITIES) {
            const expected = referenceAllows(sharing, datasets, grants, actor, purpose, NOW, { entityId, dataset: ds, handling });
            if (scopeAllows(scope, ds, handling, entityId) !== expected) {
              throw new Error(`${actor.id} (${actor.agency}) ${purpose}: ${ds}/${handling}/${entityId} should be ${expected ? "readable" : "withheld"}`);
            }
          }
        }
      }
    }), { seed: 20261122, numRuns: 1000 });
  });

  it("matches globs like the naive matcher", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "B", ":", "*", ".", "1", "-", "(") , maxLength: 8 });
    fc.assert(fc.property(text, text.map((s) => s.replace(/\*/g, "")), (p, v) => {
      expect(globMatch(p, v)).toBe(naiveGlob(p, v));
    }), { seed: 7, numRuns: 2000 });
  });
});
