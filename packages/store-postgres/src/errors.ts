import { VizierError } from "@vizier/model";

/**
 * SQLSTATE classes and node errors that mean "the store is not there (or not writable)": a
 * connection refused, reset or terminated, the server shutting down, disk full, read-only. These
 * become STORE_UNAVAILABLE so front ends say "try again / ask an admin" instead of "bug".
 */
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01", // admin_shutdown (pg_ctl stop, pg_terminate_backend)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up / shutting down)
  "53100", // disk_full
  "53200", // out_of_memory
  "53300", // too_many_connections
  "25006", // read_only_sql_transaction (a standby, or default_transaction_read_only)
  "3D000", // invalid_catalog_name: the database does not exist
]);

const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOENT", "EAI_AGAIN"]);

function isUnavailable(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string") {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08")) return true; // class 08: connection exception
    if (UNAVAILABLE_NODE_CODES.has(code)) return true;
  }
  const msg = e instanceof Error ? e.message : "";
  // node-postgres reports lost connections with these messages and no code.
  return /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed|terminating connection/i.test(msg);
}

/** Wraps a driver error in a VizierError (STORE_UNAVAILABLE when the server is unreachable). */
export function storeError(e: unknown, what: string): VizierError {
  if (e instanceof VizierError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (isUnavailable(e)) return new VizierError("STORE_UNAVAILABLE", `PostgreSQL store unavailable while ${what}: ${msg}`, { cause: e });
  return new VizierError("INTERNAL", `PostgreSQL store failed while ${what}: ${msg}`, { cause: e });
}

/** Runs `f`, turning any driver error into a VizierError. */
export async function guarded<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw storeError(e, what);
  }
}
