/** Sliding-window helpers shared by the behavioural detectors. */

/**
 * Given time-sorted items, returns maximal runs [s, e) in which some window of length `w`
 * holds at least `minCount` items; overlapping qualifying windows are merged into one run.
 */
export function denseRuns(times: ArrayLike<number>, w: number, minCount: number): [number, number][] {
  const runs: [number, number][] = [];
  let j = 0;
  for (let s = 0; s < times.length; s++) {
    const ts = times[s] ?? 0;
    if (j < s) j = s;
    while (j < times.length && (times[j] ?? 0) - ts <= w) j++;
    if (j - s >= minCount) {
      const last = runs[runs.length - 1];
      if (last && s < last[1]) last[1] = Math.max(last[1], j);
      else runs.push([s, j]);
    }
  }
  return runs;
}

/** Time-ordered merge of an account's incoming and outgoing transactions. */
export function mergedActivity(inTx: Uint32Array, outTx: Uint32Array, rank: Uint32Array): number[] {
  const res: number[] = [];
  let a = 0;
  let b = 0;
  while (a < inTx.length || b < outTx.length) {
    const x = inTx[a];
    const y = outTx[b];
    if (y === undefined || (x !== undefined && (rank[x] ?? 0) <= (rank[y] ?? 0))) { res.push(x ?? 0); a++; } else { res.push(y); b++; }
  }
  return res;
}
