/** How a model's comparisons map onto per-field levels: member field indices and level strides. */
import type { ErModel, FieldKind } from "./types";
import { levelLabels } from "./compare";

export interface Comparison {
  members: number[];
  strides: number[];
  levels: number;
}

/** Builds a comparison over fields `members` (indices into kinds). */
export function makeComparison(kinds: readonly FieldKind[], members: number[]): Comparison {
  const sizes = members.map((f) => levelLabels(kinds[f] ?? "category").length);
  const strides: number[] = [];
  let s = 1;
  for (let i = members.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= sizes[i] ?? 1;
  }
  return { members, strides, levels: s };
}

/** Labels of a joint comparison's levels: member labels joined with " / ". */
export function comparisonLabels(kinds: readonly FieldKind[], c: Comparison): string[] {
  if (c.members.length === 1) return levelLabels(kinds[c.members[0] ?? 0] ?? "category");
  const out: string[] = [];
  for (let l = 0; l < c.levels; l++) {
    out.push(c.members.map((f, i) => levelLabels(kinds[f] ?? "category")[Math.floor(l / (c.strides[i] ?? 1)) % levelLabels(kinds[f] ?? "category").length]).join(" / "));
  }
  return out;
}

/** The comparison level reached, from the per-field levels at `v[offset + f]`. */
export function comparisonLevel(c: Comparison, v: ArrayLike<number>, offset: number): number {
  let l = 0;
  for (let i = 0; i < c.members.length; i++) l += (v[offset + (c.members[i] ?? 0)] ?? 0) * (c.strides[i] ?? 1);
  return l;
}

/** The comparisons of a saved model, resolved against its own field list. */
export function layoutOf(model: ErModel): Comparison[] {
  const kinds = model.fields.map((f) => f.kind);
  const index = new Map(model.fields.map((f, i) => [f.name, i]));
  return model.comparisons.map((c) => makeComparison(kinds, c.fields.map((n) => index.get(n) ?? 0)));
}
