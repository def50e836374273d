import type { AccessScope, Reference } from "@vizier/core";
import type pg from "pg";
import { grantScopeCondition } from "./access-requests-sql";
import { storeError } from "./errors";

type RefRow = { target: string; entity_id: string; schema: string; prop: string; dataset: string };

/** Reverse references of `targets` (blocks_refs index), filtered in SQL by scope; see StorePort.references. */
export async function references(pool: pg.Pool, scope: AccessScope, targets: readonly string[], limit: number): Promise<{ references: Reference[]; withheld: number }> {
  const ids = [...targets];
  const shown = grantScopeCondition(scope, "s", 3);
  const hidden = grantScopeCondition(scope, "s", 2);
  // Candidate blocks come from the GIN index on refs; their bodies are expanded to the single
  // entity-typed statements that point at a target.
  const refStatements = (cond: string) => `SELECT DISTINCT e ->> 2 AS target, s.entity_id, s.schema, e ->> 0 AS prop, s.dataset
    FROM blocks s CROSS JOIN jsonb_array_elements(s.body::jsonb) e
    WHERE s.refs && $1::text[] AND e ->> 1 = 'entity' AND e ->> 2 = ANY($1::text[]) AND ${cond}`;
  try {
    const [visible, withheld] = await Promise.all([
      shown.none ? Promise.resolve({ rows: [] as RefRow[] }) : pool.query<RefRow>(
        `${refStatements(shown.sql)} ORDER BY 1, 2, 4, 5 LIMIT $2`, [ids, limit, ...shown.params]),
      // Withheld: references the scope cannot read in any block.
      pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM (${refStatements(`NOT (${hidden.sql})`)} EXCEPT ${refStatements(hidden.sql)}) h`,
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
