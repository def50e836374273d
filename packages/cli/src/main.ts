import { Command, CommanderError } from "commander";
import { formatLocation, isVizierError } from "@vizier/model";
import { exitCodeFor } from "./exit-codes";
import type { Env } from "./runtime";

type Register = (program: Command, env: Env) => void;

/**
 * The top-level commands in help order, each loaded only when needed: the bundle is split per
 * command (scripts/build.mjs), so `vizier graph …` does not compile the HTTP server or the ingest
 * readers. Help and unknown commands load them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  init: async () => { const m = await import("./commands/init"); return (p, env) => m.registerInit(p, env); },
  user: async () => { const m = await import("./commands/user"); return (p, env) => m.registerUser(p, env); },
  token: async () => { const m = await import("./commands/token"); return (p, env) => m.registerToken(p, env); },
  dataset: async () => { const m = await import("./commands/dataset"); return (p, env) => m.registerDataset(p, env); },
  ingest: async () => { const m = await import("./commands/ingest"); return (p, env) => m.registerIngest(p, env); },
  map: async () => { const m = await import("./commands/map"); return (p) => m.registerMap(p); },
  quarantine: async () => { const m = await import("./commands/quarantine"); return (p, env) => m.registerQuarantine(p, env); },
  retention: async () => { const m = await import("./commands/retention"); return (p, env) => m.registerRetention(p, env); },
  export: async () => { const m = await import("./commands/export"); return (p, env) => m.registerExport(p, env); },
  search: async () => { const m = await import("./commands/search"); return (p, env) => m.registerSearch(p, env); },
  stats: async () => { const m = await import("./commands/stats"); return (p, env) => m.registerStats(p, env); },
  timeline: async () => { const m = await import("./commands/timeline"); return (p, env) => m.registerTimeline(p, env); },
  resolve: async () => { const m = await import("./commands/resolve"); return (p, env) => m.registerResolve(p, env); },
  review: async () => { const m = await import("./commands/review"); return (p, env) => m.registerReview(p, env); },
  judge: async () => { const m = await import("./commands/judge"); return (p, env) => m.registerJudge(p, env); },
  resolved: async () => { const m = await import("./commands/resolved"); return (p, env) => m.registerResolved(p, env); },
  audit: async () => { const m = await import("./commands/audit"); return (p, env) => m.registerAudit(p, env); },
  access: async () => { const m = await import("./commands/access"); return (p, env) => m.registerAccess(p, env); },
  demo: async () => { const m = await import("./commands/demo"); return (p, env) => m.registerDemo(p, env); },
  generate: async () => { const m = await import("./commands/generate"); return (p) => m.registerGenerate(p); },
  graph: async () => { const m = await import("./commands/graph"); return (p, env) => m.registerGraph(p, env); },
  link: async () => { const m = await import("./commands/link"); return (p) => m.registerLink(p); },
  flows: async () => { const m = await import("./commands/flows"); return (p, env) => m.registerFlows(p, env); },
  serve: async () => { const m = await import("./commands/serve"); return (p, env) => m.registerServe(p, env); },
};

/** The command named on the command line (the first word that is not a global option or its value). */
export function commandName(argv: readonly string[]): string | undefined {
  const valued = new Set(["--db", "--config", "--purpose", "--as", "--token"]);
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (valued.has(a)) { i++; continue; }
    if (a.startsWith("-")) continue;
    return a;
  }
  return undefined;
}

/** Builds the `vizier` command tree: only the named command's, or every command's for help. */
export async function buildProgram(env: Env, only?: string): Promise<Command> {
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]!()));
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
  for (const register of registers) register(program, env);
  return program;
}

/** Runs the CLI and returns the exit code (errors are mapped to codes in exit-codes.ts). */
export async function main(argv: string[], env: Env): Promise<number> {
  let program: Command;
  try {
    program = await buildProgram(env, commandName(argv));
  } catch (err) {
    process.stderr.write(`vizier: internal error loading commands: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
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
