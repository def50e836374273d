/**
 * i2 Analyst's Notebook chart exchange (ANX) XML: a `Chart` with entity and link type
 * collections and one `ChartItem` per entity (`End` → `Entity` → `Icon`/`IconStyle`) and per
 * link (`Link` End1Id/End2Id → `LinkStyle`), entities referenced by id (IdReferenceLinking).
 * Element and attribute names follow the ANX schema of Analyst's Notebook 7–9 (PascalCase).
 */
import { esc, type ExportGraph } from "./xml";
import { schemaStyle } from "./style";

/** i2 colours are BGR integers (0x00BBGGRR). */
function i2Colour(hex: string): number {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return (b << 16) | (g << 8) | r;
}

/** Chart positions: the layout's coordinates scaled to i2's canvas units, or a grid. */
function position(i: number, x: number | undefined, y: number | undefined): { x: number; y: number } {
  if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) return { x: Math.round(x * 40), y: Math.round(y * 40) };
  return { x: (i % 20) * 120, y: Math.floor(i / 20) * 120 };
}

/** The ANX XML text of a graph. */
export function toAnx(g: ExportGraph, opts: { title?: string } = {}): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (opts.title) out.push(`<!-- ${esc(opts.title).replace(/--/g, "- -")} -->`);
  out.push('<Chart IdReferenceLinking="true" Rigorous="true">');
  const schemata = [...new Set(g.nodes.map((n) => n.schema))].sort();
  out.push("  <EntityTypeCollection>");
  for (const s of schemata) out.push(`    <EntityType Name="${esc(s)}" IconFile="${esc(schemaStyle(s).anxIcon)}" Colour="${i2Colour(schemaStyle(s).colour)}"/>`);
  out.push("  </EntityTypeCollection>");
  const linkTypes = [...new Set(g.edges.map((e) => e.type))].sort();
  out.push("  <LinkTypeCollection>");
  for (const t of linkTypes) out.push(`    <LinkType Name="${esc(t)}" Colour="0"/>`);
  out.push("  </LinkTypeCollection>");
  out.push("  <ChartItemCollection>");
  const ids = new Set<string>();
  g.nodes.forEach((n, i) => {
    ids.add(n.id);
    const p = position(i, n.x, n.y);
    out.push(`    <ChartItem Label="${esc(n.label)}" Description="${esc(n.schema)}" DateSet="false" XPosition="${p.x}">`);
    out.push(`      <End Y="${p.y}">`);
    out.push(`        <Entity EntityId="${esc(n.id)}" Identity="${esc(n.id)}" LabelIsIdentity="false">`);
    out.push(`          <Icon><IconStyle Type="${esc(n.schema)}"/></Icon>`);
    out.push("        </Entity>");
    out.push("      </End>");
    out.push("    </ChartItem>");
  });
  for (const e of g.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const label = e.amount !== undefined ? `${e.type} €${Math.round(e.amount)}` : e.weight > 1 ? `${e.type} ×${e.weight}` : e.type;
    const dated = e.start !== undefined;
    const date = dated ? ` DateTime="${esc((e.start ?? "").slice(0, 10))}T00:00:00"` : "";
    out.push(`    <ChartItem Label="${esc(label)}" Description="${esc(e.type)}" DateSet="${dated}"${date}>`);
    out.push(`      <Link End1Id="${esc(e.source)}" End2Id="${esc(e.target)}">`);
    out.push(`        <LinkStyle Type="${esc(e.type)}" ArrowStyle="${e.directed ? "ArrowOnHead" : "ArrowNone"}" Strength="1"/>`);
    out.push("      </Link>");
    out.push("    </ChartItem>");
  }
  out.push("  </ChartItemCollection>");
  out.push("</Chart>");
  return out.join("\n") + "\n";
}
