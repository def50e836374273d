import type { Command } from "commander";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { VizierError } from "@vizier/model";
import {
  ALERT_COLUMNS, GENERATED_COLUMNS, PATTERNS, aggregateFlows, alertRow, detectPatterns, generateTransactions,
  generatedCsvLines, isoTime, parseAlertPatterns, parseTimestamp, trace, truthCsvLines, txId,
} from "@vizier/flows";
import type { Period } from "@vizier/flows";
import { loadOptions, nonNeg, parseFlag, posInt } from "./flows/load";
import { findParty, obtainTable, type SourceFlags } from "./flows/source";
import { globalsOf } from "./graph/source";
import type { Env } from "../runtime";
import { CsvOut } from "./flows/write";

function columnOptions(c: Command): Command {
  return c
    .option("--from-store", "use the Payment entities you may read in the store instead of a file (needs --purpose)")
    .option("--by <what>", "with --from-store: follow money between holders (persons, companies; default) or accounts")
    .option("--resolved", "with --from-store: merge records of one person or company as resolved for your view (`vizier resolve`)")
    .option("--from <col>", "payer account column (required with a file)")
    .option("--to <col>", "beneficiary account column (required with a file)")
    .option("--amount <col>", "amount column (required with a file)")
    .option("--time <col>", "date/time column (ISO 8601, DD-MM-YYYY, epoch seconds/ms, or day steps; required with a file)")
    .option("--id <col>", "transaction id column (default: row number)")
    .option("--currency <col>", "currency column; amounts are converted to EUR")
    .option("--rates <file>", "dated rates CSV currency,date,rate (units per EUR); default: built-in ECB 2024 averages")
    .option("--from-country <col>", "payer country column (for focus-country exposure)")
    .option("--to-country <col>", "beneficiary country column")
    .option("--time-unit <unit>", "unit of numeric times: auto, seconds, milliseconds, days", "auto");
}

/** account,group CSV (header row skipped). */
function readGroups(path: string): Map<string, string> {
  const map = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new VizierError("INVALID_INPUT", `cannot read ${path}: ${(e as Error).message}`, { location: { file: path }, cause: e });
  }
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [a, g] = line.split(/[,;\t]/);
    if (a && g) map.set(a.trim(), g.trim());
  }
  return map;
}

function dateFlag(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const t = parseTimestamp(v);
  if (Number.isNaN(t)) throw new VizierError("INVALID_ARGUMENT", `${flag}: "${v}" is not a date`);
  return t;
}

/**
 * `vizier flows …` — money-flow tracing and typology detection on transaction files, or with
 * `--from-store` on the payments the viewer may read (issue P5; contract in docs/flows.md).
 */
