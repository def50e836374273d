import type { Alert, Pattern } from "../alert";
import { PATTERNS, sortAlerts, suppressParts } from "../alert";
import type { TxTable } from "../table";
import type { TxIndex } from "../tx-index";
import { buildIndex } from "../tx-index";
import { rareGraph } from "../rare";
import type { PartialOptions } from "../options";
import { resolveOptions } from "../options";
import type { DetectContext } from "./context";
import { detectFanIn, detectFanOut } from "./fan";
import { detectCycles } from "./cycle";
import { detectBipartiteAndStack } from "./bipartite";
import { detectGatherScatter, detectScatterGather } from "./scatter-gather";
import { detectDormant, detectFocusCountry, detectRoundAmounts, detectStructuring } from "./behaviour";
import { detectLayering, detectPassThrough } from "./pass-through";
import { VizierError } from "@vizier/model";

type Detector = (ctx: DetectContext) => Alert[];

/** Which detector produces which patterns (bipartite and stack come from one search). */
const DETECTORS: [readonly Pattern[], Detector][] = [
  [["fan_in"], detectFanIn],
  [["fan_out"], detectFanOut],
  [["cycle"], detectCycles],
  [["bipartite", "stack"], detectBipartiteAndStack],
  [["scatter_gather", "stack"], detectScatterGather],
  [["gather_scatter"], detectGatherScatter],
  [["structuring"], detectStructuring],
  [["pass_through"], detectPassThrough],
  [["layering"], detectLayering],
  [["focus_country"], detectFocusCountry],
  [["dormant_reactivation"], detectDormant],
  [["round_amounts"], detectRoundAmounts],
];

export interface DetectResult {
  alerts: Alert[];
  /** Milliseconds per detector, for benchmarks. */
  timings: Record<string, number>;
}

/** Runs the selected typology detectors and returns explained alerts in canonical order. */
export function detectPatterns(t: TxTable, options: PartialOptions = {}, index?: TxIndex): DetectResult {
  const opt = resolveOptions(options);
  const wanted = new Set<string>(opt.patterns ?? PATTERNS);
  for (const p of wanted) if (!(PATTERNS as readonly string[]).includes(p)) throw new VizierError("INVALID_ARGUMENT", `unknown pattern "${p}"; known: ${PATTERNS.join(", ")}`);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const ix = index ?? buildIndex(t);
  const rare = rareGraph(t, ix, opt.rareMaxPairCount, opt.maxHubDegree);
  timings.index = performance.now() - t0;
  const ctx: DetectContext = { t, ix, rare, opt, scratch: new Int32Array(ix.accounts) };
  let alerts: Alert[] = [];
  for (const [patterns, run] of DETECTORS) {
    if (!patterns.some((p) => wanted.has(p))) continue;
    t0 = performance.now();
    alerts.push(...run(ctx).filter((a) => wanted.has(a.pattern)));
    timings[patterns.join("+")] = performance.now() - t0;
  }
  alerts = suppressParts(alerts);
  return { alerts: sortAlerts(t, alerts), timings };
}
