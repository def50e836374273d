/**
 * Money flows → what the Sankey and the table show. ECharts draws a Sankey only over a DAG,
 * so links are added largest first and a link that would close a cycle is left out of the
 * picture (it stays in the table, marked).
 */

export interface Party { id: string; label: string }
export interface FlowLink { source: Party; target: Party; period: string; amount: number; count: number }

export interface SankeyModel {
  nodes: { name: string; label: string }[];
  links: { source: string; target: string; value: number; count: number }[];
  /** Pairs summed over periods that were left out because they would close a cycle. */
  cyclic: { source: string; target: string; value: number }[];
}

/** Sums links per (source, target) over periods. */
export function sumPairs(links: readonly FlowLink[]): { source: Party; target: Party; amount: number; count: number }[] {
  const m = new Map<string, { source: Party; target: Party; amount: number; count: number }>();
  for (const l of links) {
    const k = `${l.source.id}\u0000${l.target.id}`;
    const x = m.get(k);
    if (x) { x.amount += l.amount; x.count += l.count; } else m.set(k, { source: l.source, target: l.target, amount: l.amount, count: l.count });
  }
  return [...m.values()].sort((a, b) => b.amount - a.amount || a.source.id.localeCompare(b.source.id) || a.target.id.localeCompare(b.target.id));
}

export function sankeyModel(links: readonly FlowLink[]): SankeyModel {
  const out = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const u = stack.pop() ?? "";
      if (u === to) return true;
      for (const v of out.get(u) ?? []) if (!seen.has(v)) { seen.add(v); stack.push(v); }
    }
    return false;
  };
  const labels = new Map<string, string>();
  const kept: SankeyModel["links"] = [];
  const cyclic: SankeyModel["cyclic"] = [];
  for (const p of sumPairs(links)) {
    const s = p.source.id;
    const t = p.target.id;
    if (s === t || reaches(t, s)) { cyclic.push({ source: s, target: t, value: p.amount }); continue; }
    const set = out.get(s) ?? new Set<string>();
    set.add(t);
    out.set(s, set);
    labels.set(s, p.source.label);
    labels.set(t, p.target.label);
    kept.push({ source: s, target: t, value: p.amount, count: p.count });
  }
  return { nodes: [...labels].map(([name, label]) => ({ name, label })), links: kept, cyclic };
}

/** Money in and out per party over the links, largest turnover first. */
export function partyTotals(links: readonly FlowLink[]): { party: Party; inflow: number; outflow: number }[] {
  const m = new Map<string, { party: Party; inflow: number; outflow: number }>();
  const get = (p: Party) => {
    let x = m.get(p.id);
    if (!x) { x = { party: p, inflow: 0, outflow: 0 }; m.set(p.id, x); }
    return x;
  };
  for (const l of links) {
    get(l.source).outflow += l.amount;
    get(l.target).inflow += l.amount;
  }
  return [...m.values()].sort((a, b) => b.inflow + b.outflow - (a.inflow + a.outflow) || a.party.id.localeCompare(b.party.id));
}

/** Euro amount in the UI's language. */
export function euro(amount: number, lang: "nl" | "en"): string {
  return new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(amount);
}
