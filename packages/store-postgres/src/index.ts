export { PostgresStore, type PostgresStoreOptions } from "./store";
export { SCHEMA_VERSION } from "./schema";
export { PgJobs } from "./jobs";
