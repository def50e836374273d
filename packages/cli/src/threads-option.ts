import { VizierError } from "@vizier/model";

/** Parses a `--threads <n>` option (1–64). */
export function parseThreads(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new VizierError("INVALID_ARGUMENT", `--threads must be a whole number from 1 to 64, not ${v}`);
  return n;
}
