/**
 * Analyst judgements as constraints. The latest judgement on a pair (by `when`, then by position)
 * is the one in force, so a decision is undone by judging again; "unsure" removes any constraint.
 * Judgements live beside the records: they never alter source statements.
 */
import type { Judgement } from "./types";
import { recordKey } from "./prepare";

export interface EffectiveJudgements {
  confirms: [number, number][];
  rejects: [number, number][];
  /** The judgement in force per pair, keyed by min * n + max over record indices. */
  byPair: Map<number, Judgement>;
}

/** Resolves a judgement log to the constraint in force per pair; pairs naming unknown records are ignored. */
export function effectiveJudgements(log: readonly Judgement[], index: ReadonlyMap<string, number>): EffectiveJudgements {
  const n = index.size;
  const latest = new Map<number, { j: Judgement; pos: number; a: number; b: number }>();
  log.forEach((j, pos) => {
    const x = index.get(recordKey(j.left));
    const y = index.get(recordKey(j.right));
    if (x === undefined || y === undefined || x === y) return;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const k = a * n + b;
    const cur = latest.get(k);
    if (!cur || j.when > cur.j.when || (j.when === cur.j.when && pos > cur.pos)) latest.set(k, { j, pos, a, b });
  });
  const out: EffectiveJudgements = { confirms: [], rejects: [], byPair: new Map() };
  const ordered = [...latest.entries()].sort((p, q) => p[0] - q[0]);
  for (const [k, { j, a, b }] of ordered) {
    out.byPair.set(k, j);
    if (j.decision === "confirm") out.confirms.push([a, b]);
    else if (j.decision === "reject") out.rejects.push([a, b]);
  }
  return out;
}
