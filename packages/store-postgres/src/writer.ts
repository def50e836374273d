import { once } from "node:events";
import { finished } from "node:stream/promises";
import { VizierError, type Statement } from "@vizier/model";
import type { AuditAppend, Conflict, IngestRun, QuarantineRow, StoreWriter } from "@vizier/core";
import type { PoolClient } from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { appendAuditTx } from "./audit";
import { noNul } from "./copy-text";
import { storeError } from "./errors";
import { BLOCK_COLUMNS, BlockPacker } from "./blocks";
import { runParams } from "./rows";

/** Bytes per COPY chunk written to the socket; writes wait for 'drain' beyond that (backpressure). */
const CHUNK_CHARS = 1 << 20;

/** Stage columns as declared (the COPY fills all but `ord`). */
const STAGE_COLUMNS = BLOCK_COLUMNS.map((c) => `${c} ${c === "n" ? "int NOT NULL" : c === "refs" ? "text[]" : ["originals", "names", "idents"].includes(c) ? "text" : "text NOT NULL"}`).join(", ");
const COLS = BLOCK_COLUMNS.join(", ");

/**
 * One ingest run on one connection and one transaction. Statements are packed into blocks
 * (blocks.ts: one row per entity per source row) and stream by COPY into a TEMP staging table
 * (not WAL-logged, dropped at commit); `commit` merges the blocks set-based into `blocks`, records
 * the run and appends the audit entries, then COMMITs. Anything short of COMMIT leaves the store
 * as it was: PostgreSQL rolls back an open transaction when the connection or the process dies.
 */
export class PgWriter implements StoreWriter {
  private done = false;
  private broken: unknown;
  private copy: { stream: CopyStreamQuery; done: Promise<void> } | undefined;
  private readonly packer = new BlockPacker();
  private readonly onError = (e: Error) => { this.broken = e; };

  private constructor(private readonly client: PoolClient, private readonly release: (err?: Error) => void) {
    // A checked-out client whose connection dies emits 'error'; without a listener that would
    // crash the process. Remember it and fail the next call instead.
    client.on("error", this.onError);
  }

  static async begin(client: PoolClient, release: (err?: Error) => void): Promise<PgWriter> {
    const w = new PgWriter(client, release);
    try {
      await client.query("BEGIN");
      // The merge sorts the run's statements; give it memory so it does not spill for typical runs.
      await client.query("SET LOCAL work_mem = '256MB'");
      await client.query(`CREATE TEMP TABLE vz_stage (ord bigint GENERATED ALWAYS AS IDENTITY, ${STAGE_COLUMNS}) ON COMMIT DROP`);
    } catch (e) {
      w.finish(e);
      throw storeError(e, "starting an ingest run");
    }
    return w;
  }

  /**
   * Streams a batch into the stage. The COPY stays open across batches and is only ended before
   * the next other query, so PostgreSQL parses one batch while the caller builds the next (the
   * two cores overlap); writes wait for 'drain', so memory stays flat.
   */
  async writeStatements(batch: readonly Statement[]): Promise<void> {
    if (batch.length === 0) return;
    await this.step("writing statements", async () => {
      const copy = this.copy ?? this.openCopy();
      let chunk = "";
      for (const s of batch) {
        chunk += this.packer.add(s);
        if (chunk.length >= CHUNK_CHARS) {
          if (!copy.stream.write(chunk)) await Promise.race([once(copy.stream, "drain"), copy.done]);
          chunk = "";
        }
      }
      if (chunk && !copy.stream.write(chunk)) await Promise.race([once(copy.stream, "drain"), copy.done]);
    }, false);
  }

  private openCopy(): { stream: CopyStreamQuery; done: Promise<void> } {
    const stream = this.client.query(copyFrom(`COPY vz_stage (${COLS}) FROM STDIN`));
    const done = finished(stream);
    // A COPY that fails while no call is waiting on it marks the run broken; the next call reports it.
    done.catch((e: unknown) => { this.broken ??= e; });
    this.copy = { stream, done };
    return this.copy;
  }

