import Database from "better-sqlite3";

/** Opens a connection with the store's settings; each ingest run writes through its own one. */
export function openConnection(location: string, readonly: boolean): Database.Database {
  const db = new Database(location, { readonly, fileMustExist: readonly });
  db.pragma("busy_timeout = 10000");
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
