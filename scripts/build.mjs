// Bundles the CLI into dist/vizier.mjs with esbuild. Workspace packages export TypeScript
// sources, so one bundle step replaces per-package builds (see docs/decisions/0001). The bundle is
// split: each top-level command is a chunk loaded on demand (packages/cli/src/main.ts), so a
// command compiles only the code it uses. Chunk names carry a content hash; old ones are harmless.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: { vizier: join(root, "packages/cli/src/bin.ts") },
  outdir: join(root, "dist"),
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  outExtension: { ".js": ".mjs" },
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

// The web UI (packages/web, React + Vite) into packages/web/dist, served by `vizier serve`/`vizier demo`
// (packages/server/src/static.ts). Skipped with VIZIER_SKIP_WEB=1.
if (process.env.VIZIER_SKIP_WEB !== "1") {
  const { build: viteBuild } = await import("vite");
  await viteBuild({ root: join(root, "packages/web"), configFile: join(root, "packages/web/vite.config.ts"), logLevel: "warn" });
}