export function registerFlows(program: Command, env: Env = {}): void {
  const flows = program.command("flows").description("Follow the money: typology alerts, tracing, aggregation, labelled test data");

  columnOptions(flows.command("patterns"))
    .description(`Explained typology alerts as ${ALERT_COLUMNS.join(",")}`)
    .argument("[transactions]", "transactions CSV/TSV with a header row (omit with --from-store)")
    .option("--patterns <list>", `comma-separated subset of: ${PATTERNS.join(", ")}`)
    .option("--focus-countries <list>", "ISO alpha-2 codes for focus-country exposure (default AE,TR,MA,HK,SG)")
    .option("--thresholds <file.json>", "thresholds and windows (see docs/flows.md)")
    .option("--config <file.json>", "with a file: same as --thresholds (kept for compatibility; with --from-store --config is the installation configuration)")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: SourceFlags & { patterns?: string; focusCountries?: string; thresholds?: string; config?: string; out?: string }, cmd: Command) => {
      // The root program owns --config (installation configuration) and commander hands it the
      // value even after the subcommand; with a file and no store, it can only mean thresholds.
      const opts = loadOptions(o.thresholds ?? o.config ?? (o.fromStore ? undefined : globalsOf(cmd).config));
      if (o.patterns) opts.patterns = o.patterns.split(",").map((s) => s.trim()).filter(Boolean);
      if (o.focusCountries !== undefined) opts.focusCountry = { ...opts.focusCountry, countries: o.focusCountries.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean) };
      const t0 = performance.now();
      const { table: t } = await obtainTable(file, o, cmd, env);
      const t1 = performance.now();
      const { alerts } = detectPatterns(t, opts);
      const out = new CsvOut(o.out, ALERT_COLUMNS);
      alerts.forEach((a, k) => out.row(alertRow(t, a, k + 1)));
      out.close();
      console.error(`vizier flows patterns: ${t.size} transactions, ${t.accounts.length} accounts read in ${((t1 - t0) / 1000).toFixed(1)} s; ${alerts.length} alerts in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    });

  columnOptions(flows.command("trace"))
    .description("Time-respecting fund tracing as path_id,hop,transaction,from,to,time,amount,traced_amount,path_amount")
    .argument("[transactions]", "transactions CSV/TSV with a header row (omit with --from-store)")
    .option("--start <account>", "account to trace from (forward) or to (backward)")
    .option("--entity <name>", "trace from/to all accounts of this holder or entity (needs --groups)")
    .option("--groups <file.csv>", "account,group mapping (account holder or resolved entity)")
    .option("--direction <d>", "forward or backward", "forward")
    .option("--hops <n>", "maximum hops", "5")
    .option("--since <date>", "only trace the start account's transfers from this time")
    .option("--until <date>", "... up to this time")
    .option("--min-amount <eur>", "do not follow traced parts below this amount", "0")
    .option("--rule <r>", "attribution: fifo or proportional", "fifo")
    .option("--max-paths <n>", "cap on paths written", "10000")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: SourceFlags & { start?: string; entity?: string; groups?: string; direction: string; hops: string; since?: string; until?: string; minAmount: string; rule: string; maxPaths: string; out?: string }, cmd: Command) => {
      const direction = parseFlag(z.enum(["forward", "backward"]), o.direction, "--direction");
      const rule = parseFlag(z.enum(["fifo", "proportional"]), o.rule, "--rule");
      const maxHops = parseFlag(posInt, o.hops, "--hops");
      const minAmount = parseFlag(nonNeg, o.minAmount, "--min-amount");
      const maxPaths = parseFlag(posInt, o.maxPaths, "--max-paths");
      const since = dateFlag(o.since, "--since");
      const until = dateFlag(o.until, "--until");
      const src = await obtainTable(file, o, cmd, env);
      const t = src.table;
      let start: number[];
      let label: string;
      if (o.entity !== undefined) {
        if (!o.groups) throw new VizierError("INVALID_ARGUMENT", "--entity needs --groups <account,group file>");
        const members = new Set([...readGroups(o.groups)].filter(([, g]) => g === o.entity).map(([a]) => a));
        start = t.accounts.flatMap((a, k) => (members.has(a) ? [k] : []));
        if (start.length === 0) throw new VizierError("NOT_FOUND", `no account of "${o.entity}" occurs in ${src.what}`);
        label = `${o.entity} (${start.length} accounts)`;
      } else {
        if (o.start === undefined) throw new VizierError("INVALID_ARGUMENT", "give --start <account> or --entity <name> with --groups");
        start = [findParty(src, o.start)];
        label = o.start;
      }
      const r = trace(t, { start, direction, maxHops, minAmount, rule, maxPaths, ...(since === undefined ? {} : { from: since }), ...(until === undefined ? {} : { to: until }) });
      const traced = new Map(r.steps.map((s) => [s.tx, s.traced]));
      const labels = src.label;
      const out = new CsvOut(o.out, ["path_id", "hop", "transaction", "from", "to", "time", "amount", "traced_amount", "path_amount", ...(labels ? ["from_label", "to_label"] : [])]);
      r.paths.forEach((p, k) => {
        const txs = direction === "backward" ? [...p.txs].reverse() : p.txs;
        txs.forEach((i, h) => out.row([`P${k + 1}`, direction === "backward" ? txs.length - h : h + 1, txId(t, i), t.accounts[t.from[i] ?? 0] ?? "", t.accounts[t.to[i] ?? 0] ?? "", isoTime(t.time[i] ?? 0), (t.amount[i] ?? 0).toFixed(2), (traced.get(i) ?? 0).toFixed(2), p.amount.toFixed(2),
          ...(labels ? [labels(t.accounts[t.from[i] ?? 0] ?? ""), labels(t.accounts[t.to[i] ?? 0] ?? "")] : [])]));
      });
      out.close();
      let kept = 0;
      for (const x of r.retained.values()) kept += x;
      console.error(`vizier flows trace: ${direction} from ${label}: EUR ${r.total.toFixed(2)} traced over ${r.steps.length} transfers; ${r.paths.length} paths${r.truncated ? " (truncated)" : ""}; retained at ${r.retained.size} accounts EUR ${kept.toFixed(2)}, stopped at limits EUR ${r.stopped.toFixed(2)}`);
    });

  columnOptions(flows.command("aggregate"))
    .description("Flows between accounts or groups per period, for a Sankey diagram: source,target,period,amount,count")
    .argument("[transactions]", "transactions CSV/TSV with a header row (omit with --from-store)")
    .option("--period <p>", "day, week, month, quarter, year or all", "month")
    .option("--groups <file.csv>", "account,group mapping (e.g. account holder or resolved entity)")
    .option("--include-internal", "keep flows within one group")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: SourceFlags & { period: string; groups?: string; includeInternal?: boolean; out?: string }, cmd: Command) => {
      const period = parseFlag(z.enum(["day", "week", "month", "quarter", "year", "all"]), o.period, "--period") as Period;
      const src = await obtainTable(file, o, cmd, env);
      const t = src.table;
      let groupOf: ((a: string) => string) | undefined;
      if (o.groups) {
        const map = readGroups(o.groups);
        groupOf = (a) => map.get(a) ?? a;
      }
      const links = aggregateFlows(t, { period, includeInternal: o.includeInternal ?? false, ...(groupOf ? { groupOf } : {}) });
      const labels = src.label;
      const out = new CsvOut(o.out, ["source", "target", "period", "amount", "count", ...(labels ? ["source_label", "target_label"] : [])]);
      for (const l of links) out.row([l.source, l.target, l.period, l.amount.toFixed(2), l.count, ...(labels ? [labels(l.source), labels(l.target)] : [])]);
      out.close();
    });

  flows.command("generate")
    .description("Labelled test data: AMLSim typologies planted in realistic background traffic; writes transactions.csv and truth.csv")
    .requiredOption("--seed <n>", "random seed")
    .requiredOption("--transactions <n>", "number of transactions (at least 1000)")
    .requiredOption("--out <dir>", "output directory")
    .option("--rate <r>", "laundering transactions per transaction", "0.001")
    .option("--alert-patterns <file>", "AMLSim alertPatterns.csv to take typology sizes, amounts and periods from")
    .option("--amount-scale <x>", "multiply AMLSim amounts by this", "1")
    .action((o: { seed: string; transactions: string; out: string; rate: string; alertPatterns?: string; amountScale: string }) => {
      const seed = parseFlag(z.coerce.number().int().nonnegative(), o.seed, "--seed");
      const transactions = parseFlag(z.coerce.number().int().min(1000), o.transactions, "--transactions");
      const launderingRate = parseFlag(z.coerce.number().min(0).max(0.5), o.rate, "--rate");
      const amountScale = parseFlag(z.coerce.number().positive(), o.amountScale, "--amount-scale");
      const specs = o.alertPatterns ? parseAlertPatterns(readFileSync(o.alertPatterns, "utf8")) : undefined;
      const g = generateTransactions({ seed, transactions, launderingRate, amountScale, ...(specs ? { specs } : {}) });
      mkdirSync(o.out, { recursive: true });
      const tx = new CsvOut(join(o.out, "transactions.csv"), GENERATED_COLUMNS);
      for (let lo = 0; lo < g.from.length; lo += 100000) tx.raw(generatedCsvLines(g, lo, Math.min(g.from.length, lo + 100000)));
      tx.close();
      const truth = new CsvOut(join(o.out, "truth.csv"), ["instance_id", "pattern", "tx_id"]);
      truth.raw(truthCsvLines(g));
      truth.close();
      console.error(`vizier flows generate: ${g.from.length} transactions, ${g.instances.length} planted instances, ${g.accounts.length} accounts -> ${o.out}`);
    });
}
