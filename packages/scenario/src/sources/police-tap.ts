/** The operators' call detail records for the case (comma-separated, ISO timestamps). */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Rand } from "../rng";
import { delimitedSink } from "../sink";
import { imei } from "../ids";
import type { PersonRec } from "../population";
import { PERIOD, addDays, interleave, momentIn, rowsAt, type FileSpec, type GenContext } from "../context";
import { TAP_MAPPING } from "./police-mappings";

/** Who calls whom in the network, and how often (at scale 1; the case does not grow with scale). */
function contacts(ctx: GenContext): [PersonRec, PersonRec, number][] {
  const c = ctx.cast;
  return [
    [c.boss, c.supplier, 24], [c.boss, c.logistics, 30], [c.boss, c.cashCollector, 28], [c.boss, c.nominee, 10], [c.boss, c.haulier, 18],
    [c.boss, c.banker, 14], [c.boss, c.partner, 20], [c.supplier, c.exporterDirector, 12], [c.logistics, c.portWorkers[0]!, 16],
    [c.logistics, c.portWorkers[1]!, 12], [c.portWorkers[0]!, c.portWorkers[2]!, 10], [c.haulier, c.portWorkers[0]!, 14],
    [c.haulier, c.distributorDe, 9], [c.haulier, c.distributorUk, 7], [c.cashCollector, c.banker, 6],
    ...c.mules.map((m): [PersonRec, PersonRec, number] => [c.cashCollector, m, 4]),
  ];
}

export function writeTap(ctx: GenContext): FileSpec {
  const file = "politie/verkeersgegevens.csv";
  const sink = delimitedSink(join(ctx.out, file), ["cdr_id", "start", "duur_sec", "soort", "a_nummer", "a_imei", "a_abonnee", "b_nummer", "b_abonnee"], { delimiter: "," });
  const r = Rand.of(ctx.seed, "police-tap");
  let seq = 0;
  // Prepaid numbers have no subscriber; the organiser's second phone is one of them.
  const burner = `06-${r.int(1, 9)}${r.digits(7)}`;
  const burnerImei = imei(r);
  const subscriber = (p: PersonRec, rr: Rand) => (rr.chance(0.2) ? "" : `${p.first.charAt(0)}. ${p.last}`);
  const call = (a: PersonRec, b: PersonRec, at: string, rr: Rand, aNumber = a.phone, aImei = imei(rr), aName = subscriber(a, rr)) => {
    const id = `CDR${String(++seq).padStart(9, "0")}`;
    const sms = rr.chance(0.3);
    sink.row([id, at, sms ? 0 : rr.int(5, 900), sms ? "sms" : "call", aNumber, aImei, aName, b.phone, subscriber(b, rr)]);
    ctx.truth.identity(file, id, "caller", a.id, "person");
    ctx.truth.identity(file, id, "receiver", b.id, "person");
  };
  const cr = Rand.of(ctx.seed, "police-tap-cast");
  const planted: (() => void)[] = [];
  for (const [a, b, n] of contacts(ctx)) {
    for (let k = 0; k < n; k++) {
      const at = momentIn(cr, PERIOD.caseFrom, PERIOD.caseTo);
      const [x, y] = cr.chance(0.5) ? [a, b] : [b, a];
      // The organiser calls the supplier and the banker only from the prepaid phone.
      if (x === ctx.cast.boss && (y === ctx.cast.supplier || y === ctx.cast.banker)) planted.push(() => call(x, y, at, cr, burner, burnerImei, ""));
      else planted.push(() => call(x, y, at, cr));
    }
  }
  // Background: the tapped numbers' ordinary contacts (family, work, shops) and calls among them.
  const tapped = Array.from({ length: Math.max(20, Math.round(300 * ctx.scale)) }, () => ctx.pop.anyPerson(r));
  interleave(r, rowsAt(6000, ctx.scale), (i) => {
    const rr = Rand.of(ctx.seed, "tap", i);
    const a = ctx.pop.person(rr.pick(tapped));
    const b = ctx.pop.person(rr.chance(0.7) ? rr.pick(tapped) : ctx.pop.anyPerson(rr));
    if (a.id === b.id) return void call(a, ctx.pop.person(ctx.pop.anyPerson(rr)), momentIn(rr, addDays(PERIOD.caseFrom, -60), PERIOD.caseTo), rr);
    call(a, b, momentIn(rr, addDays(PERIOD.caseFrom, -60), PERIOD.caseTo), rr);
  }, planted);
  sink.close();
  writeFileSync(join(ctx.out, "politie/verkeersgegevens.mapping.yml"), TAP_MAPPING);
  return {
    dataset: "politie-tap", file, mapping: "politie/verkeersgegevens.mapping.yml", rows: sink.rows, format: "csv", encoding: "utf-8",
    description: "Call detail records of the tapped numbers", recordKey: ["cdr_id"],
  };
}
