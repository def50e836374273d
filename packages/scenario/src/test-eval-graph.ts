/**
 * Test and benchmark support: key players from the generated files. The analyst's route: resolve
 * the person records of every agency (as in test-eval.ts), build one network of persons (resolved
 * clusters), companies (by name without legal form), phones, accounts and incidents from what the
 * records link, take the network around the seized container's consignee, and rank it by
 * betweenness (L. C. Freeman, "A set of measures of centrality based on betweenness", 1977).
 */
import { fold, resolve } from "@vizier/resolution";
import { betweenness, buildGraph, egoNetwork } from "@vizier/graph";
import type { Manifest } from "./manifest";
import { personRecords } from "./test-eval";
import { readRows, readTruth, recordId, type Row } from "./test-read";

const LEGAL = new Set(["bv", "b", "v", "besloten", "vennootschap", "vof", "sa", "s", "a", "llc", "l", "c", "fz", "fze", "ltd", "sti", "eenmanszaak", "onder", "firma"]);
/** A company node: its name folded, legal-form words dropped ("VERDI FRESH IMPORT BV" ≡ "Verdi Fresh Import B.V."). */
export const orgNode = (name: string): string => `O:${fold(name).split(" ").filter((t) => t && !LEGAL.has(t)).join(" ")}`;

export interface KeyPlayerFigures {
  nodes: number;
  egoNodes: number;
  /** Per key player (truth order): its rank among person and company nodes of the ego network, or null when outside it. */
  ranks: { entity: string; role: string; rank: number | null }[];
}

