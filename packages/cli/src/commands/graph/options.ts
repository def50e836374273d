/** Validation of the `vizier graph` flags (zod at the edge; the engine trusts its inputs). */
import { z } from "zod";
import { VizierError } from "@vizier/model";
import type { WeightMode } from "@vizier/graph";

/** Parses a value with a schema, turning failures into INVALID_ARGUMENT naming the flag. */
export function parseFlag<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const msg = r.error.issues.map((i) => i.message).join("; ");
    throw new VizierError("INVALID_ARGUMENT", `${flag}: ${msg}`);
  }
  return r.data;
}

export const intFlag = (min: number) => z.coerce.number().int().min(min);
export const numFlag = z.coerce.number().refine(Number.isFinite, "must be a finite number");

/** `--weighted [--weights-as distance|strength]` → how path lengths read weights. */
export function weightMode(o: { weighted?: boolean; weightsAs?: string }): WeightMode {
  const as = parseFlag(z.enum(["distance", "strength"]), o.weightsAs ?? "distance", "--weights-as");
  if (o.weightsAs !== undefined && !o.weighted) throw new VizierError("INVALID_ARGUMENT", "--weights-as needs --weighted");
  return o.weighted ? as : "none";
}
