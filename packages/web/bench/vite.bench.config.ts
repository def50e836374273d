import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/** Builds the fps benchmark page (packages/web/bench/fps) into a temp dir given by VIZIER_BENCH_OUT. */
export default defineConfig({
  root: `${import.meta.dirname}/fps`,
  base: "./",
  plugins: [react()],
  logLevel: "warn",
  build: { outDir: process.env["VIZIER_BENCH_OUT"] ?? "/tmp/vizier-fps", emptyOutDir: true, chunkSizeWarningLimit: 5000 },
});
