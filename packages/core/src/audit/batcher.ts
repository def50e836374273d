import type { StorePort } from "../ports/store";
import type { AuditEntry, AuditRecord } from "./types";

type Link = (prevHash: string, seq: number, e: AuditEntry) => string;
interface Pending { entries: readonly AuditEntry[]; link: Link; resolve: (r: AuditRecord[]) => void; reject: (e: unknown) => void }

/**
 * Group commit for audit appends. One durable commit per record caps a store at a few hundred
 * (PostgreSQL) to a few thousand (SQLite) records/s; a server handling many readers at once
 * gathers the appends that arrive while a commit is in flight into the next one. An idle caller
 * is written at once (no added latency); each caller's promise settles only when its own records
 * are durable, and fails if their transaction fails — so "a failed audit write fails the read"
 * still holds per caller. Records of one caller stay consecutive in the chain.
 */
export class AuditBatcher {
  private queue: Pending[] = [];
  private busy = false;

  constructor(private readonly store: Pick<StorePort, "appendAudit">, private readonly maxRecords = 1000) {}

  appendAudit(entries: readonly AuditEntry[], link: Link): Promise<AuditRecord[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, link, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0) {
        const link = this.queue[0]!.link;
        const batch: Pending[] = [];
        let n = 0;
        while (this.queue.length > 0 && this.queue[0]!.link === link && (batch.length === 0 || n + this.queue[0]!.entries.length <= this.maxRecords)) {
          const p = this.queue.shift()!;
          batch.push(p);
          n += p.entries.length;
        }
        try {
          const records = await this.store.appendAudit(batch.flatMap((p) => p.entries), link);
          let at = 0;
          for (const p of batch) {
            p.resolve(records.slice(at, at + p.entries.length));
            at += p.entries.length;
          }
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

/**
 * The store with its audit appends group-committed (see AuditBatcher); everything else, including
 * adapter extras such as `accessRequests`, passes straight through. For a composition root that
 * serves many concurrent readers (the HTTP API).
 */
export function withAuditBatching<S extends StorePort>(store: S, maxRecords = 1000): S {
  const batcher = new AuditBatcher(store, maxRecords);
  const append = batcher.appendAudit.bind(batcher);
  return new Proxy(store, {
    get(target, prop) {
      if (prop === "appendAudit") return append;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
