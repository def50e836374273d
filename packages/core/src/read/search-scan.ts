import type { FtmEntity } from "@vizier/model";
import type { SearchHit } from "../ports/store";
import type { Facet, Standing } from "./search-facets";

/**
 * How many of a query's readable matches, in the store's ranked order, a filtered or faceted
 * search looks at. Counting or filtering every match of a common surname (5% of a million
 * entities) would read every one of them per request; the first thousand are what an analyst
 * pages through, and the answer says when there were more.
 */
export const SEARCH_SCAN_CAP = 1000;

/** The first batch a filtered scan asks for; later batches double. */
const FIRST_BATCH = 100;

/** Where a scan reads from: the store's ranked hits (scope applied) and their readable entities. */
export interface ScanSource {
  hits(offset: number, limit: number): Promise<SearchHit[]>;
  read(ids: readonly string[]): Promise<FtmEntity[]>;
}

export interface ScanMatch { entity: FtmEntity; score: number }

export interface ScanResult {
  /** The matches kept, in ranked order, from the first hit on. */
  matches: ScanMatch[];
  /** Entities outside one filter only (judged by a `near` judge), with that filter's facet. */
  near: Array<{ entity: FtmEntity; missed: Facet }>;
  /** Hits looked at. */
  scanned: number;
  /** Whether the scan saw every readable match (false: it stopped at the cap or once it had enough). */
  exhausted: boolean;
}

export interface ScanOptions {
  /** How each readable entity stands to the filters (search-facets.ts#filterJudge). */
  judge: (e: FtmEntity) => Standing;
  /** Stop once this many matches are kept (Infinity: up to the cap). */
  enough: number;
  /** The most hits looked at. */
  cap?: number;
}

/**
 * Walks the ranked hits from the first, in batches, keeping the readable entities `judge` calls a
 * match (and, apart, those it finds outside one filter only), until `enough` matches are kept, the hits run out or `cap` hits were looked at. Entities the store ranks
 * but the scope lets nothing of be read are skipped, as a plain search skips them. The order is the
 * store's, which does not depend on offset or limit, so the n-th kept match is the same on every
 * call over the same data: pages cut from `matches` neither overlap nor skip.
 *
 * The first batch is as large as `enough` (when filters keep everything, one batch answers) and
 * later ones double, so the store, which ranks from the first hit on every call, ranks at most
 * about twice what the scan looks at. The batch that reaches the cap asks for one hit more, to
 * tell a result set of exactly `cap` from a larger one.
 */
export async function scanHits(src: ScanSource, o: ScanOptions): Promise<ScanResult> {
  const cap = o.cap ?? SEARCH_SCAN_CAP;
  const matches: ScanMatch[] = [];
  const near: ScanResult["near"] = [];
  let scanned = 0;
  let batch = Math.max(FIRST_BATCH, Number.isFinite(o.enough) ? o.enough : cap);
  while (scanned < cap && matches.length < o.enough) {
    const want = Math.min(batch, cap - scanned);
    const last = scanned + want === cap;
    const hits = await src.hits(scanned, last ? want + 1 : want);
    const beyond = hits.length > want;
    if (beyond) hits.pop();
    const entities = new Map((await src.read(hits.map((h) => h.entityId))).map((e) => [e.id, e]));
    for (const h of hits) {
      const entity = entities.get(h.entityId);
      if (!entity) continue;
      const standing = o.judge(entity);
      if (standing === "match") matches.push({ entity, score: h.score });
      else if (standing !== undefined) near.push({ entity, missed: standing });
    }
    scanned += hits.length;
    if (hits.length < want || (last && !beyond)) return { matches, near, scanned, exhausted: true };
    batch *= 2;
  }
  return { matches, near, scanned, exhausted: false };
}

/**
 * The page [offset, offset + limit) of a scan's matches; `more` when a match lies beyond it,
 * `capped` when the scan stopped at the cap before it could fill the page or find one match past it.
 */
export function pageOfScan(scan: ScanResult, offset: number, limit: number): { results: ScanMatch[]; more: boolean; capped: boolean } {
  const end = offset + limit;
  return { results: scan.matches.slice(offset, end), more: scan.matches.length > end, capped: scan.matches.length <= end && !scan.exhausted };
}
