export type Verdict = "confirm" | "reject" | "unsure";

export interface FieldContribution { field: string; level: number; label: string; left: string[]; right: string[]; weight: number; tfAdjustment: number; total: number }
export interface ExplanationRow { field: string; left: string; right: string; label: string; total: number; direction: "for" | "against" | "neutral" }

/** Per-field rows of a pair's explanation, strongest evidence first. */
export function explanationRows(fields: readonly FieldContribution[]): ExplanationRow[] {
  return [...fields]
    .sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || a.field.localeCompare(b.field))
    .map((f) => ({
      field: f.field, left: f.left.join(", ") || "—", right: f.right.join(", ") || "—", label: f.label, total: f.total,
      direction: f.total > 0.05 ? "for" : f.total < -0.05 ? "against" : "neutral",
    }));
}

/** Keyboard shortcuts of the review queue (ignored while typing in a field). */
export function shortcut(key: string, typing: boolean): Verdict | "next" | "prev" | undefined {
  if (typing) return undefined;
  switch (key) {
    case "c": return "confirm";
    case "r": return "reject";
    case "u": return "unsure";
    case "j": return "next";
    case "k": return "prev";
    default: return undefined;
  }
}

/** The probability as a percentage with one decimal. */
export const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;
