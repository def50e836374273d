/**
 * Where a `vizier flows` command gets its transactions: a CSV/TSV file with column flags, or
 * with `--from-store` the Payment entities the viewer may read (@vizier/analytics: read through
 * the policy decision point, audited as `flows.load`, amounts in EUR at the payment date;
 * needs `--purpose`). `--by holder` (default) follows money between persons and companies,
 * `--by account` between accounts.
 */
import type { Command } from "commander";
import { z } from "zod";
import { VizierError } from "@vizier/model";
import type { TxTable } from "@vizier/flows";
import { loadPayments } from "@vizier/analytics";
import { withRuntime, type Env } from "../../runtime";
import { globalsOf, reportResolution } from "../graph/source";
import { loadRates, loadTable, parseFlag, type ColumnFlags } from "./load";

/** Column flags are optional on the command line: a file needs them, the store does not. */
export type SourceFlags = Partial<Pick<ColumnFlags, "from" | "to" | "amount" | "time">> & Omit<ColumnFlags, "from" | "to" | "amount" | "time"> & {
  fromStore?: boolean;
  by?: string;
  resolved?: boolean;
};

export interface TxSource {
  table: TxTable;
  /** Store-backed only: display label of a party id. */
  label?: (id: string) => string;
  /** What was read, for messages. */
  what: string;
}

/** The transactions of a file, or with --from-store the viewer's payments. */
export async function obtainTable(file: string | undefined, o: SourceFlags, cmd: Command, env: Env): Promise<TxSource> {
  const cols = ["from", "to", "amount", "time", "id", "currency", "fromCountry", "toCountry"] as const;
  if (!o.fromStore) {
    if (o.by !== undefined || o.resolved) throw new VizierError("INVALID_ARGUMENT", `${o.by !== undefined ? "--by" : "--resolved"} needs --from-store`);
    if (file === undefined) throw new VizierError("INVALID_ARGUMENT", "give a transactions file or --from-store");
    for (const c of ["from", "to", "amount", "time"] as const) if (o[c] === undefined) throw new VizierError("INVALID_ARGUMENT", `--${c} <col> is required with a transactions file`);
    return { table: loadTable(file, o as ColumnFlags), what: file };
  }
  if (file !== undefined) throw new VizierError("INVALID_ARGUMENT", "give either a transactions file or --from-store, not both");
  const given = cols.filter((c) => o[c] !== undefined);
  if (given.length > 0) throw new VizierError("INVALID_ARGUMENT", `column flags (${given.map((c) => `--${c.replace(/[A-Z]/g, (x) => `-${x.toLowerCase()}`)}`).join(", ")}) apply to files, not --from-store`);
  const by = parseFlag(z.enum(["holder", "account"]), o.by ?? "holder", "--by");
  const rates = loadRates(o.rates);
  const res = await withRuntime(globalsOf(cmd), env, (rt) => loadPayments(rt.ctx(), rt.svc, { by, rates, resolved: o.resolved ?? false }));
  if (res.resolution) reportResolution(res.resolution);
  const sk = res.skipped;
  const skipped = sk.undated + sk.noAmount + sk.noParty + sk.unknownCurrency;
  if (skipped > 0) console.error(`vizier flows: ${skipped} readable payments not used (${sk.undated} undated, ${sk.noAmount} without amount, ${sk.noParty} without payer or beneficiary, ${sk.unknownCurrency} in a currency without a rate)`);
  if (res.ambiguousHolders.length > 0) console.error(`vizier flows: ${res.ambiguousHolders.length} accounts have several holders; the lowest id was used: ${res.ambiguousHolders.slice(0, 10).join(", ")}`);
  return { table: res.table, label: (id) => res.labels.get(id) ?? id, what: `the store (payments you may read, by ${by})` };
}

/** Index of a party: its id, or a label that names exactly one party (store-backed tables). */
export function findParty(src: TxSource, name: string): number {
  const k = src.table.accounts.indexOf(name);
  if (k >= 0) return k;
  if (src.label) {
    const want = name.trim().toLowerCase();
    const hits = src.table.accounts.flatMap((a, i) => (src.label!(a).toLowerCase() === want ? [i] : []));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) throw new VizierError("INVALID_ARGUMENT", `"${name}" names ${hits.length} parties; give one of their ids: ${hits.map((i) => src.table.accounts[i]).join(", ")}`);
  }
  throw new VizierError("NOT_FOUND", `account "${name}" does not occur in ${src.what}`);
}
