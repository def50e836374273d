/** Public data shapes of the resolution engine. Everything here is plain JSON-serialisable data. */

export const FIELD_KINDS = [
  "first_name",
  "last_name",
  "full_name",
  "org_name",
  "date",
  "postcode",
  "city",
  "address",
  "country",
  "email",
  "phone",
  "identifier",
  "category",
  "text",
] as const;

export type FieldKind = (typeof FIELD_KINDS)[number];

/** True when `s` names a supported field kind. */
export function isFieldKind(s: string): s is FieldKind {
  return (FIELD_KINDS as readonly string[]).includes(s);
}

/** One source statement as the engine sees it; values per field, several allowed. Never modified. */
export interface ErRecord {
  source: string;
  id: string;
  fields: Record<string, string[]>;
}

/** Which record fields are compared, and how. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
}

/** Identifies a record across runs: source plus id. */
export interface RecordRef {
  source: string;
  id: string;
}

export type Decision = "confirm" | "reject" | "unsure";

/** An analyst's decision on a pair; later judgements on the same pair supersede earlier ones. */
export interface Judgement {
  left: RecordRef;
  right: RecordRef;
  decision: Decision;
  who: string;
  /** ISO 8601 timestamp. */
  when: string;
  why: string;
}

/**
 * Fellegi-Sunter parameters for one comparison: a single field, or two fields whose agreement is
 * strongly dependent (e.g. city and postcode) and is therefore modelled jointly instead of being
 * counted twice. Index 0 of m/u (all values missing) carries no weight.
 */
export interface FieldParams {
  /** The compared field names; two when jointly modelled. */
  fields: string[];
  kinds: FieldKind[];
  levels: string[];
  m: number[];
  /** u measured by random sampling of record pairs. */
  u: number[];
  /** Relative frequency of each normalised value, for term-frequency adjustment of exact agreement (single fields only). */
  tf?: Record<string, number>;
}

/** A reusable, JSON-serialisable model: estimate once, save, apply to later ingests. */
export interface ErModel {
  version: 1;
  /** Prior probability that two random records match. */
  lambda: number;
  /** The fields the model was estimated on, in the order they are compared. */
  fields: FieldSpec[];
  comparisons: FieldParams[];
  /** Records the model was estimated on, and the EM outcome, for the record. */
  trainedOn: { records: number; candidatePairs: number; emIterations: number; converged: boolean };
}

/** One comparison's share of a pair's match weight. */
export interface FieldContribution {
  /** Field name, or names joined by "+" when two fields are modelled jointly. */
  field: string;
  level: number;
  label: string;
  left: string[];
  right: string[];
  /** log2(m/u) for the level reached. */
  weight: number;
  /** Term-frequency adjustment (bits) added on exact agreement; already included in `total`. */
  tfAdjustment: number;
  total: number;
}

/** Why a pair scored what it did: prior + sum of field totals = matchWeight. */
export interface PairExplanation {
  left: RecordRef;
  right: RecordRef;
  priorWeight: number;
  fields: FieldContribution[];
  matchWeight: number;
  probability: number;
  judgement?: Judgement;
}

/** A scored candidate pair, by index into the record array. */
export interface ScoredPair {
  a: number;
  b: number;
  matchWeight: number;
  probability: number;
}
