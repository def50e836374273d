/**
 * One property value with its provenance. Entities are assembled from statements, which is what
 * lets one merged person look different to each viewer (docs/model.md).
 */
export interface Statement {
  /** sha1(dataset, entity, prop, value): the same fact from the same dataset is one statement. */
  id: string;
  entityId: string;
  schema: string;
  /** Property name; the pseudo-property `id` records that the entity exists in this dataset. */
  prop: string;
  propType: string;
  /** Normalised value (ISO date, alpha-2 country, E.164 phone, clean IBAN…). */
  value: string;
  /** The value as the source wrote it. */
  original: string;
  dataset: string;
  agency: string;
  legalBasis: string;
  purpose: string;
  handling: string;
  /** Admiralty grading: source reliability A–F followed by information credibility 1–6, e.g. "B2". */
  reliability: string;
  firstSeen: string;
  lastSeen: string;
  /** ISO date after which the statement must be removed or reviewed; empty when none. */
  retentionUntil: string;
  /** The ingest run that last wrote it. */
  runId: string;
  /** Where it came from: file, row. */
  origin: string;
}

/** The pseudo-property that carries an entity's existence and schema in a dataset. */
export const ID_PROP = "id";

/** Admiralty code check: A–F source reliability, 1–6 information credibility. */
export function isReliability(v: string): boolean {
  return /^[A-F][1-6]$/.test(v);
}

/** A registered dataset: every ingest goes into one. */
export interface Dataset {
  name: string;
  label: string;
  agency: string;
  legalBasis: string;
  purpose: string;
  handling: string;
  reliability: string;
  /** ISO 8601 duration such as P5Y or P18M; empty for none. */
  retention: string;
  /** Case reference when the dataset is compartmented; empty otherwise. */
  compartment: string;
  description: string;
  createdAt: string;
}

const RETENTION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Whether `v` is a retention period as datasets take it: an ISO 8601 duration of years, months, weeks and days (P5Y, P18M). */
export function isRetentionPeriod(v: string): boolean {
  return v !== "P" && RETENTION.test(v);
}

/** Adds an ISO 8601 duration (PnYnMnD) to an ISO date; returns the date part. */
export function addRetention(isoDate: string, duration: string): string {
  if (!duration) return "";
  const m = RETENTION.exec(duration);
  if (!m) throw new Error(`invalid retention period ${duration}`);
  const d = new Date(isoDate);
  d.setUTCFullYear(d.getUTCFullYear() + Number(m[1] ?? 0));
  d.setUTCMonth(d.getUTCMonth() + Number(m[2] ?? 0));
  d.setUTCDate(d.getUTCDate() + 7 * Number(m[3] ?? 0) + Number(m[4] ?? 0));
  return d.toISOString().slice(0, 10);
}
