/**
 * Who holds an account, from readable data only: the owner in an Ownership of the BankAccount
 * first, else a payer or beneficiary named together with the account on a payment. Several
 * candidates of the same kind: the lowest entity id (deterministic; such accounts are listed).
 */
import type { FtmEntity } from "@vizier/model";

export interface Holders {
  /** Account entity id → holder entity id. */
  holderOf: Map<string, string>;
  /** Accounts with more than one candidate holder of the chosen kind, for review. */
  ambiguous: string[];
}

/** Resolves the holder of every account that readable Ownership or Payment entities name one for. */
export function resolveHolders(byId: ReadonlyMap<string, FtmEntity>): Holders {
  const owned = new Map<string, Set<string>>();
  const used = new Map<string, Set<string>>();
  const note = (m: Map<string, Set<string>>, account: string, holder: string): void => {
    let s = m.get(account);
    if (!s) m.set(account, (s = new Set()));
    s.add(holder);
  };
  for (const e of byId.values()) {
    if (e.schema === "Ownership") {
      for (const a of e.properties["asset"] ?? []) {
        if (byId.get(a)?.schema !== "BankAccount") continue;
        for (const o of e.properties["owner"] ?? []) note(owned, a, o);
      }
    } else if (e.schema === "Payment") {
      for (const h of e.properties["payer"] ?? []) for (const a of e.properties["payerAccount"] ?? []) note(used, a, h);
      for (const h of e.properties["beneficiary"] ?? []) for (const a of e.properties["beneficiaryAccount"] ?? []) note(used, a, h);
    }
  }
  const holderOf = new Map<string, string>();
  const ambiguous: string[] = [];
  for (const account of new Set([...owned.keys(), ...used.keys()])) {
    const c = [...(owned.get(account) ?? used.get(account) ?? [])].sort();
    if (c.length === 0) continue;
    holderOf.set(account, c[0]!);
    if (c.length > 1) ambiguous.push(account);
  }
  return { holderOf, ambiguous: ambiguous.sort() };
}
