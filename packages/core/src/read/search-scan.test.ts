import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FtmEntity } from "@vizier/model";
import type { SearchHit } from "../ports/store";
import { pageOfScan, scanHits, SEARCH_SCAN_CAP, type ScanSource } from "./search-scan";

/**
 * A ranked hit list as a store answers it (offset/limit over one fixed order), some hits without
 * readable entities; calls are recorded to check what the scan asks for.
 */
function source(n: number, readable: (i: number) => boolean) {
  const hits: SearchHit[] = Array.from({ length: n }, (_, i) => ({ entityId: `e${i}`, score: n - i }));
  const calls: Array<[number, number]> = [];
  const src: ScanSource = {
    hits: (offset, limit) => { calls.push([offset, limit]); return Promise.resolve(hits.slice(offset, offset + limit)); },
    read: (ids) => Promise.resolve(ids.filter((id) => readable(Number(id.slice(1)))).map((id): FtmEntity => ({ id, schema: "Person", properties: {} }))),
  };
  return { src, calls };
}
const num = (e: FtmEntity) => Number(e.id.slice(1));

describe("scanHits", () => {
  it("pages of a filtered scan neither overlap nor skip, and end where the matches within the cap end", async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 50, max: 300 }),
      async (n, unreadableEvery, keepEvery, limit, cap) => {
        const readable = (i: number) => i % unreadableEvery !== 1;
        const judge = (e: FtmEntity) => (num(e) % keepEvery === 0 ? "match" : undefined);
        // What the pages must add up to: the kept readable entities among the first `cap` hits, in order.
        const expected = Array.from({ length: Math.min(n, cap) }, (_, i) => i).filter((i) => readable(i) && i % keepEvery === 0);
        const got: number[] = [];
        for (let offset = 0; ; offset += limit) {
          const { src } = source(n, readable);
          const page = pageOfScan(await scanHits(src, { judge, enough: offset + limit + 1, cap }), offset, limit);
          expect(page.results.length).toBeLessThanOrEqual(limit);
          // `more` on the previous page promised this one a result.
          if (offset > 0) expect(page.results.length).toBeGreaterThan(0);
          got.push(...page.results.map((m) => num(m.entity)));
          if (!page.more) {
            // The last page says whether it stopped at the cap with hits left unseen.
            expect(page.capped).toBe(n > cap);
            break;
          }
          expect(page.results).toHaveLength(limit);
        }
        expect(got).toEqual(expected);
      },
    ), { seed: 6, numRuns: 150 });
  });

  it("stops once it has enough, asks in doubling batches, and tells exactly `cap` hits from more", async () => {
    const all = source(5000, () => true);
    const first = await scanHits(all.src, { judge: () => "match", enough: 21 });
    expect(first.matches).toHaveLength(100);
    expect(all.calls).toEqual([[0, 100]]);
    const sparse = source(5000, () => true);
    const few = await scanHits(sparse.src, { judge: (e) => (num(e) % 50 === 0 ? "match" : undefined), enough: 21 });
    expect(few.matches.map((m) => num(m.entity)).slice(0, 3)).toEqual([0, 50, 100]);
    expect(sparse.calls).toEqual([[0, 100], [100, 200], [300, 400], [700, 301]]);
    expect(few).toMatchObject({ scanned: SEARCH_SCAN_CAP, exhausted: false });
    expect(few.matches).toHaveLength(SEARCH_SCAN_CAP / 50);

    const exactly = await scanHits(source(SEARCH_SCAN_CAP, () => true).src, { judge: () => "match", enough: Infinity });
    expect(exactly).toMatchObject({ scanned: SEARCH_SCAN_CAP, exhausted: true });
    const more = await scanHits(source(SEARCH_SCAN_CAP + 1, () => true).src, { judge: () => "match", enough: Infinity });
    expect(more).toMatchObject({ scanned: SEARCH_SCAN_CAP, exhausted: false });
    expect(more.matches).toHaveLength(SEARCH_SCAN_CAP);
  });

  it("keeps entities outside one filter apart, without counting them towards `enough`", async () => {
    const scan = await scanHits(source(300, () => true).src, { judge: (e) => (num(e) % 3 === 0 ? "match" : num(e) % 3 === 1 ? "country" : undefined), enough: 10 });
    expect(scan.matches.map((m) => num(m.entity))).toEqual(Array.from({ length: 34 }, (_, i) => i * 3));
    expect(scan.near).toHaveLength(33);
    expect(scan.near.every((n) => n.missed === "country" && num(n.entity) % 3 === 1)).toBe(true);
  });

  it("skips hits whose entity the scope lets nothing of be read", async () => {
    const scan = await scanHits(source(10, (i) => i !== 3).src, { judge: () => "match", enough: Infinity });
    expect(scan.matches.map((m) => num(m.entity))).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(scan).toMatchObject({ scanned: 10, exhausted: true });
  });
});
