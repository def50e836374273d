/**
 * Collects nodes and aggregated edges while the derivation passes run. Undirected pairs are
 * stored lowest id first, so the same relation seen from either side lands on one edge.
 */
import { entityCaption, type FtmEntity, type Registry } from "@vizier/model";
import type { EdgeType, Network, NetworkEdge, NetworkNode, NetworkOptions } from "./types";

/** What one piece of evidence adds to an edge. */
export interface EdgeAdd {
  source: string;
  target: string;
  type: EdgeType;
  directed: boolean;
  evidence: string;
  period?: string;
  amount?: number;
  duration?: number;
  start?: string;
  end?: string;
  weight?: number;
}

export class NetworkBuilder {
  readonly byId: Map<string, FtmEntity>;
  private readonly edges = new Map<string, NetworkEdge>();
  private readonly nodeSchema = new Map<string, string>();
  private readonly types: ReadonlySet<string> | undefined;

  constructor(readonly model: Registry, entities: readonly FtmEntity[], readonly opts: NetworkOptions) {
    // Id order, so that sums and first-seen choices never depend on the order of the input.
    this.byId = new Map([...entities].sort((a, b) => cmp(a.id, b.id)).map((e) => [e.id, e]));
    this.types = opts.types ? new Set(opts.types) : undefined;
  }

  /** True when edges of this type are wanted (saves work on filtered loads). */
  wants(type: EdgeType): boolean {
    return !this.types || this.types.has(type);
  }

  /** Adds one piece of evidence to the edge of its pair, type (and period). Self-loops are ignored. */
  add(a: EdgeAdd, sourceRange = "Thing", targetRange = "Thing"): void {
    if (a.source === a.target || !this.wants(a.type)) return;
    const [s, t] = a.directed || a.source < a.target ? [a.source, a.target] : [a.target, a.source];
    this.noteNode(a.source, sourceRange);
    this.noteNode(a.target, targetRange);
    const key = `${a.type}\u0000${s}\u0000${t}\u0000${a.period ?? ""}`;
    let e = this.edges.get(key);
    if (!e) {
      e = { source: s, target: t, type: a.type, directed: a.directed, weight: 0, count: 0, evidence: [], ...(a.period !== undefined ? { period: a.period } : {}) };
      this.edges.set(key, e);
    }
    e.count += 1;
    e.weight += a.weight ?? 1;
    if (a.amount !== undefined) e.amount = (e.amount ?? 0) + a.amount;
    if (a.duration !== undefined) e.duration = (e.duration ?? 0) + a.duration;
    if (a.start !== undefined && (e.start === undefined || a.start < e.start)) e.start = a.start;
    const end = a.end ?? a.start;
    if (end !== undefined && (e.end === undefined || end > e.end)) e.end = end;
    if (!e.evidence.includes(a.evidence)) e.evidence.push(a.evidence);
  }

  /** Remembers the schema a reference implies; several references keep the most specific (else the first by name). */
  private noteNode(id: string, range: string): void {
    const cur = this.nodeSchema.get(id);
    if (cur === undefined) { this.nodeSchema.set(id, range); return; }
    if (cur === range || !this.model.hasSchema(range) || !this.model.hasSchema(cur)) return;
    if (this.model.getSchema(range).isA(cur)) this.nodeSchema.set(id, range);
    else if (!this.model.getSchema(cur).isA(range) && range < cur) this.nodeSchema.set(id, range);
  }

  /** Nodes (endpoints of kept edges) and edges, both in a canonical order. */
  finish(): Network {
    const edges = [...this.edges.values()].sort((x, y) => cmp(x.type, y.type) || cmp(x.source, y.source) || cmp(x.target, y.target) || cmp(x.period ?? "", y.period ?? ""));
    for (const e of edges) e.evidence.sort();
    const nodes: NetworkNode[] = [...this.nodeSchema.keys()].sort().map((id) => {
      const e = this.byId.get(id);
      if (e) return { id, schema: e.schema, label: entityCaption(this.model, e) };
      // Referenced by readable data but not itself readable: the id is what the viewer knows.
      return { id, schema: this.nodeSchema.get(id) ?? "Thing", label: id.startsWith("phone:") ? id.slice(6) : id };
    });
    return { nodes, edges };
  }
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
