/**
 * The "rare relationship" subgraph: transactions whose (payer, beneficiary) pair occurs at most
 * `maxPairCount` times in the input. Salaries, rent, regular customers and suppliers recur; the
 * AMLSim typologies (and mule networks generally) use each relationship once. Structural
 * typologies are searched on this subgraph, which is what keeps busy shops and payrolls from
 * looking like fans.
 */
import type { TxTable } from "./table";
import type { TxIndex } from "./tx-index";

export interface RareGraph {
  readonly outStart: Int32Array;
  readonly outTx: Uint32Array;
  readonly inStart: Int32Array;
  readonly inTx: Uint32Array;
  readonly isRare: Uint8Array;
  /** 1 for accounts with more than `maxHubDegree` rare relationships on either side. */
  readonly isHub: Uint8Array;
}

function filterCsr(start: Int32Array, tx: Uint32Array, keep: Uint8Array): { start: Int32Array; tx: Uint32Array } {
  const m = start.length - 1;
  const s2 = new Int32Array(m + 1);
  let k = 0;
  for (let a = 0; a < m; a++) {
    s2[a] = k;
    for (let p = start[a] ?? 0; p < (start[a + 1] ?? 0); p++) if (keep[tx[p] ?? 0]) k++;
  }
  s2[m] = k;
  const t2 = new Uint32Array(k);
  k = 0;
  for (let p = 0; p < tx.length; p++) { const i = tx[p] ?? 0; if (keep[i]) t2[k++] = i; }
  return { start: s2, tx: t2 };
}

/** Builds the rare subgraph; self-transfers are never part of it. */
export function rareGraph(t: TxTable, ix: TxIndex, maxPairCount: number, maxHubDegree = Infinity): RareGraph {
  const isRare = new Uint8Array(t.size);
  for (let i = 0; i < t.size; i++) isRare[i] = (ix.pairCount[i] ?? 0) <= maxPairCount && t.from[i] !== t.to[i] ? 1 : 0;
  const o = filterCsr(ix.outStart, ix.outTx, isRare);
  const n = filterCsr(ix.inStart, ix.inTx, isRare);
  const m = ix.accounts;
  const isHub = new Uint8Array(m);
  for (let a = 0; a < m; a++) {
    const dOut = (o.start[a + 1] ?? 0) - (o.start[a] ?? 0);
    const dIn = (n.start[a + 1] ?? 0) - (n.start[a] ?? 0);
    // Degrees count transactions; with maxPairCount 1 that is the number of counterparties.
    if (dOut > maxHubDegree * maxPairCount || dIn > maxHubDegree * maxPairCount) isHub[a] = 1;
  }
  return { outStart: o.start, outTx: o.tx, inStart: n.start, inTx: n.tx, isRare, isHub };
}
