import { hash } from "node:crypto";

/**
 * Deterministic entity id from a mapping's key values, namespaced by dataset, as FtM's
 * `make_id`: the same source row always yields the same id, so re-ingest is idempotent.
 */
export function makeEntityId(dataset: string, keyParts: readonly string[]): string {
  // One key column is the common case: the same text without building it through join.
  return hash("sha1", dataset + "\u001f" + (keyParts.length === 1 ? keyParts[0]! : keyParts.join("\u001f")));
}

/** Identity of one statement: entity, property, value and dataset (FtM statement id). */
export function makeStatementId(entityId: string, prop: string, value: string, dataset: string): string {
  return hash("sha1", `${dataset}\u001f${entityId}\u001f${prop}\u001f${value}`);
}
