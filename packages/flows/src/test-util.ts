/** Helpers for the flows tests: small tables written as "from>to amount day" lines. */
import { tableFrom } from "./table";
import type { TxTable } from "./table";
import type { Alert } from "./alert";
import type { PartialOptions } from "./options";
import { detectPatterns } from "./detect/index";

export const D = 86400;
const T0 = Date.UTC(2025, 0, 1) / 1000;

/** Rows like "A>B 100 3" (payer, beneficiary, amount, day; an optional 4th field is the id). */
export function rows(spec: string): { from: string; to: string; amount: number; time: number; id: string }[] {
  return spec.trim().split(/\n/).map((l) => l.trim()).filter(Boolean).map((l, k) => {
    const [pair, amount, day, id] = l.split(/\s+/);
    const [from, to] = (pair ?? "").split(">");
    return { from: from ?? "", to: to ?? "", amount: Number(amount), time: T0 + Number(day) * D, id: id ?? `t${k + 1}` };
  });
}

export function table(spec: string): TxTable {
  return tableFrom(rows(spec));
}

/** Alerts of one pattern; `patterns` restricts which detectors run. */
export function alertsOf(t: TxTable, pattern: string, opts: PartialOptions = {}): Alert[] {
  return detectPatterns(t, { patterns: [pattern], ...opts }).alerts.filter((a) => a.pattern === pattern);
}

/** Account names of an alert. */
export function names(t: TxTable, a: Alert): string[] {
  return a.accounts.map((x) => t.accounts[x] ?? "");
}

/** Background noise: n accounts paying each other in recurring relationships (not rare). */
export function noise(n: number, days: number): string {
  const lines: string[] = [];
  for (let a = 0; a < n; a++) for (let d = 0; d < days; d += 7) lines.push(`N${a}>N${(a + 1) % n} ${50 + ((a * 7 + d) % 40)} ${d}`);
  return lines.join("\n");
}
