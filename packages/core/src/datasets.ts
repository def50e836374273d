import type { Dataset } from "@vizier/model";
import { audit, auditEntry } from "./audit/chain";
import type { Ctx } from "./context";
import type { Services } from "./services";

/** Registers a dataset and records who did it (ALREADY_EXISTS when the name is taken). */
export async function createDataset(ctx: Ctx, svc: Services, ds: Dataset): Promise<void> {
  await svc.store.putDataset(ds);
  await audit(svc.store, [auditEntry(ctx, "dataset.create", ds.name, [ds.name])]);
}
