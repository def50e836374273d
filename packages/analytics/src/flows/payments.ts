/**
 * Payment entities → the flows engine's transaction table. A Payment (FollowTheMoney: payer,
 * payerAccount, beneficiary, beneficiaryAccount, amount, currency, date/startDate, purpose,
 * programme, transactionNumber — FtM has no "channel" property) becomes one transaction whose
 * amount is converted to EUR at its date with a dated rates table.
 * `by: "account"` keeps account-to-account flows (a payment naming no account falls back to the
 * party); `by: "holder"` follows money between persons and companies: an account is replaced by
 * its holder (holders.ts), so flows between a person's several accounts become one party.
 */
import { defaultRates, TxTableBuilder, type RatesTable, type TxTable } from "@vizier/flows";
import { entityCaption, isVizierError, type FtmEntity, type Registry } from "@vizier/model";
import { epochSeconds, eventInWindow, extent } from "../graph/time";
import { resolveHolders } from "./holders";

export interface PaymentOptions {
  /** Flow between holders (persons, companies; default) or between accounts. */
  by?: "holder" | "account";
  rates?: RatesTable;
  /** Keep payments dated in [since, until) (ISO dates). */
  since?: string;
  until?: string;
}

export interface PaymentTable {
  table: TxTable;
  /** Display label of every party (account or holder) in the table, by entity id. */
  labels: Map<string, string>;
  /** Account → holder used (by: "holder"), also reported for account tables. */
  holderOf: Map<string, string>;
  ambiguousHolders: string[];
  /** Payments that could not become a transaction, by reason. */
  skipped: { undated: number; noAmount: number; noParty: number; unknownCurrency: number; outsideWindow: number };
}

/** Builds the transaction table from readable entities (pure: no store, no audit). */
export function paymentsTable(model: Registry, entities: readonly FtmEntity[], opts: PaymentOptions = {}): PaymentTable {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const { holderOf, ambiguous } = resolveHolders(byId);
  const rates = opts.rates ?? defaultRates();
  const by = opts.by ?? "holder";
  const skipped = { undated: 0, noAmount: 0, noParty: 0, unknownCurrency: 0, outsideWindow: 0 };
  const payments = entities.filter((e) => e.schema === "Payment").sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const builder = new TxTableBuilder({ withIds: true, capacity: payments.length });
  const party = (e: FtmEntity, who: "payer" | "beneficiary"): string | undefined => {
    const account = e.properties[`${who}Account`]?.[0];
    const direct = e.properties[who]?.[0];
    if (by === "account") return account ?? direct;
    return direct ?? (account !== undefined ? (holderOf.get(account) ?? account) : undefined);
  };
  for (const e of payments) {
    const { start } = extent(model, e);
    if (start === undefined) { skipped.undated++; continue; }
    if (!eventInWindow(opts, start)) { skipped.outsideWindow++; continue; }
    const from = party(e, "payer");
    const to = party(e, "beneficiary");
    if (from === undefined || to === undefined) { skipped.noParty++; continue; }
    const raw = e.properties["amount"]?.[0];
    const amount = Math.abs(Number(raw));
    if (raw === undefined || !Number.isFinite(amount)) { skipped.noAmount++; continue; }
    const time = epochSeconds(start);
    let eur: number;
    try {
      eur = rates.toEur(amount, e.properties["currency"]?.[0] ?? "EUR", time);
    } catch (err) {
      if (!isVizierError(err, "INVALID_INPUT")) throw err;
      skipped.unknownCurrency++;
      continue;
    }
    builder.add(from, to, eur, time, e.id);
  }
  const table = builder.build();
  const labels = new Map(table.accounts.map((id) => {
    const e = byId.get(id);
    return [id, e ? entityCaption(model, e) : id] as const;
  }));
  return { table, labels, holderOf, ambiguousHolders: ambiguous, skipped };
}
