/**
 * End-to-end in Chromium on the demo scenario: from a key player (the fruit importer of the
 * case) open the network, expand a neighbour, find a path, then the money flows (Sankey, trace,
 * alerts), the timeline and the map; no console errors anywhere. Saves
 * docs/screenshots/{network,flows,timeline,map}.png.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eMissing, launch, loginAs, openSession, screenshot, startDemo, type Demo, type Session } from "./harness";

const PURPOSE = "case:NL-2026-0042";
let demo: Demo;
let browser: Browser;
let s: Session;
/** The records of the two key players (each agency holds its own; the analyst opens them together). */
let players: string[];
/** A record of the importer (the network's starting point) and a neighbour of it whose expansion brings in more. */
let importer: string;
let neighbour: string;

const H = { headers: { "x-vizier-purpose": PURPOSE } };

/** Ids of the search hits for `q`, through the API with the page's session. */
async function hits(page: Page, q: string): Promise<string[]> {
  const r = await page.request.get(`/api/search?q=${encodeURIComponent(q)}&limit=10`, H);
  expect(r.status()).toBe(200);
  const body = await r.json() as { items: { entity: { id: string } }[] };
  return body.items.map((i) => i.entity.id);
}

async function neighbours(page: Page, id: string): Promise<string[]> {
  const r = await page.request.get(`/api/graph/expand?ids=${id}&limit=200`, H);
  expect(r.status()).toBe(200);
  return ((await r.json()) as { network: { nodes: { id: string }[] } }).network.nodes.map((n) => n.id);
}

/** A record of `candidates` with a neighbour whose own neighbourhood reaches beyond the record's: [record, neighbour]. */
async function expandable(page: Page, candidates: readonly string[]): Promise<[string, string]> {
  for (const c of candidates) {
    const around = await neighbours(page, c);
    for (const n of around) {
      if (n === c) continue;
      if ((await neighbours(page, n)).some((m) => !around.includes(m))) return [c, n];
    }
  }
  throw new Error("no record of the importer has a neighbour to expand");
}

const count = async (page: Page, testId: string) => page.getByTestId(testId).locator("tbody tr").count();

