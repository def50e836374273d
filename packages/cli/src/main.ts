import { Command, CommanderError } from "commander";
import { formatLocation, isVizierError } from "@vizier/model";
import { registerAccess } from "./commands/access";
import { registerAudit } from "./commands/audit";
import { registerDataset } from "./commands/dataset";
import { registerDemo } from "./commands/demo";
import { registerGenerate } from "./commands/generate";
import { registerExport } from "./commands/export";
import { registerFlows } from "./commands/flows";
import { registerGraph } from "./commands/graph";
import { registerIngest } from "./commands/ingest";
import { registerInit } from "./commands/init";
import { registerLink } from "./commands/link";
import { registerQuarantine } from "./commands/quarantine";
import { registerRetention } from "./commands/retention";
import { registerSearch } from "./commands/search";
import { registerStats } from "./commands/stats";
import { registerTimeline } from "./commands/timeline";
import { registerResolve } from "./commands/resolve";
import { registerReview } from "./commands/review";
import { registerJudge } from "./commands/judge";
import { registerResolved } from "./commands/resolved";
import { registerToken } from "./commands/token";
import { registerUser } from "./commands/user";
import { registerServe } from "./commands/serve";
import { exitCodeFor } from "./exit-codes";
import type { Env } from "./runtime";

/** Builds the `vizier` command tree. */
export function buildProgram(env: Env): Command {
  const program = new Command("vizier")
    .description("Vizier: joint analysis of organised-crime information across agencies, with safeguards")
    .option("--db <location>", "store: a folder or .db file (embedded), or postgres://… (default: $VIZIER_DB or ./vizier-data)")
    .option("--config <file>", "installation configuration (default: $VIZIER_CONFIG or config/vizier.yml)")
    .option("--purpose <purpose>", "why you are reading: a case (case:NL-2026-0042) or registered purpose (default: $VIZIER_PURPOSE)")
    .option("--as <user>", "act as this existing user (local embedded store; default: the first administrator)")
    .option("--token <token>", "API token (vz_…) saying who you are; needed on a PostgreSQL store (default: $VIZIER_TOKEN)")
    .option("--json", "machine-readable output on stdout")
    .option("--quiet", "no progress output")
    .showHelpAfterError()
    .exitOverride()
    .addHelpText("after", "\nExit codes: 0 ok, 1 internal error, 2 invalid arguments, 3 invalid input or mapping, 4 not found,\n5 already exists/conflict, 6 not allowed (not authenticated, login throttled, no purpose, forbidden), 7 store unavailable, 8 audit failure, 130 cancelled.\nSee docs/cli.md.");
  registerInit(program, env);
  registerUser(program, env);
  registerToken(program, env);
  registerDataset(program, env);
  registerIngest(program, env);
  registerQuarantine(program, env);
  registerRetention(program, env);
  registerExport(program, env);
  registerSearch(program, env);
  registerStats(program, env);
  registerTimeline(program, env);
  registerResolve(program, env);
  registerReview(program, env);
  registerJudge(program, env);
  registerResolved(program, env);
  registerAudit(program, env);
  registerAccess(program, env);
  registerDemo(program, env);
  registerGenerate(program);
  registerGraph(program, env);
  registerLink(program);
  registerFlows(program, env);
  registerServe(program, env);
  return program;
}

/** Runs the CLI and returns the exit code (errors are mapped to codes in exit-codes.ts). */
export async function main(argv: string[], env: Env): Promise<number> {
  const program = buildProgram(env);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (isVizierError(err)) {
      const where = formatLocation(err.location);
      process.stderr.write(`vizier: ${err.code}: ${err.message}${where && !err.message.includes(where) ? ` (${where})` : ""}\n`);
      return exitCodeFor(err.code);
    }
    process.stderr.write(`vizier: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}
