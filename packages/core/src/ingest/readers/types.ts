/** Shapes the ingest pipeline consumes from a reader (see docs/ingest.md). */
export type SourceFormat = "csv" | "xlsx" | "jsonl" | "ftm";

/** A problem local to one row; the pipeline quarantines the row with this reason. */
export interface RowProblem {
  column?: string;
  reason: string;
}

export interface SourceRow {
  /** 1-based line (CSV/JSONL) or sheet row (XLSX) where the record starts; the header is row 1. */
  row: number;
  values: Record<string, string>;
  problem?: RowProblem;
  /** XLSX only: the sheet the row comes from (row numbers restart per sheet). */
  sheet?: string;
}

export interface OpenedSource {
  file: string;
  format: SourceFormat;
  encoding: string;
  delimiter?: string;
  sheet?: string;
  /** Header names (CSV/XLSX) or the union of keys seen in the first records (JSONL). */
  columns: string[];
  /** JSONL: keys that held arrays of values in the first records (joined one per line); a mapping takes each as a value. */
  multiValued?: ReadonlySet<string>;
  /** Streamed rows; iterate once. Breaking out of the loop closes the file. */
  rows: AsyncIterable<SourceRow>;
  /**
   * CSV: the same rows, as parsed from each chunk read (an await per row costs about as much as
   * mapping a simple row). The same stream as `rows`: iterate one of the two.
   */
  rowGroups?: AsyncIterable<SourceRow[]>;
  bytesTotal: number;
  bytesRead(): number;
}

/** How to read a source file; every field optional (detected or none when unset). */
export interface OpenOptions {
  format?: SourceFormat;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  /** CSV/TSV without a header row: the names of its columns, in order (the first line is data). */
  columns?: readonly string[];
  /** Lines (CSV/TSV) or rows of each sheet (XLSX) before the header to ignore: a title, notes, an export date. */
  skipRows?: number;
}

/** One FollowTheMoney entity as `ftm` tools write it (one JSON object per line). */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export interface FtmRecord {
  row: number;
  entity?: FtmEntity;
  problem?: { reason: string };
}

export interface OpenedFtm {
  records: AsyncIterable<FtmRecord>;
  bytesTotal: number;
  bytesRead(): number;
}
