import Database from "better-sqlite3";

/** How long a statement waits for another writer's lock inside SQLite (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

/** Opens a connection with the store's settings; each ingest run writes through its own one. */
export function openConnection(location: string, readonly: boolean): Database.Database {
  const db = new Database(location, { readonly, fileMustExist: readonly });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readonly) {
    db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode: a commit survives a process kill; only an OS crash may lose the last commits.
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("cache_size = -262144");
  db.pragma("temp_store = FILE");
  db.pragma("mmap_size = 0");
  return db;
}