describe.skipIf(Boolean(e2eMissing))("UI views (network, flows, timeline, map) in Chromium on the demo scenario", () => {
  beforeAll(async () => {
    demo = await startDemo();
    browser = await launch();
    s = await openSession(browser, demo, "en");
    await loginAs(s, demo, "analist.politie", PURPOSE);
    const imp = await hits(s.page, "Verdi Fresh Import");
    players = [...new Set([...imp, ...await hits(s.page, "El Amrani")])].slice(0, 20);
    [importer, neighbour] = await expandable(s.page, imp);
  }, 300_000);
  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await demo?.stop();
  });

  it("network: opens a key player's neighbourhood, expands a neighbour, finds a shortest path", async () => {
    const { page } = s;
    await page.goto(`/#/network?ids=${importer}`);
    await page.getByTestId("network-canvas").locator("canvas").first().waitFor({ timeout: 20_000 });
    await expect.poll(() => count(page, "network-table"), { timeout: 20_000 }).toBeGreaterThan(1);
    const before = await count(page, "network-table");
    const nodesText = async () => Number(/(\d+)/.exec((await page.getByTestId("network-counts").textContent()) ?? "")?.[1] ?? 0);
    const nodesBefore = await nodesText();
    // Expand the neighbour with the keyboard-accessible button in the table.
    const rows = page.getByTestId("network-table").locator("tbody tr");
    const ids = await rows.locator("td:first-child a").evaluateAll((as) => as.map((a) => decodeURIComponent((a.getAttribute("href") ?? "").replace("#/entity/", ""))));
    expect(ids).toContain(neighbour);
    const row = rows.filter({ has: page.locator(`a[href="#/entity/${neighbour}"]`) });
    await row.getByRole("button", { name: "Expand neighbours" }).click();
    await expect.poll(nodesText, { timeout: 20_000 }).toBeGreaterThan(nodesBefore);
    expect(await count(page, "network-table")).toBeGreaterThanOrEqual(before);
    const after = await rows.locator("td:first-child a").evaluateAll((as) => as.map((a) => decodeURIComponent((a.getAttribute("href") ?? "").replace("#/entity/", ""))));
    const beyond = after.find((id) => !ids.includes(id)) ?? "";
    expect(beyond).not.toBe("");

    // Select a node (side panel with properties and provenance).
    await row.getByRole("button", { name: "Select" }).click();
    await page.getByTestId("network-selected").locator(".props li").first().waitFor({ timeout: 15_000 });

    // Path from the importer to an entity only the expansion brought in: at least importer → neighbour → it.
    await page.getByTestId("path-from").selectOption(importer);
    await page.getByTestId("path-to").selectOption(beyond);
    await page.getByTestId("path-find").click();
    const result = page.getByTestId("path-result");
    await result.waitFor({ timeout: 20_000 });
    const steps = await result.locator("li a").evaluateAll((as) => as.map((a) => decodeURIComponent((a.getAttribute("href") ?? "").replace("#/entity/", ""))));
    expect(steps[0]).toBe(importer);
    expect(steps.at(-1)).toBe(beyond);
    expect(steps.length).toBeGreaterThanOrEqual(3);

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "network");

    // Double-click in the drawing expands: choose (in the table) an entity with neighbours not yet drawn,
    // which centres the camera on it, then double-click the middle of the canvas.
    const shown = await rows.locator("td:first-child a").evaluateAll((as) => as.map((a) => decodeURIComponent((a.getAttribute("href") ?? "").replace("#/entity/", ""))));
    let more = "";
    for (const id of shown) {
      if (id === importer || id === neighbour) continue;
      if ((await neighbours(page, id)).some((m) => !shown.includes(m))) { more = id; break; }
    }
    expect(more).not.toBe("");
    await rows.filter({ has: page.locator(`a[href="#/entity/${more}"]`) }).getByRole("button", { name: "Select" }).click();
    await page.getByTestId("network-canvas").scrollIntoViewIfNeeded();
    await page.waitForTimeout(600); // the camera's 250 ms move
    const box = await page.getByTestId("network-canvas").boundingBox();
    const grown = await nodesText();
    await page.mouse.dblclick((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    await expect.poll(nodesText, { timeout: 20_000 }).toBeGreaterThan(grown);

    // Exports: ANX with a ChartItem per entity and link, GraphML, PNG.
    const saved = async (testId: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      return readFileSync(await download.path());
    };
    const drawn = await nodesText();
    const anx = (await saved("export-anx")).toString("utf8");
    expect(anx).toContain("<Chart ");
    expect(anx.match(/<Entity /g)?.length).toBe(drawn);
    expect(anx.match(/<Link /g)?.length ?? 0).toBeGreaterThan(0);
    const graphml = (await saved("export-graphml")).toString("utf8");
    expect(graphml.match(/<node /g)?.length).toBe(drawn);
    const png = await saved("export-png");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(5_000);

    // Size by a metric and colour by community from the API (no "not available" notice, no error).
    await page.getByTestId("network-size-by").selectOption("pagerank");
    await page.getByLabel("Colour by").selectOption("community");
    await expect.poll(async () => (await page.locator(".network-tools").textContent()) ?? "", { timeout: 20_000 }).toMatch(/\d+ communities, modularity/);
    expect(await page.locator(".network [role=status]").filter({ hasText: "does not compute" }).count()).toBe(0);

    // Disruption scenario: the LCC curve is drawn.
    await page.getByTestId("network-disruption").getByRole("button", { name: "Simulate" }).click();
    await page.getByTestId("lcc-chart").locator("canvas").first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("network-disruption").locator(".error").count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 180_000);

  it("flows: Sankey and table of the importer's money, a trace and the alerts list", async () => {
    const { page } = s;
    await page.goto(`/#/flows?ids=${players.join(",")}`);
    await page.getByTestId("flows-sankey").locator("canvas").first().waitFor({ timeout: 30_000 });
    expect(await count(page, "flows-table")).toBeGreaterThan(0);
    const starts = await page.getByTestId("trace-start").locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(starts.length).toBeGreaterThan(0);
    // Trace from the first party of the largest link (it pays, so there is something to follow).
    const firstFrom = await page.getByTestId("flows-table").locator("tbody tr").first().locator("td:first-child a").getAttribute("href");
    const payer = decodeURIComponent((firstFrom ?? "").replace("#/entity/", ""));
    await page.getByTestId("trace-start").selectOption(starts.includes(payer) ? payer : starts[0] ?? "");
    await page.getByTestId("trace-run").click();
    await page.getByTestId("trace-result").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("trace-result").locator(".trace-paths li").count()).toBeGreaterThan(0);
    await page.getByTestId("flows-alerts").locator("li, p").first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "flows");
    expect(s.errors).toEqual([]);
  }, 120_000);

  it("timeline: the importer's shipments and payments on a time axis and in a list, filtered by kind", async () => {
    const { page } = s;
    await page.goto(`/#/timeline?ids=${players.join(",")}`);
    await page.getByTestId("timeline-chart").locator("canvas").first().waitFor({ timeout: 30_000 });
    const all = await count(page, "timeline-table");
    expect(all).toBeGreaterThan(0);
    const kinds = await page.getByTestId("timeline-table").locator("tbody td:nth-child(2)").allTextContents();
    expect(kinds).toContain("shipments");
    await page.getByTestId("kind-shipment").uncheck();
    await expect.poll(() => count(page, "timeline-table")).toBe(all - kinds.filter((k) => k === "shipments").length);
    await page.getByTestId("kind-shipment").check();
    await screenshot(page, "timeline");
    expect(s.errors).toEqual([]);
  }, 120_000);

  it("map: countries highlighted and the shipment routes from Guayaquil to Rotterdam, offline", async () => {
    const { page } = s;
    const external: string[] = [];
    page.on("request", (r) => { if (!r.url().startsWith(demo.url)) external.push(r.url()); });
    await page.goto(`/#/map?ids=${players.join(",")}`);
    await page.getByTestId("map-chart").locator("canvas").first().waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.getByTestId("map-countries").textContent()) ?? "", { timeout: 30_000 }).toContain("(NL)");
    const routes = (await page.getByTestId("map-routes").textContent()) ?? "";
    expect(routes).toContain("Guayaquil");
    expect(routes).toContain("Rotterdam");
    await screenshot(page, "map");
    expect(external.filter((u) => !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 120_000);

  it("speaks Dutch: the views' texts in the chosen language", async () => {
    const nl = await openSession(browser, demo, "nl");
    await nl.context.addCookies(await s.context.cookies());
    await nl.page.goto(`/#/timeline?ids=${players.join(",")}`);
    await nl.page.getByRole("heading", { name: "Tijdlijn" }).waitFor({ timeout: 20_000 });
    await nl.page.goto(`/#/network?ids=${importer}`);
    await nl.page.getByRole("heading", { name: "Netwerk" }).waitFor({ timeout: 20_000 });
    expect(await nl.page.getByRole("heading", { name: "Kortste pad" }).count()).toBe(1);
    await nl.page.goto(`/#/flows?ids=${players.join(",")}`);
    await nl.page.getByRole("heading", { name: "Geldstromen" }).waitFor({ timeout: 20_000 });
    expect(nl.errors).toEqual([]);
    await nl.context.close();
  }, 120_000);
});
