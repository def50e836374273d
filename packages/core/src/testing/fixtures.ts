import { defaultModel, makeStatementId, ID_PROP, type Dataset, type Statement } from "@vizier/model";
import { makeCtx, systemActor, userActor, type Ctx } from "../context";
import { decide } from "../policy/decide";
import type { SharingConfig } from "../policy/rules";
import type { AccessScope } from "../policy/scope";

/** A small sharing configuration for tests: A shares with B; C is isolated. */
export const TEST_SHARING: SharingConfig = {
  agencies: [
    { code: "A", name: "Agency A", country: "nl", public: false },
    { code: "B", name: "Agency B", country: "nl", public: false },
    { code: "C", name: "Agency C", country: "be", public: false },
  ],
  handlingCodes: [
    { code: "GREEN", label: "green", family: "TLP", share: "rules", onward: true, evidence: true },
    { code: "RED", label: "red", family: "TLP", share: "owner", onward: false, evidence: false },
  ],
  rules: [{ from: "A", to: ["B"], legalBases: ["*"], purposes: ["*"] }],
};

export function testDataset(name: string, agency: string, extra: Partial<Dataset> = {}): Dataset {
  return {
    name, label: name, agency, legalBasis: "test", purpose: "test", handling: "GREEN", reliability: "B2", retention: "P5Y",
    compartment: "", description: "", createdAt: "2026-01-01T00:00:00.000Z", ...extra,
  };
}

/** Statements for one entity: the `id` pseudo-statement plus the given values. */
export function testStatements(
  ds: Dataset, entityId: string, schema: string, values: Record<string, string | string[]>, opts: { runId?: string; handling?: string; row?: number } = {},
): Statement[] {
  const base = {
    entityId, schema, dataset: ds.name, agency: ds.agency, legalBasis: ds.legalBasis, purpose: ds.purpose, handling: opts.handling ?? ds.handling,
    reliability: ds.reliability, firstSeen: "2026-01-01T00:00:00.000Z", lastSeen: "2026-01-01T00:00:00.000Z", retentionUntil: "2031-01-01",
    runId: opts.runId ?? "run-1", origin: `test.csv:${opts.row ?? 2}`,
  };
  const out: Statement[] = [{ ...base, id: makeStatementId(entityId, ID_PROP, entityId, ds.name), prop: ID_PROP, propType: "id", value: entityId, original: entityId }];
  for (const [prop, v] of Object.entries(values)) {
    for (const value of Array.isArray(v) ? v : [v]) {
      const propType = prop === "name" ? "name" : prop === "birthDate" ? "date" : prop === "idNumber" ? "identifier" : isEntityProp(schema, prop) ? "entity" : "string";
      out.push({ ...base, id: makeStatementId(entityId, prop, value, ds.name), prop, propType, value, original: value });
    }
  }
  return out;
}

/** Whether the model declares `prop` of `schema` as a reference to another entity (as ingest would type it). */
function isEntityProp(schema: string, prop: string): boolean {
  const model = defaultModel();
  if (!model.hasSchema(schema)) return false;
  const s = model.getSchema(schema);
  return s.hasProperty(prop) && s.getProperty(prop).type === "entity";
}

export function ctxFor(agency: string, cases: string[] = []): Ctx {
  return makeCtx(userActor(`user-${agency}`, agency, ["analyst"], cases), "case:TEST-1", () => new Date("2026-06-01T00:00:00Z"));
}

export function systemCtx(): Ctx {
  return makeCtx(systemActor("test", "A"), "purpose:test", () => new Date("2026-06-01T00:00:00Z"));
}

export function scopeOf(ctx: Ctx, datasets: Dataset[], sharing: SharingConfig = TEST_SHARING): AccessScope {
  return decide(ctx, sharing, datasets);
}
