/**
 * End-to-end harness for the web UI: sets up `vizier demo` (the bundled CLI, dist/vizier.mjs) on a
 * small generated scenario in a temp dir, reads the demo users' one-time passwords from its JSON,
 * resolves it and serves it with `--port 0`, launches Debian's Chromium through playwright-core, signs in, and
 * collects console errors and failed requests. Builds nothing: run `node scripts/build.mjs` first
 * (`npm test` does). Tests skip with a message only when /usr/bin/chromium (or the bundle, or the
 * UI build) is absent.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** The repository: the first folder above this file (or a bundle of it) with scripts/build.mjs. */
export const REPO = ((): string => {
  for (let d = import.meta.dirname; ; d = dirname(d)) {
    if (existsSync(join(d, "scripts", "build.mjs")) && existsSync(join(d, "packages"))) return d;
    if (dirname(d) === d) return resolve(import.meta.dirname, "../../..");
  }
})();
export const BUNDLE = join(REPO, "dist", "vizier.mjs");
export const UI_DIST = join(REPO, "packages", "web", "dist", "index.html");
export const CHROMIUM = process.env["VIZIER_CHROMIUM"] ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(REPO, "docs", "screenshots");

/** Why the e2e tests cannot run here, or undefined. */
export const e2eMissing: string | undefined =
  !existsSync(CHROMIUM) ? `${CHROMIUM} is absent (apt-get install chromium); UI e2e tests skipped`
    : !existsSync(BUNDLE) ? `${BUNDLE} not built (node scripts/build.mjs); UI e2e tests skipped`
      : !existsSync(UI_DIST) ? `${UI_DIST} not built (node scripts/build.mjs); UI e2e tests skipped`
        : undefined;
if (e2eMissing) process.stderr.write(`packages/web/e2e: ${e2eMissing}\n`);

export const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface DemoUser {
  user: string; agency: string; roles: string; oneTimePassword: string;
  /** The password the user set in place of the one-time password at the first sign-in (set by `loginAs`). */
  ownPassword?: string;
}

export interface Demo {
  url: string;
  dir: string;
  users: Record<string, DemoUser>;
  /** The importer (Verdi Fresh Import B.V.) in the KvK register; FIOD's notes (dataset fiod-notities, H2) are on it too. */
  importer: string;
  /** Admin of the installation's agency (POLITIE): one-time password from `vizier init`. */
  admin: { user: string; password: string };
  stop: () => Promise<void>;
}

