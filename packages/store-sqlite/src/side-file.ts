import { dirname, join } from "node:path";

/**
 * Where a file that belongs to a store lives beside it: `<kind>.db` beside `vizier.db`, or
 * `x.<kind>.db` beside `x.db` (`jobs`: the job table, decision 0004; `audit`: the audit chain,
 * decision 0006 amendment 3).
 */
export function sideLocation(storeLocation: string, kind: string): string {
  return /\/vizier\.db$/.test(storeLocation) || storeLocation === "vizier.db"
    ? join(dirname(storeLocation), `${kind}.db`)
    : storeLocation.replace(/\.(db|sqlite3?)$/i, `.${kind}.$1`);
}
