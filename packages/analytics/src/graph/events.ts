/**
 * Event edges, aggregated per pair and period: payments (payer → beneficiary, count and EUR sum),
 * communications (per phone pair when numbers are known, else per caller/receiver entity; count
 * and duration) and shipments (consignor → consignee, and both parties to the vessel).
 */
import { defaultRates, periodLabel } from "@vizier/flows";
import { isVizierError, type FtmEntity } from "@vizier/model";
import type { NetworkBuilder } from "./builder";
import { epochSeconds, eventInWindow, extent } from "./time";

const first = (e: FtmEntity, p: string): string | undefined => e.properties[p]?.[0];

/** Adds the edges an event entity (Payment, Communication, Call, Shipment) contributes. */
export function addEvent(b: NetworkBuilder, e: FtmEntity, phones: ReadonlyMap<string, string>): void {
  const { start } = extent(b.model, e);
  if (!eventInWindow(b.opts, start)) return;
  const period = start === undefined ? "undated" : periodLabel(epochSeconds(start), b.opts.period ?? "month");
  const at = { period, evidence: e.id, ...(start !== undefined ? { start } : {}) };
  switch (e.schema) {
    case "Payment": return addPayment(b, e, at);
    case "Communication":
    case "Call": return addCommunication(b, e, at, phones);
    case "Shipment": return addShipment(b, e, at);
    default: return;
  }
}

type At = { period: string; evidence: string; start?: string };

function addPayment(b: NetworkBuilder, e: FtmEntity, at: At): void {
  const payers = e.properties["payer"] ?? e.properties["payerAccount"] ?? [];
  const payees = e.properties["beneficiary"] ?? e.properties["beneficiaryAccount"] ?? [];
  const amount = paymentEur(b, e, at.start);
  for (const s of payers) for (const t of payees) b.add({ source: s, target: t, type: "Payment", directed: true, ...at, ...(amount !== undefined ? { amount } : {}) }, "LegalEntity", "LegalEntity");
  for (const [holder, account] of [["payer", "payerAccount"], ["beneficiary", "beneficiaryAccount"]] as const) {
    for (const h of e.properties[holder] ?? []) for (const a of e.properties[account] ?? []) b.add({ source: h, target: a, type: "AccountHolder", directed: true, evidence: e.id }, "LegalEntity", "BankAccount");
  }
}

/** The payment's amount in EUR: `amount` converted at the payment date, else `amountEur`; undefined when neither works. */
export function paymentEur(b: NetworkBuilder, e: FtmEntity, date: string | undefined): number | undefined {
  const amount = Number(first(e, "amount"));
  if (first(e, "amount") !== undefined && Number.isFinite(amount)) {
    try {
      return (b.opts.rates ?? defaultRates()).toEur(Math.abs(amount), first(e, "currency") ?? "EUR", date === undefined ? 0 : epochSeconds(date));
    } catch (err) {
      if (!isVizierError(err, "INVALID_INPUT")) throw err;
    }
  }
  const eur = Number(first(e, "amountEur"));
  return first(e, "amountEur") !== undefined && Number.isFinite(eur) ? Math.abs(eur) : undefined;
}

function addCommunication(b: NetworkBuilder, e: FtmEntity, at: At, phones: ReadonlyMap<string, string>): void {
  const duration = Number(first(e, "duration"));
  const extra = { ...at, ...(Number.isFinite(duration) && first(e, "duration") !== undefined ? { duration } : {}) };
  const phoneOf = (n: string): string => phones.get(n) ?? `phone:${n}`;
  const fromNums = e.properties["callerNumber"] ?? [];
  const toNums = e.properties["receiverNumber"] ?? [];
  if (fromNums.length > 0 && toNums.length > 0) {
    for (const s of fromNums) for (const t of toNums) b.add({ source: phoneOf(s), target: phoneOf(t), type: "Communication", directed: true, ...extra }, "Phone", "Phone");
    for (const [who, nums] of [["caller", fromNums], ["receiver", toNums]] as const) {
      for (const p of e.properties[who] ?? []) for (const n of nums) b.add({ source: p, target: phoneOf(n), type: "PhoneOwner", directed: true, evidence: e.id }, "LegalEntity", "Phone");
    }
    return;
  }
  for (const s of e.properties["caller"] ?? []) for (const t of e.properties["receiver"] ?? []) b.add({ source: s, target: t, type: "Communication", directed: true, ...extra }, "LegalEntity", "LegalEntity");
}

function addShipment(b: NetworkBuilder, e: FtmEntity, at: At): void {
  const from = e.properties["consignor"] ?? [];
  const to = e.properties["consignee"] ?? [];
  for (const s of from) for (const t of to) b.add({ source: s, target: t, type: "Shipment", directed: true, ...at }, "LegalEntity", "LegalEntity");
  for (const v of e.properties["vessel"] ?? []) {
    for (const s of from) b.add({ source: s, target: v, type: "ShipmentVessel", directed: true, ...at }, "LegalEntity", "Vessel");
    for (const t of to) b.add({ source: v, target: t, type: "ShipmentVessel", directed: true, ...at }, "Vessel", "LegalEntity");
  }
}

/** Phone entities by number (lowest id wins when several readable Phone entities share one), and Phone owner edges. */
export function indexPhones(b: NetworkBuilder): Map<string, string> {
  const byNumber = new Map<string, string>();
  for (const e of b.byId.values()) {
    if (e.schema !== "Phone") continue;
    for (const n of e.properties["number"] ?? []) {
      const cur = byNumber.get(n);
      if (cur === undefined || e.id < cur) byNumber.set(n, e.id);
    }
    for (const o of e.properties["owner"] ?? []) b.add({ source: o, target: e.id, type: "PhoneOwner", directed: true, evidence: e.id }, "LegalEntity", "Phone");
  }
  return byNumber;
}
