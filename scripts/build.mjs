// Bundles the CLI into dist/vizier.mjs with esbuild. Workspace packages export TypeScript
// sources, so one bundle step replaces per-package builds (see docs/decisions/0002-build.md).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [join(root, "packages/cli/src/bin.ts")],
  outfile: join(root, "dist/vizier.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  // Native or optional modules stay outside the bundle and resolve from node_modules.
  external: ["better-sqlite3", "pg-native", "pg", "pg-copy-streams", "exceljs"],
  banner: {
    js: "import { createRequire as __vizierCreateRequire } from 'node:module'; const require = __vizierCreateRequire(import.meta.url);",
  },
});
