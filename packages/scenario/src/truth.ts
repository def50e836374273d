/**
 * Ground truth written beside the generated files (docs/demo.md "Ground truth"):
 * - truth/identities.csv: file, record id, role in the record → the real entity it describes;
 * - truth/laundering.csv: FIU transaction id → planted typology and instance;
 * - truth/key-players.csv: the case's real entities ranked by importance, with their role.
 */
import { join } from "node:path";
import { delimitedSink, type RowSink } from "./sink";

export const IDENTITY_COLUMNS = ["file", "record", "role", "entity", "kind"] as const;
export const LAUNDERING_COLUMNS = ["transaction", "pattern", "instance", "description"] as const;
export const KEY_PLAYER_COLUMNS = ["rank", "entity", "name", "kind", "role"] as const;

export class Truth {
  private readonly ids: RowSink;
  private readonly tx: RowSink;
  private readonly keys: RowSink;

  constructor(out: string) {
    this.ids = delimitedSink(join(out, "truth/identities.csv"), IDENTITY_COLUMNS, { delimiter: "," });
    this.tx = delimitedSink(join(out, "truth/laundering.csv"), LAUNDERING_COLUMNS, { delimiter: "," });
    this.keys = delimitedSink(join(out, "truth/key-players.csv"), KEY_PLAYER_COLUMNS, { delimiter: "," });
  }

  /** Record `record` of `file` (path relative to the output folder) describes real entity `entity` in `role`. */
  identity(file: string, record: string, role: string, entity: string, kind: "person" | "company"): void {
    this.ids.row([file, record, role, entity, kind]);
  }

  laundering(tx: string, pattern: string, instance: string, description: string): void {
    this.tx.row([tx, pattern, instance, description]);
  }

  keyPlayer(rank: number, entity: string, name: string, kind: "person" | "company", role: string): void {
    this.keys.row([rank, entity, name, kind, role]);
  }

  get counts(): { identities: number; laundering: number; keyPlayers: number } {
    return { identities: this.ids.rows, laundering: this.tx.rows, keyPlayers: this.keys.rows };
  }

  close(): void {
    this.ids.close();
    this.tx.close();
    this.keys.close();
  }
}
