import { describe, expect, it } from "vitest";
import { SaxesParser } from "saxes";
import { toAnx } from "./anx";
import { toGraphml } from "./graphml";
import type { ExportGraph } from "./xml";

interface El { name: string; attrs: Record<string, string>; children: El[]; text: string }

/** Parses with a strict (well-formedness checking) XML parser; throws on malformed input. */
function parse(xml: string): El {
  const p = new SaxesParser();
  const root: El = { name: "#doc", attrs: {}, children: [], text: "" };
  const stack = [root];
  p.on("error", (e) => { throw e; });
  p.on("opentag", (t) => {
    const el: El = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])), children: [], text: "" };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
  });
  p.on("text", (t) => { const top = stack[stack.length - 1]; if (top) top.text += t; });
  p.on("closetag", () => { stack.pop(); });
  p.write(xml).close();
  const doc = root.children[0];
  if (!doc) throw new Error("no root element");
  return doc;
}

const all = (el: El, name: string): El[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

const graph: ExportGraph = {
  nodes: [
    { id: "p-1", label: "Jan <de> \"Vries\" & Zn.", schema: "Person", x: 1.5, y: -2 },
    { id: "c-2", label: "Frutas del Pacífico S.A.", schema: "Company" },
    { id: "a-3", label: "NL91 ABNA 0417 1643 00\u0001", schema: "BankAccount" },
  ],
  edges: [
    { source: "p-1", target: "c-2", type: "Directorship", directed: true, weight: 1, start: "2024-01-02" },
    { source: "c-2", target: "a-3", type: "AccountHolder", directed: false, weight: 1 },
    { source: "a-3", target: "p-1", type: "Payment", directed: true, weight: 3, amount: 12500.4 },
    { source: "a-3", target: "gone", type: "Payment", directed: true, weight: 1 },
  ],
};

describe("toAnx", () => {
  it("writes well-formed ANX with a ChartItem per entity and per link, icons by schema", () => {
    const chart = parse(toAnx(graph, { title: "case -- NL" }));
    expect(chart.name).toBe("Chart");
    expect(chart.attrs.IdReferenceLinking).toBe("true");
    const items = all(chart, "ChartItem");
    const entities = all(chart, "Entity");
    const links = all(chart, "Link");
    expect(entities.map((e) => e.attrs.EntityId)).toEqual(["p-1", "c-2", "a-3"]);
    expect(all(chart, "End")).toHaveLength(3);
    expect(links).toHaveLength(3); // the edge to a node not in view is left out
    expect(items).toHaveLength(6);
    expect(items[0]?.attrs.Label).toBe("Jan <de> \"Vries\" & Zn.");
    expect(all(chart, "IconStyle").map((i) => i.attrs.Type)).toEqual(["Person", "Company", "BankAccount"]);
    const types = Object.fromEntries(all(chart, "EntityType").map((t) => [t.attrs.Name, t.attrs.IconFile]));
    expect(types).toEqual({ BankAccount: "Account", Company: "Organisation", Person: "Person" });
    expect(links.map((l) => [l.attrs.End1Id, l.attrs.End2Id])).toEqual([["p-1", "c-2"], ["c-2", "a-3"], ["a-3", "p-1"]]);
    expect(all(chart, "LinkStyle").map((s) => s.attrs.ArrowStyle)).toEqual(["ArrowOnHead", "ArrowNone", "ArrowOnHead"]);
    // every link end refers to an entity of the chart
    const ids = new Set(entities.map((e) => e.attrs.EntityId));
    for (const l of links) expect(ids.has(l.attrs.End1Id ?? "") && ids.has(l.attrs.End2Id ?? "")).toBe(true);
  });
  it("writes an empty chart for an empty graph", () => {
    const chart = parse(toAnx({ nodes: [], edges: [] }));
    expect(all(chart, "ChartItem")).toHaveLength(0);
  });
});

describe("toGraphml", () => {
  it("writes well-formed GraphML with nodes, edges and their data keys", () => {
    const doc = parse(toGraphml(graph));
    expect(doc.name).toBe("graphml");
    expect(all(doc, "node").map((n) => n.attrs.id)).toEqual(["p-1", "c-2", "a-3"]);
    const edges = all(doc, "edge");
    expect(edges).toHaveLength(3);
    const keys = new Set(all(doc, "key").map((k) => k.attrs.id));
    for (const d of all(doc, "data")) expect(keys.has(d.attrs.key ?? "")).toBe(true);
    expect(all(edges[2] ?? doc, "data").find((d) => d.attrs.key === "e_amount")?.text).toBe("12500.4");
    expect(all(doc, "node")[0]?.children.find((d) => d.attrs.key === "n_label")?.text).toBe("Jan <de> \"Vries\" & Zn.");
  });
});
