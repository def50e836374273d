/** Validation of a model read back from JSON (a trust boundary: files can be edited by hand). */
import { z } from "zod";
import { VizierError } from "@vizier/model";
import type { ErModel } from "./types";
import { FIELD_KINDS } from "./types";

const FieldParamsSchema = z.object({
  fields: z.array(z.string()).min(1),
  kinds: z.array(z.enum(FIELD_KINDS)).min(1),
  levels: z.array(z.string()),
  m: z.array(z.number().min(0).max(1)),
  u: z.array(z.number().min(0).max(1)),
  tf: z.record(z.string(), z.number()).optional(),
});

const ModelSchema = z.object({
  version: z.literal(1),
  lambda: z.number().gt(0).lt(1),
  fields: z.array(z.object({ name: z.string(), kind: z.enum(FIELD_KINDS) })),
  comparisons: z.array(FieldParamsSchema),
  trainedOn: z.object({ records: z.number(), candidatePairs: z.number(), emIterations: z.number(), converged: z.boolean() }),
});

/** Parses and validates a model JSON value. */
export function parseModel(json: unknown): ErModel {
  const r = ModelSchema.safeParse(json);
  if (!r.success) throw new VizierError("INVALID_INPUT", `not a valid resolution model: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const comparisons = r.data.comparisons.map((c) => (c.tf === undefined ? { fields: c.fields, kinds: c.kinds, levels: c.levels, m: c.m, u: c.u } : { ...c, tf: c.tf }));
  const names = new Set(r.data.fields.map((f) => f.name));
  for (const c of comparisons) {
    if (c.m.length !== c.levels.length || c.u.length !== c.levels.length || c.fields.some((n) => !names.has(n))) {
      throw new VizierError("INVALID_INPUT", `resolution model comparison ${c.fields.join("+")} is inconsistent with its levels or fields`);
    }
  }
  return { ...r.data, comparisons };
}
