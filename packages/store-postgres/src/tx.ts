import type pg from "pg";
import { VizierError } from "@vizier/model";
import { guarded, storeError } from "./errors";

/**
 * Runs `f` in one transaction on one pooled connection: COMMIT on success; on failure ROLLBACK and
 * a VizierError (STORE_UNAVAILABLE when the server is gone). A connection that failed for a reason
 * other than a VizierError is destroyed rather than returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, what: string, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await guarded(what, () => pool.connect());
  try {
    await client.query("BEGIN");
    const out = await f(client);
    await client.query("COMMIT");
    client.release();
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release(e instanceof VizierError ? undefined : e instanceof Error ? e : new Error(String(e)));
    throw storeError(e, what);
  }
}
