import type { TxTable } from "../table";
import type { TxIndex } from "../tx-index";
import type { RareGraph } from "../rare";
import type { DetectOptions } from "../options";

/** Everything a detector reads: the table, its indexes, the rare subgraph and the options. */
export interface DetectContext {
  readonly t: TxTable;
  readonly ix: TxIndex;
  readonly rare: RareGraph;
  readonly opt: DetectOptions;
  /** Scratch counters sized to the number of accounts; detectors must leave them zeroed. */
  readonly scratch: Int32Array;
}

/** Number of non-overlapping windows of length `w` in the input's time span (at least 1). */
export function windowsInSpan(ctx: DetectContext, w: number): number {
  return Math.max(1, (ctx.ix.tMax - ctx.ix.tMin) / w);
}
