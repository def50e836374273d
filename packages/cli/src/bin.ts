import { main } from "./main";

// The only place that reads process.env and argv.
const { VIZIER_DB, VIZIER_PURPOSE, VIZIER_CONFIG, VIZIER_TOKEN } = process.env;
main(process.argv, { VIZIER_DB, VIZIER_PURPOSE, VIZIER_CONFIG, VIZIER_TOKEN }).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { process.stderr.write(`vizier: ${String(err)}\n`); process.exitCode = 1; },
);
