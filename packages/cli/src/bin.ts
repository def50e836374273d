import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { enableWorkerTasks } from "@vizier/model";
import { main } from "./main";

// In a worker thread started for a CPU-heavy task (model/threads.ts) this file runs the task only;
// the bundle is split per command, so the task's module is loaded explicitly.
const loaders = { "er.compare": () => import("@vizier/resolution"), "ingest.map": () => import("@vizier/core/ingest") };
if (!(await enableWorkerTasks(fileURLToPath(import.meta.url), availableParallelism(), loaders))) {
  // `vizier export | head`: a reader that stops early is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  // The only place that reads process.env and argv.
  const { VIZIER_DB, VIZIER_PURPOSE, VIZIER_CONFIG, VIZIER_TOKEN } = process.env;
  main(process.argv, { VIZIER_DB, VIZIER_PURPOSE, VIZIER_CONFIG, VIZIER_TOKEN }).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => { process.stderr.write(`vizier: ${String(err)}\n`); process.exitCode = 1; },
  );
}
