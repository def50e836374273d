/**
 * The viewer's payments from the store: read through the policy decision point (../load.ts),
 * turned into a transaction table, and audited as `flows.load` with the ids of the payments and
 * parties returned before anything is handed out.
 */
import type { Ctx, Services } from "@vizier/core";
import { auditLoad, loadReadable } from "../load";
import { applyResolution, type Resolution } from "../resolved";
import { paymentsTable, type PaymentOptions, type PaymentTable } from "./payments";

const NEEDED = new Set(["Payment", "Ownership", "BankAccount"]);

/** Loads the viewer's readable payments (with the accounts, owners and parties that label them). */
export async function loadPayments(ctx: Ctx, svc: Services, opts: PaymentOptions & { resolved?: boolean } = {}): Promise<PaymentTable & { resolution?: Resolution }> {
  const { entities: read, scope } = await loadReadable(ctx, svc, (s) => NEEDED.has(s) || (svc.model.hasSchema(s) && svc.model.getSchema(s).isA("LegalEntity")));
  const r = opts.resolved ? await applyResolution(svc.model, svc.store, scope, read) : undefined;
  const res: PaymentTable & { resolution?: Resolution } = paymentsTable(svc.model, r ? r.entities : read, opts);
  if (r) res.resolution = r.resolution;
  const query = [`by=${opts.by ?? "holder"}`, ...(opts.since !== undefined ? [`since=${opts.since}`] : []), ...(opts.until !== undefined ? [`until=${opts.until}`] : []), ...(opts.resolved ? ["resolved"] : [])].join(" ");
  await auditLoad(ctx, svc, "flows.load", query, [...(res.table.ids ?? []), ...res.table.accounts]);
  return res;
}
