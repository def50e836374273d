import type { AccessScope, Reference } from "@vizier/core";
import type pg from "pg";
import { grantScopeCondition } from "./access-requests-sql";
import { storeError } from "./errors";

type RefRow = { target: string; entity_id: string; schema: string; prop: string; dataset: string };

/** Reverse references of `targets` (statements_refs index), filtered in SQL by scope; see StorePort.references. */
export async function references(pool: pg.Pool, scope: AccessScope, targets: readonly string[], limit: number): Promise<{ references: Reference[]; withheld: number }> {
  const ids = [...targets];
  const shown = grantScopeCondition(scope, "s", 3);
  const hidden = grantScopeCondition(scope, "s", 2);
  try {
    const [visible, withheld] = await Promise.all([
      shown.none ? Promise.resolve({ rows: [] as RefRow[] }) : pool.query<RefRow>(
        `SELECT DISTINCT s.value AS target, s.entity_id, s.schema, s.prop, s.dataset FROM statements s
         WHERE s.prop_type = 'entity' AND s.value = ANY($1::text[]) AND ${shown.sql}
         ORDER BY 1, 2, 4, 5 LIMIT $2`, [ids, limit, ...shown.params]),
      pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM statements s WHERE s.prop_type = 'entity' AND s.value = ANY($1::text[]) AND NOT (${hidden.sql})`,
        [ids, ...hidden.params]),
    ]);
    return {
      references: visible.rows.map((r) => ({ target: r.target, entityId: r.entity_id, schema: r.schema, prop: r.prop, dataset: r.dataset })),
      withheld: Number(withheld.rows[0]?.n ?? 0),
    };
  } catch (e) {
    throw storeError(e, "reading references");
  }
}
