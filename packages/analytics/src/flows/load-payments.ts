/**
 * The viewer's payments from the store: read through the policy decision point (../load.ts),
 * turned into a transaction table, and audited as `flows.load` with the ids of the payments and
 * parties returned before anything is handed out.
 */
import type { Ctx, Services } from "@vizier/core";
import { auditLoad, loadReadable } from "../load";
import { paymentsTable, type PaymentOptions, type PaymentTable } from "./payments";

const NEEDED = new Set(["Payment", "Ownership", "BankAccount"]);

/** Loads the viewer's readable payments (with the accounts, owners and parties that label them). */
export async function loadPayments(ctx: Ctx, svc: Services, opts: PaymentOptions = {}): Promise<PaymentTable> {
  const entities = await loadReadable(ctx, svc, (s) => NEEDED.has(s) || (svc.model.hasSchema(s) && svc.model.getSchema(s).isA("LegalEntity")));
  const res = paymentsTable(svc.model, entities, opts);
  const query = [`by=${opts.by ?? "holder"}`, ...(opts.since !== undefined ? [`since=${opts.since}`] : []), ...(opts.until !== undefined ? [`until=${opts.until}`] : [])].join(" ");
  await auditLoad(ctx, svc, "flows.load", query, [...(res.table.ids ?? []), ...res.table.accounts]);
  return res;
}
