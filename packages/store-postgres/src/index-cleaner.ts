/**
 * Merges the word index's pending list on a second connection while an ingest run goes on
 * (docs/decisions/0007-postgres-blocks.md, amendment). GIN's pending list holds index entries, not
 * rows: another session can move them into the index's main tree while the run's transaction is
 * still open — what autovacuum does after any insert — without seeing or committing the run's
 * rows. If the run rolls back, those entries point at dead rows, which searches skip (they check
 * the rows) and VACUUM removes, as after any aborted insert. The run's own backend then spends its
 * CPU on the merge while this one does most of the GIN work on the other core.
 *
 * Best effort: an error only stops the helper; the commit merges what is left on the run's own
 * connection, as it always did.
 */
import type pg from "pg";
import { CLEAN_SEARCH_INDEX } from "./merge-sql";

export class IndexCleaner {
  private client: pg.Client | undefined;
  private running: Promise<void> | undefined;
  /** Poked while a merge ran: entries added since may have missed it, so it runs once more. */
  private again = false;
  private stopped = false;

  /** `connect` makes an unconnected client (application name "vizier-index"), used for the whole run. */
  constructor(private readonly connect: () => pg.Client) {}

  /** Starts merging the pending list, or once more after the merge that is running. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    this.running = (async () => {
      do {
        this.again = false;
        await this.clean();
      } while (this.again && !this.stopped);
    })().catch(() => { this.stopped = true; }).finally(() => { this.running = undefined; });
  }

  private async clean(): Promise<void> {
    if (!this.client) {
      const c = this.connect();
      // A connection that dies while idle emits 'error'; without a listener the process would crash.
      c.on("error", () => { this.stopped = true; });
      this.client = c;
      await c.connect();
      await c.query("SET maintenance_work_mem = '256MB'");
    }
    if (!this.stopped) await this.client.query(CLEAN_SEARCH_INDEX);
  }

  /**
   * Stops the helper and closes its connection. `wait`: let a merge in flight finish first (the
   * commit, whose own final merge would wait for it anyway); otherwise the connection is ended at
   * once and the server abandons the merge. Never throws.
   */
  async close(wait: boolean): Promise<void> {
    this.stopped = true;
    if (wait) await this.running;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
