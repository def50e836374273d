import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { e2eMissing, launch, loginAs, openSession, startDemo, type Demo } from "./harness";

let demo: Demo;
let browser: Browser;

describe.skipIf(Boolean(e2eMissing))("UI core in Chromium on the demo scenario", () => {
  beforeAll(async () => {
    demo = await startDemo();
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it("signs in with a demo user's one-time password and a purpose; the purpose is shown on every screen", async () => {
    const s = await openSession(browser, demo);
    await loginAs(s, demo, "analist.politie");
    await expect.poll(() => s.page.getByTestId("who").textContent()).toContain("analist.politie");
    expect(await s.page.getByTestId("purpose").inputValue()).toBe("case:NL-2026-0042");
    expect(s.errors).toEqual([]);
    await s.context.close();
  }, 60_000);
});
