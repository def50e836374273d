import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { join } from "node:path";
import { cli, e2eMissing, launch, loginAs, openSession, REPO, screenshot, startDemo, unexpected, type Demo, type Session } from "./harness";

let demo: Demo;
let browser: Browser;
const CASE = "case:NL-2026-0042";
/** A resolved entity is looked up first; for a viewer without a resolution run that is a 404 by design. */
const RESOLVED_404 = /^404 GET \/api\/resolved\//;

function clean(s: Session) {
  expect(s.errors).toEqual([]);
  expect(unexpected(s, RESOLVED_404)).toEqual([]);
}

async function profile(s: Session, id: string) {
  const hash = `#/entity/${encodeURIComponent(id)}`;
  // The same hash again would not load it afresh: reload then.
  if (s.page.url().endsWith(hash)) await s.page.reload();
  else await s.page.goto(`/${hash}`);
  await s.page.getByTestId("entity").waitFor({ timeout: 20_000 });
  return s.page.getByTestId("entity");
}

describe.skipIf(Boolean(e2eMissing))("UI core in Chromium on the demo scenario", () => {
  beforeAll(async () => {
    demo = await startDemo();
    browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it("shows the sign-in page without errors, in Dutch for a Dutch browser", async () => {
    const s = await openSession(browser, demo, "nl");
    await s.page.goto("/");
    await s.page.locator("#login-user").waitFor();
    expect(await s.page.locator("h1").textContent()).toBe("Aanmelden bij Vizier");
    await screenshot(s.page, "login");
    clean(s);
    await s.context.close();
  }, 60_000);

  it("search → profile: one box, facets, a result opens the merged profile with provenance", async () => {
    const s = await openSession(browser, demo);
    await loginAs(s, demo, "analist.politie", CASE);
    expect(await s.page.getByTestId("purpose").inputValue()).toBe(CASE);
    await s.page.getByTestId("search-input").fill("Verdi Fresh");
    await s.page.getByTestId("search-input").press("Enter");
    const results = s.page.getByTestId("results");
    await results.waitFor();
    expect(await results.locator("li").count()).toBeGreaterThan(2);
    expect(await s.page.locator(".facets legend").allTextContents()).toEqual(expect.arrayContaining(["Type", "Agency", "Dataset"]));
    await screenshot(s.page, "search");
    // Filter on the KvK register, then open the hit.
    const agency = s.page.locator(".facets fieldset", { has: s.page.locator("legend", { hasText: "Agency" }) });
    await agency.locator("label", { hasText: "KVK" }).locator("input").check();
    await expect.poll(() => results.locator("li").count()).toBe(1);
    await results.locator("li a").first().click();
    const e = s.page.getByTestId("entity");
    await e.waitFor();
    expect(await e.locator("h1").textContent()).toContain("Verdi Fresh Import");
    expect(await e.getByTestId("provenance").count()).toBeGreaterThan(3);
    // Provenance one hover away: agency, dataset, legal basis, handling.
    await e.getByTestId("provenance").first().hover();
    const tip = e.locator(".tip").first();
    await tip.waitFor({ state: "visible" });
    expect(await tip.textContent()).toMatch(/Legal basis.*Handling.*Reliability/s);
    clean(s);
    await s.context.close();
  }, 90_000);

  it("analysts of two agencies see different profiles of the same company; withheld statements are announced", async () => {
    const police = await openSession(browser, demo);
    await loginAs(police, demo, "analist.politie", CASE);
    const p = await profile(police, demo.importer);
    await p.getByText("Aandeelhouder M. El Amrani", { exact: false }).waitFor();
    expect(await p.getByTestId("withheld").count()).toBe(0);
    expect(await p.getByTestId("members").locator("li").count()).toBeGreaterThan(1);
    await screenshot(police.page, "entity");

    const customs = await openSession(browser, demo);
    await loginAs(customs, demo, "analist.douane", "purpose:demo");
    const c = await profile(customs, demo.importer);
    const notice = c.getByTestId("withheld");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("FIOD holds 5 statements (H2)");
    expect(await c.textContent()).not.toContain("Aandeelhouder M. El Amrani");
    await screenshot(customs.page, "entity-withheld");
    clean(police);
    clean(customs);
    await police.context.close();
    await customs.context.close();
  }, 90_000);

  it("an access request filed by Customs is approved by FIOD's privacy officer, and the statements open up", async () => {
    const customs = await openSession(browser, demo);
    await loginAs(customs, demo, "analist.douane", "purpose:demo");
    const c = await profile(customs, demo.importer);
    await c.getByRole("button", { name: "Request access" }).click();
    await c.getByLabel("Justification").fill("Consignee of the seized container; need the shareholder for the risk profile.");
    await c.getByRole("button", { name: "Request access" }).click();
    await c.getByText("Access request filed").waitFor();

    const fiod = await openSession(browser, demo);
    await loginAs(fiod, demo, "privacy.fiod", "purpose:demo");
    await fiod.page.goto("/#/access");
    const decide = fiod.page.getByTestId("decide").filter({ hasText: "analist.douane" });
    await decide.waitFor();
    await decide.getByLabel("Reason").fill("Case cooperation agreed with Customs");
    await decide.getByRole("button", { name: "Approve" }).click();
    await fiod.page.getByTestId("request-status").filter({ hasText: "approved" }).first().waitFor();
    await screenshot(fiod.page, "access");

    const again = await profile(customs, demo.importer);
    await again.getByText("Aandeelhouder M. El Amrani", { exact: false }).waitFor();
    expect(await again.getByTestId("withheld").count()).toBe(0);
    clean(customs);
    clean(fiod);
    await customs.context.close();
    await fiod.context.close();
  }, 120_000);

  it("reviews a pair with the keyboard", async () => {
    const s = await openSession(browser, demo);
    await loginAs(s, demo, "analist.politie", CASE);
    await s.page.goto("/#/review");
    await s.page.getByTestId("pair").waitFor({ timeout: 20_000 });
    await s.page.locator("#expl-title").waitFor();
    const before = await s.page.getByText(/^Pair 1 of \d+/).textContent();
    await screenshot(s.page, "review");
    await s.page.locator("body").press("u");
    await expect.poll(() => s.page.getByTestId("review-message").textContent()).toContain("Recorded: unsure");
    const n = (t: string | null) => Number(/of (\d+)/.exec(t ?? "")?.[1]);
    await expect.poll(async () => n(await s.page.getByText(/^Pair 1 of \d+/).textContent())).toBeLessThan(n(before) === 50 ? 51 : n(before));
    clean(s);
    await s.context.close();
  }, 90_000);

  it("the privacy officer sees who consulted the company, when and why", async () => {
    const s = await openSession(browser, demo);
    await loginAs(s, demo, "privacy.fiod", "purpose:demo");
    await s.page.goto(`/#/audit?entity=${demo.importer}`);
    const table = s.page.getByTestId("audit-records");
    await table.waitFor({ timeout: 20_000 });
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    await screenshot(s.page, "audit");
    clean(s);
    await s.context.close();
  }, 60_000);

  it("uploads a file into a dataset, follows the ingest job to the end and shows its quarantined rows", async () => {
    cli(["dataset", "create", "politie-uploads", "--db", demo.dir, "--agency", "POLITIE", "--handling", "AMBER", "--legal-basis", "Wet politiegegevens art. 8",
      "--purpose", "e2e upload", "--retention", "P1Y", "--label", "Politie: uploads"]);
    const s = await openSession(browser, demo);
    await loginAs(s, demo, "analist.politie", CASE);
    await s.page.goto("/#/datasets");
    await s.page.getByTestId("datasets").waitFor();
    await s.page.locator("#up-dataset").selectOption("politie-uploads");
    await s.page.locator("#up-file").setInputFiles(join(REPO, "examples/kvk/companies.csv"));
    await s.page.locator("#up-mapping").setInputFiles(join(REPO, "examples/kvk/mapping.yml"));
    await s.page.getByRole("button", { name: "Upload and ingest" }).click();
    const progress = s.page.getByTestId("job-progress");
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/succeeded · \d+ rows, [1-9]\d* quarantined/);
    await s.page.getByRole("row", { name: /politie-uploads/ }).getByRole("button", { name: "Quarantine" }).click();
    const q = s.page.getByTestId("quarantine");
    await q.locator("tbody tr").first().waitFor();
    expect(await q.locator("tbody tr").count()).toBeGreaterThan(0);
    await screenshot(s.page, "datasets-upload");
    // A file without a header row, read with the column names typed into the form.
    await s.page.locator("#up-file").setInputFiles({ name: "nohead.csv", mimeType: "text/csv", buffer: Buffer.from("90000001,Kopregelloos BV\n90000002,Tweede Regel BV\n") });
    await s.page.locator("#up-mapping").setInputFiles({ name: "m.yml", mimeType: "text/yaml",
      buffer: Buffer.from("query:\n  entities:\n    c:\n      schema: Company\n      keys: [kvk]\n      properties:\n        name: { column: naam }\n") });
    await s.page.locator("#up-columns").fill("kvk,naam");
    await s.page.getByRole("button", { name: "Upload and ingest" }).click();
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/succeeded · 2 rows, 0 quarantined/);
    clean(s);
    await s.context.close();
  }, 90_000);

  it("the tour finds the case's entities by name; datasets list what may be read", async () => {
    const s = await openSession(browser, demo);
    await loginAs(s, demo, "analist.politie", CASE);
    await s.page.goto("/#/tour");
    const importer = s.page.getByTestId("tour-importer");
    await importer.waitFor({ timeout: 20_000 });
    expect(await importer.getAttribute("href")).toBe(`#/entity/${demo.importer}`);
    expect(await s.page.getByTestId("tour-brokers").getAttribute("href")).toMatch(/^#\/network\?ids=[^,]+,[^,]+/);
    await screenshot(s.page, "tour");
    await s.page.goto("/#/datasets");
    await s.page.getByTestId("datasets").waitFor();
    expect(await s.page.getByTestId("datasets").textContent()).toContain("politie-tap");
    await screenshot(s.page, "datasets");
    clean(s);
    await s.context.close();
  }, 60_000);
});
