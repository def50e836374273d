import { createHash } from "node:crypto";

/**
 * Deterministic entity id from a mapping's key values, namespaced by dataset, as FtM's
 * `make_id`: the same source row always yields the same id, so re-ingest is idempotent.
 */
export function makeEntityId(dataset: string, keyParts: readonly string[]): string {
  const h = createHash("sha1");
  h.update(dataset);
  for (const k of keyParts) h.update("\u001f" + k);
  return h.digest("hex");
}

/** Identity of one statement: entity, property, value and dataset (FtM statement id). */
export function makeStatementId(entityId: string, prop: string, value: string, dataset: string): string {
  return createHash("sha1").update(`${dataset}\u001f${entityId}\u001f${prop}\u001f${value}`).digest("hex");
}