/** Builds the file-level network and ranks the ego network (radius 3) of the consignee of the seized container. */
export function keyPlayerRanks(dir: string, m: Manifest, radius = 3): KeyPlayerFigures {
  const { records, truth } = personRecords(dir, m);
  const res = resolve(records, { fields: [{ name: "name", kind: "full_name" }, { name: "dob", kind: "date" }, { name: "phone", kind: "phone" }, { name: "city", kind: "city" }] });
  const clusterOf = new Map(res.prepared.records.map((r, i) => [`${r.source}|${r.id}`, `P:${res.clusterOf[i] ?? ""}`]));
  const person = (file: string, rec: string, role: string): string | undefined => clusterOf.get(`${file.replace(/\.\w+$/, "")}|${rec}#${role}`);
  const ids = new Map<string, number>();
  const node = (k: string): number => { let i = ids.get(k); if (i === undefined) { i = ids.size; ids.set(k, i); } return i; };
  const src: number[] = [];
  const dst: number[] = [];
  const edge = (a: string | undefined, b: string | undefined) => { if (a && b && a !== b && !a.endsWith(":") && !b.endsWith(":")) { src.push(node(a)); dst.push(node(b)); } };
  const phone = (s: string | undefined) => (s ? `T:${s.replace(/\D/g, "").replace(/^0(?=6)/, "31")}` : undefined);
  const v = (r: Row, k: string) => r[k] ?? "";
  const rows = (file: string): [Row, string][] => { const f = m.files.find((x) => x.file === file); return f ? readRows(dir, f).map((r) => [r, recordId(f, r)]) : []; };

  // Phones and accounts are contracted into their owners where a record says who owns them, so a
  // call or a payment links two persons or companies directly (as an analyst draws it).
  const owner = new Map<string, string>();
  const own = (k: string | undefined, who: string | undefined) => { if (k && who && !owner.has(k)) owner.set(k, who); };
  const via = (k: string | undefined) => (k ? owner.get(k) ?? k : undefined);
  const policeByNumber = new Map<string, string>();
  for (const [r, rec] of rows("politie/personen.csv")) {
    const p = person("politie/personen.csv", rec, "person");
    if (p) policeByNumber.set(v(r, "registratienummer"), p);
    own(phone(v(r, "telefoon")), p);
  }
  for (const [r, rec] of rows("buitenland/co-dijin-personas.csv")) {
    const p = person("buitenland/co-dijin-personas.csv", rec, "person");
    own(phone(v(r, "telefono")), p);
    if (v(r, "organizacion")) edge(p, orgNode(v(r, "organizacion")));
  }
  const fiu = rows("fiu/ongebruikelijke-transacties.jsonl");
  for (const [r, rec] of fiu) {
    for (const side of ["betaler", "begunstigde"] as const) {
      const holder = v(r, `${side}.soort`) === "natuurlijk persoon" ? person("fiu/ongebruikelijke-transacties.jsonl", rec, side === "betaler" ? "payer" : "beneficiary") : orgNode(v(r, `${side}.naam`));
      own(`A:${v(r, `${side}.rekening`)}`, holder);
    }
  }
  for (const [r] of fiu) edge(via(`A:${v(r, "betaler.rekening")}`), via(`A:${v(r, "begunstigde.rekening")}`));
  for (const [r] of rows("politie/incidenten.csv")) edge(`E:${v(r, "incidentnummer")}`, policeByNumber.get(v(r, "betrokkene_registratienummer")));
  for (const [r] of rows("politie/verkeersgegevens.csv")) edge(via(phone(v(r, "a_nummer"))), via(phone(v(r, "b_nummer"))));
  for (const [r, rec] of rows("kvk/handelsregister.csv")) {
    edge(orgNode(v(r, "handelsnaam")), person("kvk/handelsregister.csv", rec, "director"));
    edge(orgNode(v(r, "handelsnaam")), person("kvk/handelsregister.csv", rec, "director2"));
  }
  for (const [r, rec] of rows("fiod/relaties.csv")) edge(orgNode(v(r, "bedrijfsnaam")), person("fiod/relaties.csv", rec, v(r, "rol") === "bestuurder" ? "director" : "shareholder"));
  for (const [r] of rows("douane/aangiften.csv")) {
    edge(orgNode(v(r, "consignor_name")), orgNode(v(r, "consignee_name")));
    if (v(r, "notify_party")) edge(orgNode(v(r, "consignee_name")), orgNode(v(r, "notify_party")));
  }
  for (const [r] of rows("buitenland/be-fgp-antwerpen.csv")) edge(orgNode(v(r, "afzender")), orgNode(v(r, "bestemmeling")));
  for (const [r] of rows("buitenland/ae-register.csv")) {
    edge(orgNode(v(r, "company_name")), `N:${fold(v(r, "manager_name"))}`);
    if (v(r, "partner_name")) edge(orgNode(v(r, "company_name")), `N:${fold(v(r, "partner_name"))}`);
  }

  const names = [...ids.keys()];
  const g = buildGraph({ ids: names, sources: Int32Array.from(src), targets: Int32Array.from(dst) });
  // The analyst starts from the consignee of the seized container (douane/inbeslagnames.csv).
  const seized = rows("douane/inbeslagnames.csv").find(([r]) => /coca/i.test(v(r, "goederen")));
  const center = ids.get(orgNode(seized ? v(seized[0], "verdachte_naam") : ""));
  if (center === undefined) throw new Error("the seized container's consignee is not in the network");
  const ego = egoNetwork(g, center, radius, { undirected: true });
  const bc = betweenness(ego.graph);
  const order = [...Array(ego.graph.n).keys()]
    .filter((i) => /^[PON]:/.test(names[ego.original[i] ?? 0] ?? ""))
    .sort((a, b) => (bc[b] ?? 0) - (bc[a] ?? 0) || a - b);
  const rankOf = new Map(order.map((i, k) => [names[ego.original[i] ?? 0] ?? "", k + 1]));

  // Where each key player is: the cluster holding most of its records (persons), its name (companies).
  const votes = new Map<string, Map<string, number>>();
  records.forEach((rec, i) => {
    const t = truth[i] ?? "";
    if (!t.startsWith("X-")) return;
    const c = clusterOf.get(`${rec.source}|${rec.id}`) ?? "";
    const m2 = votes.get(t) ?? new Map<string, number>();
    m2.set(c, (m2.get(c) ?? 0) + 1);
    votes.set(t, m2);
  });
  const ranks = readTruth(dir, "key-players.csv").map((k) => {
    const entity = v(k, "entity");
    let key: string;
    if (v(k, "kind") === "company") key = orgNode(v(k, "name"));
    else key = [...(votes.get(entity) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
    return { entity, role: v(k, "role"), rank: rankOf.get(key) ?? null };
  });
  return { nodes: g.n, egoNodes: ego.graph.n, ranks };
}
