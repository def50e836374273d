/**
 * Politie: the BVH register (persons, vehicles looked up at the RDW, incidents and arrests) as
 * semicolon-separated CRLF exports with Dutch dates, and the operators' call detail records of
 * the tapped numbers (comma-separated, ISO timestamps) in a compartment for the case.
 */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Rand } from "../rng";
import { delimitedSink } from "../sink";
import { formatDate, LOW, maybe, noisyName } from "../noise";
import { nlPlate, plateAt } from "../ids";
import { CAR_MAKES, COLOURS } from "../pools";
import type { PersonRec } from "../population";
import { COUNTRY_NL, PERIOD, addDays, interleave, momentIn, rowsAt, type FileSpec, type GenContext, type Source } from "../context";
import { INCIDENTS_MAPPING, PERSONS_MAPPING, VEHICLES_MAPPING } from "./police-mappings";
import { writeTap } from "./police-tap";

const CSV = { delimiter: ";", crlf: true } as const;
const BIRTHPLACES: Record<string, readonly string[]> = {
  ma: ["Casablanca", "Nador", "Tanger", "Al Hoceima"], tr: ["İstanbul", "Ankara", "Kayseri", "Konya"], co: ["Medellín", "Cali", "Bogotá"],
  de: ["Köln", "Düsseldorf"], gb: ["Liverpool", "London"], be: ["Antwerpen", "Gent"],
};

/** Police registration number of background person `idx` (one per real person, as in BVH). */
export function policeNumber(idx: number): string {
  return `31${String(idx).padStart(8, "0")}`;
}