const cliEnv = () => ({ PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp" });

/** Runs the bundled CLI synchronously; throws with its stderr when it fails. */
export function cli(args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { env: cliEnv(), encoding: "utf8", timeout: 300_000, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`vizier ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/**
 * Sets up the demo store in a fresh temp dir (`vizier demo --no-serve --json` on a small scenario),
 * resolves it in the case member's view (so the review queue has pairs), then serves it
 * (`vizier serve --port 0`, the same server `vizier demo` starts); resolves when the UI answers.
 */
export async function startDemo(opts: { scale?: number; dataDir?: string; resolve?: boolean } = {}): Promise<Demo> {
  const dir = opts.dataDir ?? join(mkdtempSync(join(tmpdir(), "vizier-e2e-")), "demo");
  mkdirSync(dir, { recursive: true });
  const setup = cli(["demo", "--data-dir", dir, "--scale", String(opts.scale ?? 0.05), "--json", "--no-serve", "--quiet"]);
  const json = JSON.parse(setup.stdout) as { users: DemoUser[] };
  const users = Object.fromEntries(json.users.map((u) => [u.user, u]));
  const adminPw = /One-time password for (\S+) \(shown[^\n]*\n\s+(\S+)/.exec(setup.stderr);
  const importer = kvkEntity(dir, "Verdi Fresh Import");
  if (opts.resolve !== false) cli(["resolve", "--db", dir, "--as", "analist.politie", "--purpose", "case:NL-2026-0042", "--quiet"]);
  const child: ChildProcess = spawn(process.execPath, [BUNDLE, "serve", "--db", dir, "--port", "0"], { env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (b: Buffer) => { err += b.toString(); });
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`vizier serve did not start within 60 s:\n${err}`)), 60_000);
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/[^\s/]+)/.exec(out);
      if (m) { clearTimeout(timer); ok(m[1]!); }
    });
    child.once("exit", (code) => { clearTimeout(timer); fail(new Error(`vizier serve exited ${code}:\n${err}`)); });
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
  };
  return { url, dir, users, importer, admin: { user: adminPw?.[1] ?? "admin", password: adminPw?.[2] ?? "" }, stop };
}

/** The KvK register's entity of a company, found with `vizier search` (as the installation's administrator). */
export function kvkEntity(dir: string, name: string): string {
  const hits = JSON.parse(cli(["search", name, "--db", dir, "--purpose", "purpose:demo", "--json", "--limit", "50"]).stdout) as Array<{ entity: { id: string; datasets?: string[] } }>;
  const hit = hits.find((h) => h.entity.datasets?.includes("kvk"));
  if (!hit) throw new Error(`no KvK entity for ${name}`);
  return hit.entity.id;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors (other than the browser's own "Failed to load resource" lines), uncaught exceptions and failed requests. */
  errors: string[];
  /** API answers with status >= 400, as "status method path" (tests allow the expected ones). */
  httpErrors: string[];
}

/** HTTP errors a test did not expect: everything except the given patterns. */
export const unexpected = (s: Session, ...allowed: RegExp[]): string[] => s.httpErrors.filter((e) => !allowed.some((re) => re.test(e)));

/** A fresh browser context (own cookies) at 1280×800 that records console errors. */
export async function openSession(browser: Browser, demo: Demo, lang: "nl" | "en" = "en"): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang === "en" ? "en-GB" : "nl-NL", baseURL: demo.url });
  const page = await context.newPage();
  const errors: string[] = [];
  const httpErrors: string[] = [];
  // Chromium logs every 4xx/5xx answer as a console error; those are checked through httpErrors instead.
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) httpErrors.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  return { context, page, errors, httpErrors };
}

/** Signs in through the login form and waits for the app's header. */
/**
 * Signs in through the login form. A one-time password leads to the "set your own password" form
 * (the API answers nothing else until then): with `newPassword` it is filled in, else the sign-in
 * fails. Returns whether a new password was set.
 */
export async function login(s: Session, user: string, password: string, purpose = "case:NL-2026-0042", newPassword?: string): Promise<boolean> {
  const { page } = s;
  await page.goto("/");
  await page.locator("#login-user").fill(user);
  await page.locator("#login-password").fill(password);
  await page.locator("#login-purpose").fill(purpose);
  await page.locator("form button[type=submit]").click();
  const who = page.getByTestId("who");
  const setOwn = page.locator("#password-new");
  await who.or(setOwn).first().waitFor({ timeout: 15_000 });
  if (!(await setOwn.isVisible())) return false;
  if (newPassword === undefined) throw new Error(`${user} must set their own password first`);
  await setOwn.fill(newPassword);
  await page.locator("#password-repeat").fill(newPassword);
  await page.locator("form button[type=submit]").click();
  await who.waitFor({ timeout: 15_000 });
  return true;
}

/** Signs in as a demo user by name: the first time with its one-time password (then setting its own), after that with its own. */
export async function loginAs(s: Session, demo: Demo, user: string, purpose?: string): Promise<void> {
  const u = demo.users[user];
  if (!u) throw new Error(`no demo user ${user}; have ${Object.keys(demo.users).join(", ")}`);
  if (u.ownPassword !== undefined) { await login(s, user, u.ownPassword, purpose); return; }
  const own = `${user} e2e password`;
  if (await login(s, user, u.oneTimePassword, purpose, own)) u.ownPassword = own;
}

/**
 * Saves a screenshot as <name>.png (deterministic names, one per view): under docs/screenshots/
 * when VIZIER_SCREENSHOTS=1 (to refresh the README's pictures), else in a temporary folder, so a
 * test run leaves the checkout as it was.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = process.env["VIZIER_SCREENSHOTS"] === "1" ? SCREENSHOTS : join(tmpdir(), "vizier-screenshots");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
