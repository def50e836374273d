import type { StorePort } from "@vizier/core";
import { PostgresStore } from "@vizier/store-postgres";

/** The PostgreSQL adapter for `--db postgres://…`. */
export function openPostgres(url: string): StorePort {
  return new PostgresStore({ url });
}
