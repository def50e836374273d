import { once } from "node:events";
import { finished } from "node:stream/promises";
import { ID_PROP, VizierError, type Statement } from "@vizier/model";
import type { AuditAppend, Conflict, IngestRun, QuarantineRow, RowProvenance, SourceRowEntities, StoreWriter } from "@vizier/core";
import type { PoolClient } from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { appendAuditTx } from "./audit";
import { BlockPacker, type BlockProvenance } from "./blocks";
import { noNul } from "./copy-text";
import { storeError } from "./errors";
import type { IndexCleaner } from "./index-cleaner";
import { ADD_PROVENANCES, CLEAN_SEARCH_INDEX, COPY_STAGE, CREATE_STAGE, MERGE_SLICE, MERGE_WORDS, STAGE_CONFLICTS, STAGE_ENTITIES, STAGE_LAST_PAGE } from "./merge-sql";
import { runParams } from "./rows";

/** Bytes per COPY write; writes wait for 'drain' beyond that (backpressure). */
const CHUNK_BYTES = 1 << 20;
/** Size of the buffers blocks are encoded into; a longer line gets a buffer of its own. */
const BUFFER_BYTES = 4 << 20;
/** Encoded COPY bytes and the number of blocks they hold. */
type Piece = [Buffer, number];
/** Blocks per slice (default): the stage is merged into `blocks` slice by slice while the caller goes on. */
export const SLICE_BLOCKS = 25_000;
/** Bytes buffered while a slice merges; beyond that the caller waits for the merge. */
const MAX_PENDING_BYTES = 24 << 20;

/**
 * One ingest run on one connection and one transaction. Statements are packed into blocks
 * (blocks.ts: one row per entity per source row and provenance) and stream by COPY into a TEMP
 * stage (not WAL-logged, dropped at commit). Every SLICE_BLOCKS blocks the COPY ends and that
 * slice is merged into `blocks` (merge-sql.ts) while the caller keeps packing the next batches
 * into a bounded buffer, so PostgreSQL's merge work overlaps the caller's parsing on the other
 * core. `commit` merges the last slice, records the run, appends the audit entries and COMMITs.
 * Nothing is visible before COMMIT, and anything short of it leaves the store as it was:
 * PostgreSQL rolls back an open transaction when the connection or the process dies.
 */
export class PgWriter implements StoreWriter {
  private done = false;
  private broken: unknown;
  private copy: { stream: CopyStreamQuery; done: Promise<void> } | undefined;
  private readonly packer = new BlockPacker();
  /** Blocks copied into the stage so far (= the last `ord`), and merged into `blocks` so far. */
  private copied = 0;
  private merged = 0;
  /** The first stage page of the next slice. */
  private slicePage = 0;
  /** The slice merge in flight, and the COPY text that waits for it. */
  private merging: Promise<void> | undefined;
  private pending: Array<[Buffer, number]> = [];
  /** The buffer blocks are encoded into: bytes up to `bufUsed` hold lines, up to `bufSent` sent or buffered. */
  private buf = Buffer.allocUnsafe(0);
  private bufUsed = 0;
  private bufSent = 0;
  private unsentBlocks = 0;
  /** writeRows: the provenance of the last call, and a block provenance per schema for it. */
  private rowProv: RowProvenance | undefined;
  private readonly rowProvs = new Map<string, BlockProvenance>();
  private pendingBytes = 0;
  private readonly onError = (e: Error) => { this.broken = e; };

  private constructor(private readonly client: PoolClient, private readonly release: (err?: Error) => void, private readonly sliceBlocks: number,
    private readonly cleaner: IndexCleaner | undefined) {
    // A checked-out client whose connection dies emits 'error'; without a listener that would
    // crash the process. Remember it and fail the next call instead.
    client.on("error", this.onError);
  }

  /** `cleaner`: merges the word index's pending list on a second connection after each slice (index-cleaner.ts). */
  static async begin(client: PoolClient, release: (err?: Error) => void, sliceBlocks = SLICE_BLOCKS, cleaner?: IndexCleaner): Promise<PgWriter> {
    const w = new PgWriter(client, release, sliceBlocks, cleaner);
    try {
      await client.query("BEGIN");
      // A slice merge sorts up to SLICE_BLOCKS blocks; give it memory so it does not spill.
      // (and the word index's pending list merges in memory: work_mem during inserts, maintenance_work_mem at commit).
      await client.query("SET LOCAL work_mem = '256MB'");
      await client.query("SET LOCAL maintenance_work_mem = '256MB'");
      await client.query(CREATE_STAGE);
    } catch (e) {
      w.finish(e);
      throw storeError(e, "starting an ingest run");
    }
    return w;
  }

