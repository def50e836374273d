/**
 * The viewer's payments from the store: read through the policy decision point (../load.ts),
 * turned into a transaction table, and audited as `flows.load` with the ids of the payments and
 * parties returned before anything is handed out.
 */
import type { Ctx, Services } from "@vizier/core";
import { auditLoad, loadReadable, readEntities } from "../load";
import { applyResolution, type Resolution } from "../resolved";
import { paymentsTable, type PaymentOptions, type PaymentTable } from "./payments";

const CORE = new Set(["Payment", "Ownership", "BankAccount"]);

/** Loads the viewer's readable payments (with the accounts, owners and parties that label them). */
export async function loadPayments(ctx: Ctx, svc: Services, opts: PaymentOptions & { resolved?: boolean } = {}): Promise<PaymentTable & { resolution?: Resolution }> {
  // Payments, accounts and ownerships first (a schema-filtered scan); then only the persons and
  // companies they name, by id, instead of every legal entity in the store.
  const { entities: core, scope } = await loadReadable(ctx, svc, (s) => CORE.has(s));
  const named = new Set<string>();
  for (const e of core) {
    const schema = svc.model.getSchema(e.schema);
    for (const [prop, values] of Object.entries(e.properties)) {
      if (schema.hasProperty(prop) && schema.getProperty(prop).type === "entity") for (const v of values) named.add(v);
    }
  }
  for (const e of core) named.delete(e.id);
  const parties = await readEntities(svc, scope, [...named].sort(), (s) => svc.model.hasSchema(s) && svc.model.getSchema(s).isA("LegalEntity"));
  const read = [...core, ...parties];
  const r = opts.resolved ? await applyResolution(svc.model, svc.store, scope, read) : undefined;
  const res: PaymentTable & { resolution?: Resolution } = paymentsTable(svc.model, r ? r.entities : read, opts);
  if (r) res.resolution = r.resolution;
  const query = [`by=${opts.by ?? "holder"}`, ...(opts.since !== undefined ? [`since=${opts.since}`] : []), ...(opts.until !== undefined ? [`until=${opts.until}`] : []), ...(opts.resolved ? ["resolved"] : [])].join(" ");
  await auditLoad(ctx, svc, "flows.load", query, [...(res.table.ids ?? []), ...res.table.accounts]);
  return res;
}
