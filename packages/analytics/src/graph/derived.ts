/**
 * Derived links: two readable entities that share an address, a phone number, a bank account
 * (held through Ownership or used as payer/beneficiary account, matched by IBAN or account number)
 * or an identifier are linked, weight = number of shared values. A value shared by more than
 * `maxShared` entities (a registered-agent address, a company switchboard) links none: it would
 * add a clique, not information.
 */
import { foldText, type FtmEntity } from "@vizier/model";
import type { NetworkBuilder } from "./builder";
import type { EdgeType } from "./types";

type Kind = "SharedAddress" | "SharedPhone" | "SharedAccount" | "SharedIdentifier";

/** Adds every derived link among the builder's readable entities. */
export function addDerived(b: NetworkBuilder): void {
  const groups = new Map<string, Set<string>>();
  const note = (kind: Kind, value: string, id: string): void => {
    if (!b.wants(kind) || value === "") return;
    const key = `${kind}\u0000${value}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Set()));
    g.add(id);
  };
  for (const e of b.byId.values()) {
    const schema = b.model.getSchema(e.schema);
    if (!schema.isA("LegalEntity")) continue;
    for (const v of e.properties["address"] ?? []) note("SharedAddress", foldText(v).replace(/\s+/g, " ").trim(), e.id);
    for (const v of e.properties["addressEntity"] ?? []) note("SharedAddress", `entity:${v}`, e.id);
    for (const v of e.properties["phone"] ?? []) note("SharedPhone", v, e.id);
    for (const [name, prop] of schema.properties) {
      if (prop.type !== "identifier") continue;
      for (const v of e.properties[name] ?? []) note("SharedIdentifier", v.toUpperCase().replace(/[^0-9A-Z]/g, ""), e.id);
    }
  }
  for (const [holder, account] of accountHolders(b.byId)) note("SharedAccount", accountKey(b.byId.get(account), account), holder);
  const max = b.opts.maxShared ?? 20;
  for (const [key, members] of [...groups].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))) {
    if (members.size < 2 || members.size > max) continue;
    const type = key.slice(0, key.indexOf("\u0000")) as EdgeType;
    const ids = [...members].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) b.add({ source: ids[i]!, target: ids[j]!, type, directed: false, evidence: type }, "LegalEntity", "LegalEntity");
    }
  }
}

/** (holder, account) pairs: Ownership of a BankAccount, and payers/beneficiaries with their accounts on payments. */
export function accountHolders(byId: ReadonlyMap<string, FtmEntity>): [string, string][] {
  const out: [string, string][] = [];
  const isAccount = (id: string): boolean => byId.get(id)?.schema === "BankAccount";
  for (const e of byId.values()) {
    if (e.schema === "Ownership") {
      for (const a of (e.properties["asset"] ?? []).filter(isAccount)) for (const o of e.properties["owner"] ?? []) out.push([o, a]);
    } else if (e.schema === "Payment") {
      for (const h of e.properties["payer"] ?? []) for (const a of e.properties["payerAccount"] ?? []) out.push([h, a]);
      for (const h of e.properties["beneficiary"] ?? []) for (const a of e.properties["beneficiaryAccount"] ?? []) out.push([h, a]);
    }
  }
  return out;
}

/** An account's identity for sharing: its IBAN, else its account number, else its entity id. */
function accountKey(e: FtmEntity | undefined, id: string): string {
  const iban = e?.properties["iban"]?.[0];
  if (iban) return `iban:${iban}`;
  const no = e?.properties["accountNumber"]?.[0];
  return no ? `no:${no}` : `id:${id}`;
}
