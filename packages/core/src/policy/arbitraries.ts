/** fast-check generators of random policy worlds, for property tests only. */
import fc from "fast-check";
import type { Dataset } from "@vizier/model";
import { systemActor, userActor, type Actor, type Role } from "../context";
import { testDataset } from "../testing/fixtures";
import type { Grant } from "./grants";
import type { HandlingCode, SharingConfig } from "./rules";

export const AGENCIES = ["A", "B", "C", "D"] as const;
export const ENTITIES = ["e1", "e2", "e3", "e4"] as const;
export const PURPOSES = ["case:OP-1", "case:OP-2", "purpose:strategic"] as const;
const CASES = ["case:OP-1", "case:OP-2"] as const;
const LEGAL = ["Wwft art. 16", "Wpg art. 9", "Sv 126"] as const;
const CODES: HandlingCode[] = [
  { code: "GREEN", label: "g", family: "TLP", share: "rules", onward: true, evidence: true },
  { code: "AMBER", label: "a", family: "TLP", share: "rules", onward: false, evidence: true },
  { code: "RED", label: "r", family: "TLP", share: "owner", onward: false, evidence: false },
  { code: "H2", label: "h2", family: "EUROPOL", share: "rules", onward: false, evidence: true },
  { code: "STRICT", label: "s", family: "TLP", share: "owner", onward: false, evidence: false },
];
/** Handling codes statements may carry: the configured ones plus one nobody configured. */
export const STATEMENT_CODES = [...CODES.map((c) => c.code), "UNKNOWN"] as const;

const sub = <T>(xs: readonly T[], min = 0) => fc.subarray([...xs], { minLength: min });

export const sharingArb: fc.Arbitrary<SharingConfig> = fc.record({
  publics: fc.array(fc.boolean(), { minLength: AGENCIES.length, maxLength: AGENCIES.length }),
  codes: sub(CODES, 1),
  rules: fc.array(fc.record({
    from: fc.constantFrom(...AGENCIES), to: sub(AGENCIES, 1),
    legalBases: sub(["*", "Wwft*", "Wpg art. 9", "sv *"], 1), purposes: sub(["*", "case:*", "purpose:strategic", "case:OP-1"], 1),
  }), { maxLength: 5 }),
}).map(({ publics, codes, rules }) => ({
  agencies: AGENCIES.map((code, i) => ({ code, name: code, country: "nl", public: publics[i] ?? false })),
  handlingCodes: codes,
  rules,
}));

export const datasetsArb: fc.Arbitrary<Dataset[]> = fc.uniqueArray(fc.record({
  n: fc.integer({ min: 1, max: 5 }), agency: fc.constantFrom(...AGENCIES), legalBasis: fc.constantFrom(...LEGAL),
  compartment: fc.constantFrom("", "", ...CASES),
}), { minLength: 1, maxLength: 4, selector: (d) => d.n })
  .map((ds) => ds.map((d) => testDataset(`ds${d.n}`, d.agency, { legalBasis: d.legalBasis, compartment: d.compartment })));

export const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ agency: fc.constantFrom(...AGENCIES), cases: sub(CASES), roles: sub<Role>(["analyst", "investigator", "liaison"], 1) })
    .map((a) => userActor(`user-${a.agency}`, a.agency, a.roles, a.cases)) },
  { weight: 1, arbitrary: fc.constantFrom(...AGENCIES).map((a) => systemActor("test", a)) },
);

/** Grants, some for this actor, some for others, some expired relative to `NOW`. */
export const NOW = new Date("2026-06-01T12:00:00.000Z");
export const grantsArb = (datasets: readonly Dataset[]): fc.Arbitrary<Grant[]> => fc.array(fc.record({
  requester: fc.constantFrom(...AGENCIES.map((a) => `user-${a}`), "someone"),
  dataset: fc.constantFrom(...datasets.map((d) => d.name), "ds-gone"),
  entityIds: sub(ENTITIES, 1),
  purpose: fc.constantFrom(...PURPOSES),
  until: fc.constantFrom(undefined, "2026-06-01T11:59:59.999Z", "2026-06-01T12:00:00.000Z", "2026-12-31T23:59:59.999Z"),
}), { maxLength: 3 }).map((gs) => gs.map((g, i) => ({ requestId: `ar-${i}`, ...g })));

/** Which (entity, dataset) pairs hold statements, with one handling code each. */
export const holdingsArb = (datasets: readonly Dataset[]) => fc.uniqueArray(fc.record({
  entityId: fc.constantFrom(...ENTITIES), dataset: fc.constantFrom(...datasets.map((d) => d.name)),
  handling: fc.constantFrom(...STATEMENT_CODES), names: fc.integer({ min: 1, max: 2 }),
}), { minLength: 1, maxLength: 10, selector: (h) => `${h.entityId}/${h.dataset}` });
