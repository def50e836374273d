import { VizierError } from "@vizier/model";

/** SQLite failures a user can act on become STORE_UNAVAILABLE with a plain explanation. */
export function mapSqliteError(e: unknown, location: string): unknown {
  const code = (e as { code?: string }).code ?? "";
  const msg = (e as Error).message ?? String(e);
  if (code.startsWith("SQLITE_READONLY")) return new VizierError("STORE_UNAVAILABLE", `the store ${location} is read-only: ${msg}`, { cause: e });
  if (code.startsWith("SQLITE_FULL")) return new VizierError("STORE_UNAVAILABLE", `the disk holding ${location} is full; nothing from this run was stored: ${msg}`, { cause: e });
  if (code.startsWith("SQLITE_CANTOPEN")) return new VizierError("STORE_UNAVAILABLE", `cannot open the store ${location}: ${msg}`, { cause: e });
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return new VizierError("STORE_UNAVAILABLE", `the store ${location} is busy (another process is writing): ${msg}`, { cause: e });
  if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) return new VizierError("STORE_UNAVAILABLE", `the store ${location} is damaged or not a Vizier store: ${msg}`, { cause: e });
  if (code.startsWith("SQLITE_IOERR")) return new VizierError("STORE_UNAVAILABLE", `I/O error on ${location}: ${msg}`, { cause: e });
  return e;
}

/** Runs `fn`, translating SQLite errors. */
export function guard<T>(location: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw mapSqliteError(e, location);
  }
}
