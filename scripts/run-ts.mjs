// Runs a TypeScript entry (a benchmark or script) by bundling it with esbuild first:
//   node scripts/run-ts.mjs bench/graph/run.ts [args…]
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join, resolve, basename } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "../..");
const entry = resolve(process.argv[2] ?? "");
const outdir = join(root, "dist/run");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(entry).replace(/\.ts$/, "") + ".mjs");
await build({
  entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node20",
  sourcemap: "inline", logLevel: "warning",
  external: ["better-sqlite3", "pg-native", "pg", "pg-copy-streams", "exceljs", "playwright-core"],
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
process.argv.splice(1, 2, outfile);
await import(pathToFileURL(outfile).href);
