import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The UI is served by `vizier serve` from packages/web/dist (packages/server/src/static.ts):
// same origin as the API, hashed asset names (served immutable), no inline scripts (strict CSP).
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