  /** Writes the open block and ends an open COPY, so the connection can run other statements. */
  private async endCopy(): Promise<void> {
    const last = this.packer.flush();
    if (last) {
      const copy = this.copy ?? this.openCopy();
      if (!copy.stream.write(last)) await Promise.race([once(copy.stream, "drain"), copy.done]);
    }
    const copy = this.copy;
    if (!copy) return;
    this.copy = undefined;
    copy.stream.end();
    await copy.done;
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
      // Several distinct values for one entity and property, coming from different rows. Only
      // entities with blocks from more than one row can have them, so only their bodies are expanded.
      const r = await this.client.query<{ entity_id: string; prop: string; vals: string[] }>(
        `WITH multi AS (SELECT entity_id FROM vz_stage GROUP BY entity_id HAVING min(origin) <> max(origin)),
              st AS (SELECT s.entity_id, e ->> 0 AS prop, e ->> 2 AS value, s.origin
                     FROM vz_stage s JOIN multi m ON m.entity_id = s.entity_id CROSS JOIN jsonb_array_elements(s.body::jsonb) e)
         SELECT entity_id, prop, array_agg(DISTINCT value ORDER BY value) AS vals FROM st
         WHERE prop <> 'id' GROUP BY entity_id, prop
         HAVING count(DISTINCT value) > 1 AND count(DISTINCT origin) > 1
         ORDER BY entity_id, prop LIMIT $1`, [limit]);
      return r.rows.map((x) => ({ entityId: x.entity_id, prop: x.prop, values: x.vals }));
    });
  }

  async runEntities(): Promise<number> {
    return this.step("counting entities", async () => {
      const r = await this.client.query<{ n: string }>("SELECT count(DISTINCT entity_id) AS n FROM vz_stage");
      return Number(r.rows[0]?.n ?? 0);
    });
  }

  async commit(run: IngestRun, audit: AuditAppend): Promise<void> {
    await this.step("committing the ingest run", async () => {
      // One set-based merge in key order (the primary key's B-tree is then written in order).
      // Identical content under one key (the same row seen again, in this run or an earlier one)
      // is one block: the latest sighting's provenance, run and origin win, first seen stays.
      await this.client.query(
        `INSERT INTO blocks (${COLS}, hash)
         SELECT DISTINCT ON (entity_id, dataset, handling, hash) ${COLS}, hash
         FROM (SELECT *, decode(md5(schema || chr(31) || body), 'hex') AS hash FROM vz_stage) s
         ORDER BY entity_id, dataset, handling, hash, ord DESC
         ON CONFLICT (entity_id, dataset, handling, hash) DO UPDATE
           SET last_seen = EXCLUDED.last_seen, run_id = EXCLUDED.run_id, origin = EXCLUDED.origin,
               first_seen = least(blocks.first_seen, EXCLUDED.first_seen),
               retention_until = EXCLUDED.retention_until, agency = EXCLUDED.agency, legal_basis = EXCLUDED.legal_basis,
               purpose = EXCLUDED.purpose, reliability = EXCLUDED.reliability`);
      await this.client.query(
        `INSERT INTO runs (id, dataset, file, mapping, actor, started_at, finished_at, rows_read, rows_ok, rows_quarantined, rows_filtered, statements, entities, conflicts, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, runParams(run).map((v) => (typeof v === "string" ? noNul(v) : v)));
      await appendAuditTx(this.client, audit.entries, audit.link);
      await this.client.query("COMMIT");
    });
    this.finish();
  }

  async abort(): Promise<void> {
    if (this.done) return;
    if (this.broken) { this.finish(this.broken); return; }
    // Mid-COPY the connection cannot ROLLBACK; dropping it makes the server roll back.
    if (this.copy) { this.finish(new Error("ingest aborted during COPY")); return; }
    try {
      await this.client.query("ROLLBACK");
      this.finish();
    } catch (e) {
      // The connection is gone: the server has rolled back already. Nothing to report.
      this.finish(e);
    }
  }

  /** Runs one step of the run; on failure the connection is discarded, which rolls everything back. */
  private async step<T>(what: string, f: () => Promise<T>, endCopy = true): Promise<T> {
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
      if (endCopy) await this.endCopy();
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
    this.client.off("error", this.onError);
    this.release(err === undefined ? undefined : err instanceof Error ? err : new Error(String(err)));
  }
}