  /**
   * Packs a batch into blocks and streams them into the stage. The COPY stays open across
   * batches, so PostgreSQL parses one batch while the caller builds the next; writes wait for
   * 'drain' and a merging slice holds at most MAX_PENDING_BYTES, so memory stays flat.
   */
  async writeStatements(batch: readonly Statement[]): Promise<void> {
    if (batch.length === 0) return;
    await this.step("writing statements", async () => {
      for (const s of batch) {
        const line = this.packer.add(s);
        const piece = line ? this.put(line) : undefined;
        if (piece) await this.send(piece);
      }
      const rest = this.take();
      if (rest) await this.send(rest);
    }, false);
  }

  /**
   * The same blocks as `writeStatements` with `toStatements`' statements of these rows (an `id`
   * statement, then the values, with `prov` and the row's origin), without a Statement object per value.
   */
  async writeRows(prov: RowProvenance, rows: readonly SourceRowEntities[]): Promise<void> {
    if (rows.length === 0) return;
    await this.step("writing statements", async () => {
      for (const r of rows) {
        for (const e of r.entities) {
          const p = this.rowProvenance(prov, e.schema);
          let line = this.packer.addValue(e.id, r.origin, p, ID_PROP, "id", e.id, e.id);
          let piece = line ? this.put(line) : undefined;
          if (piece) await this.send(piece);
          for (const v of e.values) {
            line = this.packer.addValue(e.id, r.origin, p, v.prop, v.propType, v.value, v.original);
            piece = line ? this.put(line) : undefined;
            if (piece) await this.send(piece);
          }
        }
      }
      const rest = this.take();
      if (rest) await this.send(rest);
    }, false);
  }

  /** A block provenance per schema for rows with provenance `prov` (first seen = last seen), reused while `prov` is. */
  private rowProvenance(prov: RowProvenance, schema: string): BlockProvenance {
    if (this.rowProv !== prov) {
      this.rowProv = prov;
      this.rowProvs.clear();
    }
    let p = this.rowProvs.get(schema);
    if (!p) this.rowProvs.set(schema, (p = { ...prov, schema, firstSeen: prov.lastSeen }));
    return p;
  }