/** Distinct population indices for the `i`-th registered person (a stride walk, no repeats). */
export function registeredIndex(i: number, persons: number): number {
  let stride = 7919;
  while (gcd(stride, persons) !== 1) stride += 2;
  return (i * stride + 17) % persons;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export const police: Source = {
  agency: "POLITIE",
  datasets: [
    {
      name: "politie-bvh", label: "Politie: BVH persons, vehicles and incidents", agency: "POLITIE", legalBasis: "Wet politiegegevens art. 8 (daily police work)",
      purpose: "Police tasks", handling: "AMBER", reliability: "B2", retention: "P5Y", compartment: "", description: "Persons, vehicles and incidents from the police register (generated)",
    },
    {
      name: "politie-tap", label: "Politie: call detail records of tapped numbers", agency: "POLITIE", legalBasis: "Wetboek van Strafvordering art. 126n (traffic data)",
      purpose: "Criminal investigation NL-2026-0042", handling: "RED", reliability: "A1", retention: "P1Y", compartment: "case:NL-2026-0042", description: "Operator call detail records for the case (generated)",
    },
  ],
  write(ctx) {
    const files = [writePersons(ctx), writeVehicles(ctx), writeIncidents(ctx), writeTap(ctx)];
    return files;
  },
};

function mapping(ctx: GenContext, file: string, text: string): string {
  writeFileSync(join(ctx.out, file), text);
  return file;
}

function writePersons(ctx: GenContext): FileSpec {
  const file = "politie/personen.csv";
  const sink = delimitedSink(join(ctx.out, file), ["registratienummer", "achternaam", "voornamen", "geboortedatum", "geboorteplaats", "nationaliteit", "straat", "huisnummer", "postcode", "woonplaats", "telefoon", "rol"], CSV);
  const r = Rand.of(ctx.seed, "police-persons");
  const write = (p: PersonRec, number: string, rr: Rand, role: string) => {
    const n = noisyName(rr, p.first, p.last, LOW);
    const place = p.origin === "nl" ? p.address.city : rr.pick(BIRTHPLACES[p.origin] ?? ["onbekend"]);
    sink.row([number, n.last, n.first, maybe(rr, formatDate(p.birth, "nl"), LOW), maybe(rr, place, LOW), COUNTRY_NL[p.nationality] ?? p.nationality,
      p.address.street, p.address.number, p.address.postcode, p.address.city, rr.chance(0.6) ? p.phone : "", role]);
    ctx.truth.identity(file, number, "person", p.id, "person");
  };
  const c = ctx.cast;
  const planted: [PersonRec, string][] = [
    [c.boss, "verdachte"], [c.nominee, "betrokkene"], [c.logistics, "betrokkene"], [c.haulier, "betrokkene"], [c.cashCollector, "verdachte"],
    [c.partner, "betrokkene"], ...c.portWorkers.map((w): [PersonRec, string] => [w, "verdachte"]), [c.distributorDe, "verdachte"], [c.distributorUk, "verdachte"],
    ...c.mules.slice(0, 3).map((m): [PersonRec, string] => [m, "betrokkene"]),
  ];
  // The organiser is registered twice (an old registration from another unit, another spelling).
  const rows = [...planted.map(([p, role], k) => () => write(p, castNumber(k), Rand.of(ctx.seed, "police-cast", k), role)),
    () => write({ ...c.boss, first: "Mohamed", last: "El-Amrani" }, castNumber(90), Rand.of(ctx.seed, "police-cast", 90), "verdachte")];
  const n = Math.min(rowsAt(2500, ctx.scale), ctx.pop.persons);
  interleave(r, n, (i) => {
    const idx = registeredIndex(i, ctx.pop.persons);
    write(ctx.pop.person(idx), policeNumber(idx), Rand.of(ctx.seed, "police-person", idx), r.pick(["aangever", "getuige", "betrokkene", "verdachte"]));
  }, rows);
  sink.close();
  return spec("politie-bvh", file, mapping(ctx, "politie/personen.mapping.yml", PERSONS_MAPPING), sink.rows, "Police register persons (BVH)", ["registratienummer"]);
}

/** Registration numbers of planted persons (the `k`-th of the cast). */
export function castNumber(k: number): string {
  return `30${String(k).padStart(8, "0")}`;
}

function writeVehicles(ctx: GenContext): FileSpec {
  const file = "politie/voertuigen.csv";
  const sink = delimitedSink(join(ctx.out, file), ["kenteken", "merk", "handelsbenaming", "kleur", "voertuigsoort", "datum_tenaamstelling", "houder_soort", "houder_naam", "houder_geboortedatum", "houder_kvk", "houder_adres"], CSV);
  const r = Rand.of(ctx.seed, "police-vehicles");
  const addr = (a: PersonRec["address"]) => `${a.street} ${a.number}, ${a.postcode} ${a.city}`;
  const person = (p: PersonRec, rr: Rand, make: string, model: string, soort = "personenauto", plate = nlPlate(rr)) => {
    const n = noisyName(rr, p.first, p.last, LOW);
    sink.row([plate, make, model, rr.pick(COLOURS), soort, formatDate(momentIn(rr, "2018-01-01", PERIOD.to), "nl"), "natuurlijk persoon", n.full, formatDate(p.birth, "nl"), "", addr(p.address)]);
    ctx.truth.identity(file, plate, "holder", p.id, "person");
  };
  const company = (name: string, kvk: string, a: PersonRec["address"], id: string, rr: Rand, make: string, model: string, soort: string, plate = nlPlate(rr)) => {
    sink.row([plate, make, model, rr.pick(COLOURS), soort, formatDate(momentIn(rr, "2018-01-01", PERIOD.to), "nl"), "rechtspersoon", name, "", kvk, addr(a)]);
    ctx.truth.identity(file, plate, "holder", id, "company");
  };
  const c = ctx.cast;
  const cr = Rand.of(ctx.seed, "police-vehicles-cast");
  const planted = [
    () => company(`${c.carRental.base} ${c.carRental.form}`, c.carRental.kvk, c.carRental.address, c.carRental.id, cr, "BMW", "X5", "personenauto"),
    () => company(`${c.carRental.base} ${c.carRental.form}`, c.carRental.kvk, c.carRental.address, c.carRental.id, cr, "Audi", "Q7", "personenauto"),
    ...[0, 1, 2].map(() => () => company(`${c.transport.base} ${c.transport.form}`, c.transport.kvk, c.transport.address, c.transport.id, cr, "Mercedes-Benz", "Sprinter", "bedrijfsauto")),
    () => person(c.nominee, cr, "Volkswagen", "Transporter", "bedrijfsauto"),
    () => person({ ...c.portWorkers[0]!, address: c.stashes[1]! }, cr, "Volkswagen", "Golf"),
    () => person(c.cashCollector, cr, "Mercedes-Benz", "C-klasse"),
  ];
  interleave(r, rowsAt(1500, ctx.scale), (i) => {
    const rr = Rand.of(ctx.seed, "vehicle", i);
    const car = rr.pick(CAR_MAKES);
    if (rr.chance(0.25)) {
      const co = ctx.pop.company(Math.floor(rr.float() * ctx.pop.companies));
      company(`${co.base} ${co.form}`.trim(), co.kvk, co.address, co.id, rr, car.make, rr.pick(car.models), "bedrijfsauto", plateAt(i));
    } else person(ctx.pop.person(ctx.pop.anyPerson(rr)), rr, car.make, rr.pick(car.models), "personenauto", plateAt(i));
  }, planted);
  sink.close();
  return spec("politie-bvh", file, mapping(ctx, "politie/voertuigen.mapping.yml", VEHICLES_MAPPING), sink.rows, "Vehicle registrations (RDW look-ups)", ["kenteken"]);
}

const INCIDENTS = ["winkeldiefstal", "verkeersongeval", "inbraak woning", "overlast", "openlijke geweldpleging", "fietsdiefstal", "vernieling", "rijden onder invloed"];

function writeIncidents(ctx: GenContext): FileSpec {
  const file = "politie/incidenten.csv";
  const sink = delimitedSink(join(ctx.out, file), ["incidentnummer", "datum", "soort", "omschrijving", "straat", "plaats", "betrokkene_registratienummer", "betrokkene_naam", "betrokkene_geboortedatum", "rol"], CSV);
  const r = Rand.of(ctx.seed, "police-incidents");
  let seq = 0;
  const row = (date: string, kind: string, text: string, street: string, city: string, who: PersonRec, number: string, role: string, id = `PL${String(++seq).padStart(7, "0")}-2026`) => {
    sink.row([id, formatDate(date, "nl"), kind, text, street, city, number, `${who.first} ${who.last}`, formatDate(who.birth, "nl"), role]);
    ctx.truth.identity(file, `${id}/${number}`, "involved", who.id, "person");
  };
  const c = ctx.cast;
  const cr = Rand.of(ctx.seed, "police-incidents-cast");
  const arrest = addDays(PERIOD.caseFrom, cr.int(120, 150));
  const stash = c.stashes[0]!;
  const planted = [
    () => { const id = "PL9000001-2026"; row(arrest, "aanhouding", "Twee personen aangehouden bij uithalen container op haventerrein Maasvlakte", "Europaweg", "Rotterdam", c.portWorkers[0]!, castNumber(6), "verdachte", id); row(arrest, "aanhouding", "Tweede verdachte aangehouden bij uithalen container", "Europaweg", "Rotterdam", c.portWorkers[1]!, castNumber(7), "verdachte", id); },
    () => row(addDays(arrest, 9), "doorzoeking", `Doorzoeking opslagruimte, verpakkingsmateriaal aangetroffen (${stash.street} ${stash.number})`, `${stash.street} ${stash.number}`, stash.city, c.haulier, castNumber(3), "betrokkene"),
    () => row(addDays(PERIOD.caseFrom, cr.int(60, 100)), "verkeerscontrole", "Bestelbus met Duits kenteken bij Venlo, verborgen ruimte in laadvloer", "A67", "Venlo", c.distributorDe, castNumber(9), "verdachte"),
    () => row(addDays(PERIOD.caseFrom, cr.int(30, 60)), "melding ongebruikelijke contante betaling", "Contante aankoop auto (EUR 38.000) bij dealer", "Marconistraat", "Rotterdam", c.cashCollector, castNumber(4), "betrokkene"),
  ];
  const n = Math.min(rowsAt(2500, ctx.scale), ctx.pop.persons);
  interleave(r, rowsAt(1500, ctx.scale), () => {
    const idx = registeredIndex(Math.floor(r.float() * n), ctx.pop.persons);
    const p = ctx.pop.person(idx);
    row(momentIn(r, PERIOD.from, PERIOD.to), r.pick(INCIDENTS), "", p.address.street, p.address.city, p, policeNumber(idx), r.pick(["aangever", "verdachte", "getuige"]));
  }, planted);
  sink.close();
  return spec("politie-bvh", file, mapping(ctx, "politie/incidenten.mapping.yml", INCIDENTS_MAPPING), sink.rows, "Incidents and arrests, one row per person involved", ["incidentnummer", "betrokkene_registratienummer"]);
}

export function spec(dataset: string, file: string, mappingFile: string, rows: number, description: string, recordKey: string[], format: FileSpec["format"] = "csv", encoding: FileSpec["encoding"] = "utf-8"): FileSpec {
  return { dataset, file, mapping: mappingFile, rows, format, encoding, description, recordKey };
}
