import type { AccessRequestPort, StorePort } from "@vizier/core";
import { PostgresStore } from "@vizier/store-postgres";
import { SqliteStore } from "@vizier/store-sqlite";

/** The access-request port of an opened store (both adapters keep requests beside their data). */
export function accessRequestsOf(store: StorePort): AccessRequestPort | undefined {
  return store instanceof SqliteStore || store instanceof PostgresStore ? store.accessRequests : undefined;
}
