import { randomUUID } from "node:crypto";
import { VizierError, type Statement } from "@vizier/model";
import { auditEntry, linkAudit } from "../audit/chain";
import type { Ctx } from "../context";
import type { IngestRun, QuarantineRow, SourceRowEntities, StoreWriter } from "../ports/store";
import type { Services } from "../services";
import { openMapped, openMappedInWorker, type MappedSourceOptions } from "./mapped";
import { openFtm, readingOptions, type OpenOptions, type SourceFormat } from "./readers/index";
import { validateFtmEntity } from "./ftm";
import { rowProvenance, runProvenance, toStatements } from "./statements";

export interface IngestProgress {
  rows: number;
  quarantined: number;
  bytesRead: number;
  bytesTotal: number;
}

/** What to ingest, where, and how to read the file (OpenOptions: format, encoding, sheet, delimiter, columns, skipRows). */
export interface IngestOptions extends OpenOptions {
  file: string;
  dataset: string;
  /** Mapping YAML file (required for tabular formats, not for FtM entity files). */
  mapping?: string;
  batchSize?: number;
  /** 2 or more: read and map in a worker thread when the process allows it (default 1: in this thread). */
  threads?: number;
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
}

export interface IngestReport extends Required<Pick<IngestRun, "id" | "dataset" | "file" | "rowsRead" | "rowsOk" | "rowsQuarantined" | "rowsFiltered" | "statements" | "entities" | "conflicts">> {
  format: SourceFormat;
  encoding: string;
  seconds: number;
  /** Peak resident memory of the process so far, in MiB (for benchmarks and capacity planning). */
  peakRssMiB: number;
}

/**
 * Ingests one file into a dataset, all or nothing: statements and quarantined rows become
 * visible only at commit; any failure (or a kill) leaves the store as it was.
 */
