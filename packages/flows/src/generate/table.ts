import type { TxTable } from "../table";
import { TxTableBuilder } from "../table";
import type { Generated } from "./index";
import { generatedTxId } from "./index";

/** The generated rows as a {@link TxTable} (what reading the written CSV would give). */
export function generatedTable(g: Generated): TxTable {
  const b = new TxTableBuilder({ withIds: true, capacity: g.from.length });
  for (let i = 0; i < g.from.length; i++) {
    const f = g.from[i] ?? 0;
    const t = g.to[i] ?? 0;
    b.add(g.accounts[f] ?? "", g.accounts[t] ?? "", g.amount[i] ?? 0, g.time[i] ?? 0, generatedTxId(i));
    b.setCountry(b.account(g.accounts[f] ?? ""), g.country[f] ?? "");
    b.setCountry(b.account(g.accounts[t] ?? ""), g.country[t] ?? "");
  }
  return b.build();
}
