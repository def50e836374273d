/**
 * Detection thresholds and windows, with the documented defaults (docs/flows.md lists each one
 * and why). Callers pass a partial object; {@link resolveOptions} merges it over the defaults.
 */
export const DAY = 86400;

export interface DetectOptions {
  /** A (payer, beneficiary) pair with at most this many transactions in the input is a "rare" relationship. */
  rareMaxPairCount: number;
  /** Accounts with more distinct rare counterparties than this on either side (shops, payment providers) are hubs, not laundering members. */
  maxHubDegree: number;
  /** Patterns to run; default all. */
  patterns?: readonly string[];
  fan: { window: number; minCounterparties: number; burstRatio: number; baselineFloor: number; amountSpread: number };
  cycle: { window: number; minLength: number; maxLength: number; timeRespecting: boolean; hopRatio: number; maxExpansions: number };
  bipartite: { window: number; minSenders: number; minReceivers: number; minDensity: number; minStackShare: number };
  scatterGather: { window: number; minIntermediates: number };
  gatherScatter: { window: number; minIn: number; minOut: number; minForwarded: number; maxForwarded: number; burstRatio: number; baselineFloor: number };
  structuring: { threshold: number; band: number; minCount: number; window: number; maxAboveShare: number; minMedianRatio: number; incoming: boolean };
  passThrough: { window: number; maxDelay: number; minKept: number; minShare: number; minInflow: number; minCount: number; burstRatio: number; baselineFloor: number };
  layering: { minHops: number; maxDelay: number; minKept: number; maxKept: number; maxExpansions: number };
  focusCountry: { countries: readonly string[]; minAmount: number; window: number };
  dormant: { minGap: number; window: number; minAmount: number; minFactor: number };
  roundAmounts: { unit: number; minAmount: number; minCount: number; window: number; minShare: number };
}

export const DEFAULT_OPTIONS: DetectOptions = {
  rareMaxPairCount: 1,
  maxHubDegree: 50,
  fan: { window: 30 * DAY, minCounterparties: 4, burstRatio: 4, baselineFloor: 0.5, amountSpread: 2 },
  cycle: { window: 30 * DAY, minLength: 3, maxLength: 10, timeRespecting: false, hopRatio: 0.5, maxExpansions: 20000 },
  bipartite: { window: 30 * DAY, minSenders: 2, minReceivers: 2, minDensity: 0.75, minStackShare: 0.5 },
  scatterGather: { window: 30 * DAY, minIntermediates: 3 },
  gatherScatter: { window: 30 * DAY, minIn: 3, minOut: 3, minForwarded: 0.5, maxForwarded: 1.25, burstRatio: 4, baselineFloor: 0.5 },
  structuring: { threshold: 10000, band: 0.1, minCount: 3, window: 30 * DAY, maxAboveShare: 0.25, minMedianRatio: 5, incoming: false },
  passThrough: { window: 30 * DAY, maxDelay: 3 * DAY, minKept: 0.8, minShare: 0.7, minInflow: 5000, minCount: 3, burstRatio: 3, baselineFloor: 0.5 },
  layering: { minHops: 4, maxDelay: 3 * DAY, minKept: 0.8, maxKept: 1.0, maxExpansions: 20000 },
  focusCountry: { countries: ["AE", "TR", "MA", "HK", "SG"], minAmount: 10000, window: 30 * DAY },
  dormant: { minGap: 180 * DAY, window: 30 * DAY, minAmount: 10000, minFactor: 10 },
  roundAmounts: { unit: 1000, minAmount: 5000, minCount: 3, window: 30 * DAY, minShare: 0.5 },
};

type Section = Exclude<keyof DetectOptions, "rareMaxPairCount" | "maxHubDegree" | "patterns">;
export type PartialOptions = { rareMaxPairCount?: number; maxHubDegree?: number; patterns?: readonly string[] } & { [K in Section]?: Partial<DetectOptions[K]> };

/** Merges partial options over the defaults (one level deep). */
export function resolveOptions(p: PartialOptions = {}): DetectOptions {
  const d = DEFAULT_OPTIONS;
  return {
    rareMaxPairCount: p.rareMaxPairCount ?? d.rareMaxPairCount,
    maxHubDegree: p.maxHubDegree ?? d.maxHubDegree,
    ...(p.patterns ? { patterns: p.patterns } : {}),
    fan: { ...d.fan, ...p.fan },
    cycle: { ...d.cycle, ...p.cycle },
    bipartite: { ...d.bipartite, ...p.bipartite },
    scatterGather: { ...d.scatterGather, ...p.scatterGather },
    gatherScatter: { ...d.gatherScatter, ...p.gatherScatter },
    structuring: { ...d.structuring, ...p.structuring },
    passThrough: { ...d.passThrough, ...p.passThrough },
    layering: { ...d.layering, ...p.layering },
    focusCountry: { ...d.focusCountry, ...p.focusCountry },
    dormant: { ...d.dormant, ...p.dormant },
    roundAmounts: { ...d.roundAmounts, ...p.roundAmounts },
  };
}