export async function ingestFile(ctx: Ctx, svc: Services, opts: IngestOptions): Promise<IngestReport> {
  const t0 = Date.now();
  const dataset = await svc.store.getDataset(opts.dataset);
  if (!dataset) throw new VizierError("NOT_FOUND", `dataset "${opts.dataset}" does not exist; create it with: vizier dataset create ${opts.dataset}`);
  const run: IngestRun = {
    id: randomUUID(), dataset: dataset.name, file: opts.file, mapping: opts.mapping ?? "", actor: ctx.actor.id, startedAt: ctx.now().toISOString(),
  };
  const prov = runProvenance(dataset, run.id, ctx.now(), opts.file);
  const counts = { rowsRead: 0, rowsOk: 0, rowsQuarantined: 0, rowsFiltered: 0, statements: 0 };
  const batchSize = opts.batchSize ?? 5000;
  let format: SourceFormat;
  let encoding = "utf-8";

  let writer: StoreWriter | undefined;
  try {
    let pendingS: Statement[] = [];
    // Mapped rows go to a writer that takes them as they are (no Statement object per value),
    // counted in statements so batches are the same size either way.
    let pendingR: SourceRowEntities[] = [];
    let pendingRS = 0;
    let pendingQ: QuarantineRow[] = [];
    const flush = async (force: boolean) => {
      if (pendingS.length >= batchSize || (force && pendingS.length)) { await writer!.writeStatements(pendingS); pendingS = []; }
      if (pendingRS >= batchSize || (force && pendingR.length)) { await writer!.writeRows!(rowProvenance(prov), pendingR); pendingR = []; pendingRS = 0; }
      if (pendingQ.length >= 1000 || (force && pendingQ.length)) { await writer!.writeQuarantine(pendingQ); pendingQ = []; }
    };
    // Checked before awaiting flush, so a row that fills no batch costs no promise.
    const due = () => pendingS.length >= batchSize || pendingRS >= batchSize || pendingQ.length >= 1000;
    const quarantine = (row: number, column: string, reason: string, raw: unknown, sheet?: string) => {
      counts.rowsQuarantined++;
      // XLSX rows are numbered per sheet, so the sheet is part of where the row is.
      const file = sheet ? `${opts.file}#${sheet}` : opts.file;
      pendingQ.push({ kind: "rejected", runId: run.id, dataset: dataset.name, file, row, column, reason, raw: JSON.stringify(raw) });
    };
    const progress = (bytesRead: number, bytesTotal: number) =>
      opts.onProgress?.({ rows: counts.rowsRead, quarantined: counts.rowsQuarantined, bytesRead, bytesTotal });

    const ftm = opts.format === "ftm" || (!opts.mapping && /\.(json|jsonl|ndjson|ftm)$/i.test(opts.file));
    if (ftm) {
      format = "ftm";
      const src = await openFtm(opts.file);
      writer = await svc.store.beginWrite(run);
      for await (const rec of src.records) {
        checkAbort(opts.signal);
        counts.rowsRead++;
        if (rec.problem || !rec.entity) { quarantine(rec.row, "", rec.problem?.reason ?? "no entity", rec); continue; }
        const v = validateFtmEntity(svc.model, rec.entity);
        if (!v.ok) { quarantine(rec.row, v.column ?? "", v.reason, rec.entity); continue; }
        counts.rowsOk++;
        const before = pendingS.length;
        toStatements(prov, rec.row, v.entity, pendingS);
        counts.statements += pendingS.length - before;
        if (due()) await flush(false);
        if (counts.rowsRead % 10_000 === 0) progress(src.bytesRead(), src.bytesTotal);
      }
      progress(src.bytesRead(), src.bytesTotal);
    } else {
      if (!opts.mapping) throw new VizierError("INVALID_ARGUMENT", `ingesting ${opts.file} needs a mapping: --mapping <file.yml>`);
      const mapOpts: MappedSourceOptions = { file: opts.file, mapping: opts.mapping, dataset: dataset.name, ...readingOptions(opts) };
      const src = await ((opts.threads ?? 1) > 1 ? openMappedInWorker(mapOpts) : openMapped(mapOpts));
      format = src.format;
      writer = await svc.store.beginWrite(run);
      const rowsAsTheyAre = writer.writeRows !== undefined;
      let bytesRead = 0;
      let bytesTotal = 0;
      for await (const batch of src.batches) {
        for (const row of batch.rows) {
          checkAbort(opts.signal);
          counts.rowsRead++;
          if (row.problem) { quarantine(row.row, row.problem.column, row.problem.reason, row.raw, row.sheet); continue; }
          if (row.filtered) { counts.rowsFiltered++; continue; }
          counts.rowsOk++;
          if (rowsAsTheyAre) {
            let n = 0;
            for (const e of row.entities!) n += 1 + e.values.length;
            pendingR.push({ origin: `${prov.file}:${row.row}`, entities: row.entities! });
            pendingRS += n;
            counts.statements += n;
          } else {
            const before = pendingS.length;
            for (const e of row.entities!) toStatements(prov, row.row, e, pendingS);
            counts.statements += pendingS.length - before;
          }
          if (due()) await flush(false);
        }
        ({ bytesRead, bytesTotal } = batch);
        progress(bytesRead, bytesTotal);
      }
      progress(bytesRead, bytesTotal);
      // Read after the rows: the reader may switch encoding (UTF-8 → Windows-1252) once it sees non-ASCII bytes.
      encoding = src.encoding();
    }
    await flush(true);
    const conflicts = await writer.conflicts(10_000);
    if (conflicts.length > 0) {
      await writer.writeQuarantine(conflicts.map((c) => ({
        kind: "conflict" as const, runId: run.id, dataset: dataset.name, file: opts.file, row: 0, column: c.prop,
        reason: `entity ${c.entityId} got conflicting values for ${c.prop}; all kept: ${c.values.join(" | ")}`, raw: JSON.stringify(c),
      })));
    }
    const entities = await writer.runEntities();
    const finished: IngestRun = { ...run, ...counts, entities, conflicts: conflicts.length, finishedAt: new Date().toISOString(), status: "committed" };
    await writer.commit(finished, {
      link: linkAudit,
      entries: [auditEntry(ctx, "ingest", `${opts.file} → ${dataset.name} (run ${run.id})`, [run.id])],
    });
    writer = undefined;
    return {
      id: run.id, dataset: dataset.name, file: opts.file, ...counts, entities, conflicts: conflicts.length,
      format, encoding, seconds: (Date.now() - t0) / 1000, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    if (writer) await writer.abort().catch(() => undefined);
  }
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VizierError("CANCELLED", "ingest cancelled; nothing was stored");
}