  /**
   * Encodes a block's COPY line into the buffer as UTF-8 right away; returns the bytes not sent
   * yet once they reach CHUNK_BYTES, or when the line needs a new buffer. (Concatenating lines
   * into one string per chunk instead left V8 a tree of pieces to flatten and encode: more CPU.)
   */
  private put(line: string): Piece | undefined {
    let out: Piece | undefined;
    // UTF-8 needs at most 3 bytes per UTF-16 unit (4 per surrogate pair).
    if (this.bufUsed + line.length * 3 > this.buf.length) {
      out = this.take();
      // Pieces sent or buffered keep the old buffer alive until they are written; nothing else refers to it.
      this.buf = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, line.length * 3));
      this.bufUsed = this.bufSent = 0;
    }
    this.bufUsed += this.buf.write(line, this.bufUsed, "utf8");
    this.unsentBlocks++;
    return out ?? (this.bufUsed - this.bufSent >= CHUNK_BYTES ? this.take() : undefined);
  }

  /** The encoded bytes not sent yet, and how many blocks they hold. */
  private take(): Piece | undefined {
    if (this.bufUsed === this.bufSent) return undefined;
    const piece: Piece = [this.buf.subarray(this.bufSent, this.bufUsed), this.unsentBlocks];
    this.bufSent = this.bufUsed;
    this.unsentBlocks = 0;
    return piece;
  }

  /** Sends COPY bytes of `blocks` blocks, or buffers them while a slice merges. */
  private async send([bytes, blocks]: Piece): Promise<void> {
    if (this.merging) {
      this.pending.push([bytes, blocks]);
      this.pendingBytes += bytes.length;
      if (this.pendingBytes >= MAX_PENDING_BYTES) await this.merging;
      return;
    }
    await this.copyWrite(bytes, blocks);
    if (this.copied - this.merged >= this.sliceBlocks) this.startMerge();
  }

  private async copyWrite(text: string | Buffer, blocks: number): Promise<void> {
    const copy = this.copy ?? this.openCopy();
    this.copied += blocks;
    if (!copy.stream.write(text)) await Promise.race([once(copy.stream, "drain"), copy.done]);
  }

  /** Merges the slice copied so far in the background, then sends what was buffered meanwhile. */
  private startMerge(): void {
    const run = async () => {
      await this.mergeSlice();
      // Nothing else runs between the last check and clearing `merging` (no await), so no
      // buffered text is left behind.
      while (this.pending.length > 0) {
        const [bytes, blocks] = this.pending.shift()!;
        this.pendingBytes -= bytes.length;
        await this.copyWrite(bytes, blocks);
      }
      this.merging = undefined;
      if (this.copied - this.merged >= this.sliceBlocks) this.startMerge();
    };
    const m = run();
    this.merging = m;
    // A merge that fails while no call waits on it marks the run broken; the next call reports it.
    m.catch((e: unknown) => { this.broken ??= e; });
  }

  /** Ends the COPY and merges the copied blocks not merged yet. */
  private async mergeSlice(): Promise<void> {
    await this.endCopyStream();
    const to = this.copied;
    // Provenances first: the slice's blocks refer to them by number.
    const provs = this.packer.takeProvenances();
    if (provs.length > 0) await this.client.query(ADD_PROVENANCES, provs[0]!.map((_, i) => provs.map((p) => p[i])));
    // Words of names packed so far (some of blocks still buffered): the same transaction commits them.
    const words = this.packer.takeNameWords();
    if (words.length > 0) await this.client.query(MERGE_WORDS, [words]);
    if (to === this.merged) return;
    await this.client.query(MERGE_SLICE, [this.merged, to, this.slicePage]);
    this.merged = to;
    this.cleaner?.poke();
    this.slicePage = Number((await this.client.query<{ page: string }>(STAGE_LAST_PAGE)).rows[0]?.page ?? 0);
  }

  private openCopy(): { stream: CopyStreamQuery; done: Promise<void> } {
    const stream = this.client.query(copyFrom(COPY_STAGE));
    const done = finished(stream);
    // A COPY that fails while no call is waiting on it marks the run broken; the next call reports it.
    done.catch((e: unknown) => { this.broken ??= e; });
    this.copy = { stream, done };
    return this.copy;
  }

  private async endCopyStream(): Promise<void> {
    const copy = this.copy;
    if (!copy) return;
    this.copy = undefined;
    copy.stream.end();
    await copy.done;
  }

  /** Before any other query: waits for a merge in flight, writes the open block, merges the rest. */
  private async settle(): Promise<void> {
    while (this.merging) await this.merging;
    const last = this.packer.flush();
    if (last) await this.copyWrite(last, 1);
    await this.mergeSlice();
  }

  async writeQuarantine(rows: readonly QuarantineRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.step("writing quarantined rows", async () => {
      const col = <K extends keyof QuarantineRow>(k: K) => rows.map((r) => (typeof r[k] === "string" ? noNul(r[k] as string) : r[k]));
      // Straight into the table: the open transaction keeps them invisible until commit.
      await this.client.query(
        `INSERT INTO quarantine (kind, run_id, dataset, file, row_no, column_name, reason, raw)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[])`,
        [col("kind"), col("runId"), col("dataset"), col("file"), col("row"), col("column"), col("reason"), col("raw")],
      );
    });
  }

  async conflicts(limit: number): Promise<Conflict[]> {
    return this.step("finding conflicting values", async () => {
      const r = await this.client.query<{ entity_id: string; prop: string; vals: string[] }>(STAGE_CONFLICTS, [limit]);
      return r.rows.map((x) => ({ entityId: x.entity_id, prop: x.prop, values: x.vals }));
    });
  }

  async runEntities(): Promise<number> {
    return this.step("counting entities", async () => {
      const r = await this.client.query<{ n: string }>(STAGE_ENTITIES);
      return Number(r.rows[0]?.n ?? 0);
    });
  }

  async commit(run: IngestRun, audit: AuditAppend): Promise<void> {
    await this.step("committing the ingest run", async () => {
      await this.client.query(
        `INSERT INTO runs (id, dataset, file, mapping, actor, started_at, finished_at, rows_read, rows_ok, rows_quarantined, rows_filtered, statements, entities, conflicts, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, runParams(run).map((v) => (typeof v === "string" ? noNul(v) : v)));
      await appendAuditTx(this.client, audit.entries, audit.link);
      await this.cleaner?.close(true);
      await this.client.query(CLEAN_SEARCH_INDEX);
      await this.client.query("COMMIT");
    });
    this.finish();
  }

  async abort(): Promise<void> {
    if (this.done) return;
    if (this.broken) { this.finish(this.broken); return; }
    // Mid-COPY or mid-merge the connection cannot ROLLBACK now; dropping it makes the server roll back.
    if (this.copy || this.merging) { this.finish(new Error("ingest aborted during COPY")); return; }
    try {
      await this.client.query("ROLLBACK");
      this.finish();
    } catch (e) {
      // The connection is gone: the server has rolled back already. Nothing to report.
      this.finish(e);
    }
  }

  /** Runs one step of the run; on failure the connection is discarded, which rolls everything back. */
  private async step<T>(what: string, f: () => Promise<T>, settle = true): Promise<T> {
    if (this.done) {
      if (this.broken) throw storeError(this.broken, what);
      throw new VizierError("INTERNAL", `ingest run already finished; cannot continue ${what}`);
    }
    if (this.broken) {
      const err = storeError(this.broken, what);
      this.finish(this.broken);
      throw err;
    }
    try {
      if (settle) await this.settle();
      return await f();
    } catch (e) {
      this.finish(e);
      throw storeError(e, what);
    }
  }

  /** Returns the connection to the pool (destroyed when it failed, so no half-open transaction survives). */
  private finish(err?: unknown): void {
    if (this.done) return;
    this.done = true;
    if (err !== undefined) this.broken = err;
    void this.cleaner?.close(false);
    this.client.off("error", this.onError);
    this.release(err === undefined ? undefined : err instanceof Error ? err : new Error(String(err)));
  }
}
