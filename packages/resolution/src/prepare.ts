/** Records turned into per-field prepared values, once, in a canonical order. */
import { VizierError } from "@vizier/model";
import type { ErRecord, FieldKind, FieldSpec } from "./types";
import type { PVal } from "./normalize";
import { prepareValues } from "./normalize";

export interface Prepared {
  records: ErRecord[];
  keys: string[];
  kinds: FieldKind[];
  /** values[i][f]: prepared values of record i, field f. */
  values: PVal[][][];
}

/** The identity of a record across runs. */
export function recordKey(r: { source: string; id: string }): string {
  return `${r.source}\u0000${r.id}`;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts records by (source, id) so results never depend on input order, and prepares values.
 * Duplicate (source, id) pairs are an input error: they would make results order-dependent.
 */
export function prepare(records: readonly ErRecord[], fields: readonly FieldSpec[]): Prepared {
  const withKeys = records.map((r) => ({ r, k: recordKey(r) }));
  withKeys.sort((x, y) => byKey(x.k, y.k));
  for (let i = 1; i < withKeys.length; i++) {
    const k = withKeys[i]?.k;
    if (k !== undefined && k === withKeys[i - 1]?.k) {
      const r = withKeys[i]?.r;
      throw new VizierError("INVALID_INPUT", `record id "${r?.id}" occurs more than once in source "${r?.source}"`, { details: { source: r?.source, id: r?.id } });
    }
  }
  const kinds = fields.map((f) => f.kind);
  return {
    records: withKeys.map((x) => x.r),
    keys: withKeys.map((x) => x.k),
    kinds,
    values: withKeys.map(({ r }) => fields.map((f) => prepareValues(f.kind, r.fields[f.name]))),
  };
}
