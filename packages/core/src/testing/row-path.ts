import type { Statement } from "@vizier/model";
import { linkAudit } from "../audit/chain";
import { rowProvenance, runProvenance, toStatements } from "../ingest/statements";
import type { IngestRun, SourceRowEntities, StorePort } from "../ports/store";
import { testDataset } from "./fixtures";

/**
 * The row path's fixture, shared by the stores' tests: a writer's `writeRows` (mapped rows as they
 * are) must store exactly what `writeStatements` stores for the statements `toStatements` makes of
 * the same rows. Each store compares its own tables after `writeBothWays`.
 */
export const ROW_PATH_DATASET = testDataset("police", "A");
export const ROW_PATH_RUN: IngestRun = { id: "r1", dataset: "police", file: "in/people.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };

export type SourceRow = { row: number; entities: SourceRowEntities["entities"] };
const v = (prop: string, propType: string, value: string, original = value) => ({ prop, propType, value, original });

/** Rows as a mapping gives them: several entities a row, a link, cleaned values, a row mapping one entity twice; `awkward` text in two values. */
export function rowPathRows(awkward = { company: "", lastName: "" }): SourceRow[] {
  return [
    { row: 2, entities: [
      { id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("birthDate", "date", "1980-02-01", "01-02-1980"), v("passportNumber", "identifier", "AB-12.3")] },
      { id: "c1", schema: "Company", values: [v("name", "name", `Acme "B.V."${awkward.company}`)] },
      { id: "o1", schema: "Ownership", values: [v("owner", "entity", "p1"), v("asset", "entity", "c1")] },
    ] },
    { row: 3, entities: [
      { id: "p2", schema: "Person", values: [v("firstName", "name", "Ayşe"), v("phone", "phone", "+31 6 1234 5678", "06-12345678")] },
      { id: "p2", schema: "Person", values: [v("lastName", "name", `Yılmaz${awkward.lastName}`)] },
      { id: "p2", schema: "Company", values: [] },
    ] },
    { row: 4, entities: [{ id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("nationality", "country", "nl", "NL")] }] },
    { row: 5, entities: [{ id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("birthDate", "date", "1980-02-01", "01-02-1980"), v("passportNumber", "identifier", "AB-12.3")] }] },
  ];
}

/**
 * Writes `rows` into `viaStatements` as statements (a batch a row) and into `viaRows` through
 * `writeRows` in the batches `cuts` separates (row indexes), then commits both. Returns each
 * writer's run entity count and conflicts before commit, for the caller to compare.
 */
export async function writeBothWays(viaStatements: StorePort, viaRows: StorePort, rows: readonly SourceRow[], cuts: readonly number[]) {
  const prov = runProvenance(ROW_PATH_DATASET, ROW_PATH_RUN.id, new Date(ROW_PATH_RUN.startedAt), ROW_PATH_RUN.file);
  const a = await viaStatements.beginWrite(ROW_PATH_RUN);
  for (const r of rows) {
    const sts: Statement[] = [];
    for (const e of r.entities) toStatements(prov, r.row, e, sts);
    await a.writeStatements(sts);
  }
  const b = await viaRows.beginWrite(ROW_PATH_RUN);
  const mapped = rows.map((r) => ({ origin: `people.csv:${r.row}`, entities: r.entities }));
  const bounds = [0, ...cuts, mapped.length];
  for (let i = 0; i + 1 < bounds.length; i++) await b.writeRows!(rowProvenance(prov), mapped.slice(bounds[i], bounds[i + 1]));
  const before = {
    entities: [await a.runEntities(), await b.runEntities()],
    conflicts: [await a.conflicts(10), await b.conflicts(10)],
  };
  for (const w of [a, b]) await w.commit({ ...ROW_PATH_RUN, status: "committed" }, { entries: [], link: linkAudit });
  return before;
}
