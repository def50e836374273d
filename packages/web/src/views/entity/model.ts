import type { EntityView, Statement } from "../../components/types";

export interface ValueRow { value: string; statements: Statement[] }
export interface PropRow { prop: string; values: ValueRow[] }
export interface WithheldGroup { agency: string; dataset: string; handling: string; count: number; props: string[]; entityIds: string[] }
export interface Profile {
  ids: string[];
  schema: string;
  caption: string;
  props: PropRow[];
  /** dataset → agency of the readable statements, by number of statements. */
  sources: Array<{ dataset: string; agency: string; statements: number }>;
  withheld: WithheldGroup[];
}

const FIRST = ["name", "alias", "birthDate", "nationality", "country", "idNumber", "registrationNumber", "address", "phone", "email", "iban"];
const rank = (p: string) => { const i = FIRST.indexOf(p); return i < 0 ? FIRST.length : i; };

/**
 * The merged profile of one resolved entity as this viewer may see it: every readable value with
 * the statements behind it (several agencies may assert the same value), and the withheld counts
 * per agency/dataset/handling code (never content). Pure: data → view model.
 */
export function buildProfile(views: readonly EntityView[]): Profile | undefined {
  if (views.length === 0) return undefined;
  const byProp = new Map<string, Map<string, Statement[]>>();
  const sources = new Map<string, { dataset: string; agency: string; statements: number }>();
  for (const v of views) {
    for (const s of v.statements) {
      const values = byProp.get(s.prop) ?? new Map<string, Statement[]>();
      byProp.set(s.prop, values);
      values.set(s.value, [...(values.get(s.value) ?? []), s]);
      const src = sources.get(s.dataset) ?? { dataset: s.dataset, agency: s.agency, statements: 0 };
      src.statements++;
      sources.set(s.dataset, src);
    }
  }
  const props: PropRow[] = [...byProp]
    .map(([prop, values]) => ({ prop, values: [...values].map(([value, statements]) => ({ value, statements })).sort((a, b) => b.statements.length - a.statements.length || a.value.localeCompare(b.value)) }))
    .sort((a, b) => rank(a.prop) - rank(b.prop) || a.prop.localeCompare(b.prop));
  const withheld = new Map<string, WithheldGroup>();
  for (const v of views) {
    for (const w of v.withheld) {
      const k = `${w.agency}\u0000${w.dataset}\u0000${w.handling}`;
      const g = withheld.get(k) ?? { agency: w.agency, dataset: w.dataset, handling: w.handling, count: 0, props: [], entityIds: [] };
      g.count += w.count;
      g.props = [...new Set([...g.props, ...w.props])].sort();
      if (!g.entityIds.includes(w.entityId)) g.entityIds.push(w.entityId);
      withheld.set(k, g);
    }
  }
  const names = props.find((p) => p.prop === "name")?.values ?? [];
  const schemas = new Map<string, number>();
  for (const v of views) schemas.set(v.entity.schema, (schemas.get(v.entity.schema) ?? 0) + 1);
  const schema = [...schemas].sort((a, b) => specificity(b[0]) - specificity(a[0]) || b[1] - a[1])[0]![0];
  return {
    ids: views.map((v) => v.entity.id),
    schema,
    caption: names[0]?.value ?? views[0]!.entity.caption ?? views[0]!.entity.id,
    props,
    sources: [...sources.values()].sort((a, b) => b.statements - a.statements || a.dataset.localeCompare(b.dataset)),
    withheld: [...withheld.values()].sort((a, b) => b.count - a.count || a.agency.localeCompare(b.agency)),
  };
}

/** Company and Person beat LegalEntity and Thing when members disagree. */
function specificity(schema: string): number {
  return schema === "Thing" ? 0 : schema === "LegalEntity" ? 1 : 2;
}
