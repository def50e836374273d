/**
 * Foreign partners via liaison officers: a Belgian seizure list from Antwerp, Colombian police
 * information (Windows-1252), and a UAE company register extract (US dates).
 */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Rand } from "../rng";
import { delimitedSink } from "../sink";
import { asciiFold, formatDate, HIGH, companyName, noisyName } from "../noise";
import { containerNumber } from "../ids";
import { NAMES } from "../pools";
import type { PersonRec } from "../population";
import { PERIOD, addDays, interleave, momentIn, rowsAt, type FileSpec, type GenContext, type Source } from "../context";
import { AE_MAPPING, BE_MAPPING, CO_MAPPING } from "./foreign-mappings";
import { caseShipments } from "./customs";
import { foreignCompany } from "./foreign-companies";
import { spec } from "./police";

export const foreign: Source = {
  agency: "BE-FGP, CO-DIJIN, AE-REG",
  datasets: [
    { name: "be-fgp", label: "BE FGP: seizures in the port of Antwerp", agency: "BE-FGP", legalBasis: "Benelux-politieverdrag 2018 art. 11 (information on request)", purpose: "Criminal investigation NL-2026-0042",
      handling: "H2", reliability: "B2", retention: "P5Y", compartment: "", description: "Seizures in Antwerp shared by the Belgian liaison officer (generated)" },
    { name: "co-dijin", label: "CO DIJIN: persons of interest", agency: "CO-DIJIN", legalBasis: "MLA treaty NL–CO 2013 art. 2 (mutual legal assistance)", purpose: "Criminal investigation NL-2026-0042",
      handling: "H1", reliability: "C3", retention: "P5Y", compartment: "", description: "Colombian police information via the liaison officer (generated)" },
    { name: "ae-register", label: "UAE company register extract", agency: "AE-REG", legalBasis: "Public register extract obtained via the liaison officer", purpose: "Company information",
      handling: "GREEN", reliability: "B1", retention: "P5Y", compartment: "", description: "Dubai companies, managers and partners (generated)" },
  ],
  write: (ctx) => [writeBelgium(ctx), writeColombia(ctx), writeUae(ctx)],
};

function writeBelgium(ctx: GenContext): FileSpec {
  const file = "buitenland/be-fgp-antwerpen.csv";
  const sink = delimitedSink(join(ctx.out, file), ["pv_nummer", "datum", "container", "cognossement", "aangegeven_goederen", "goederen", "gewicht_kg", "afzender", "bestemmeling", "opmerking"], { delimiter: ";", crlf: true });
  const c = ctx.cast;
  const antwerp = caseShipments(ctx).filter((s) => s.antwerp);
  const hit = antwerp[1] ?? antwerp[0]!;
  const planted = [() => {
    sink.row(["AN.55.L1.012345/26", formatDate(addDays(hit.arrival, 1), "nl-slash"), hit.container, hit.bl, "Bananen (Cavendish)", "cocaïne", "650",
      "FRUTAS DEL PACIFICO S.A.", "VERDI FRESH IMPORT BV", "Bestemming Rotterdam per vrachtwagen; ophaling gepland door Transport Van Dijk"]);
    ctx.truth.identity(file, "AN.55.L1.012345/26", "consignor", c.exporter.id, "company");
    ctx.truth.identity(file, "AN.55.L1.012345/26", "consignee", c.importer.id, "company");
  }];
  interleave(Rand.of(ctx.seed, "be"), rowsAt(12, ctx.scale, 3), (i) => {
    const rr = Rand.of(ctx.seed, "be-row", i);
    const f = foreignCompany(ctx.seed, 100_000 + i);
    const to = ctx.pop.company(Math.floor(rr.float() * ctx.pop.companies));
    const id = `AN.55.L1.${String(200_000 + i)}/26`;
    sink.row([id, formatDate(momentIn(rr, PERIOD.from, PERIOD.to), "nl-slash"), containerNumber(rr), `${rr.letters(4)}${rr.digits(8)}`, rr.pick(["Fruit", "Meubelen", "Textiel"]),
      rr.pick(["cocaïne", "sigaretten", "namaakgoederen"]), String(rr.int(20, 900)), f.name.toUpperCase(), companyName(rr, to.base, to.form, HIGH).toUpperCase(), ""]);
    ctx.truth.identity(file, id, "consignor", f.id, "company");
    ctx.truth.identity(file, id, "consignee", to.id, "company");
  }, planted);
  sink.close();
  writeFileSync(join(ctx.out, "buitenland/be-fgp-antwerpen.mapping.yml"), BE_MAPPING);
  return spec("be-fgp", file, "buitenland/be-fgp-antwerpen.mapping.yml", sink.rows, "Seizures in the port of Antwerp", ["pv_nummer"]);
}

/** A Colombian person of the background: a pure function of (seed, k). */
function colombian(seed: number, k: number): PersonRec {
  const r = Rand.of(seed, "colombian", k);
  const pool = NAMES.co;
  const gender = r.chance(0.7) ? "m" : "f";
  return {
    id: `CO${k}`, origin: "co", gender, first: r.pick(gender === "m" ? pool.male : pool.female), last: r.pick(pool.last),
    birth: `${r.int(1955, 2000)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`, nationality: "CO",
    address: { street: "", number: "", postcode: "", city: r.pick(["Medellín", "Cali", "Bogotá", "Cartagena"]), country: "CO" }, phone: `+57 3${r.digits(9)}`, iban: "", passport: "",
  };
}

function writeColombia(ctx: GenContext): FileSpec {
  const file = "buitenland/co-dijin-personas.csv";
  const sink = delimitedSink(join(ctx.out, file), ["cedula", "apellidos", "nombres", "fecha_nacimiento", "alias", "telefono", "organizacion", "anotacion"], { delimiter: ",", encoding: "windows-1252", crlf: true });
  let seq = 0;
  const row = (p: PersonRec, rr: Rand, alias: string, org: string, note: string, orgEntity?: string) => {
    const cedula = String(70_000_000 + ++seq * 37);
    const n = noisyName(rr, p.first, p.last, HIGH);
    sink.row([cedula, n.last.toUpperCase(), n.first.toUpperCase(), formatDate(p.birth, "nl-slash"), alias, p.phone, org, note]);
    ctx.truth.identity(file, cedula, "person", p.id, "person");
    if (orgEntity) ctx.truth.identity(file, cedula, "organization", orgEntity, "company");
  };
  const c = ctx.cast;
  const cr = Rand.of(ctx.seed, "co-cast");
  const planted = [
    () => row(c.supplier, cr, "El Químico", "Clan del Golfo", "Proveedor de cocaína; envíos en contenedores de banano vía Guayaquil; contacto en Holanda: MOHAMED AMRANI"),
    () => row(c.exporterDirector, cr, "", "Frutas del Pacífico S.A.", "Representante legal de la exportadora de banano en Guayaquil (Ecuador); vínculos con RESTREPO", c.exporter.id),
  ];
  interleave(Rand.of(ctx.seed, "co"), rowsAt(150, ctx.scale, 5), (k) => {
    const rr = Rand.of(ctx.seed, "co-row", k);
    row(colombian(ctx.seed, k), rr, rr.chance(0.2) ? rr.pick(["El Flaco", "El Mono", "La Reina", "Pecas", "El Paisa"]) : "", rr.chance(0.3) ? rr.pick(["Clan del Golfo", "Los Pachenca", "La Oficina"]) : "", "");
  }, planted);
  sink.close();
  writeFileSync(join(ctx.out, "buitenland/co-dijin-personas.mapping.yml"), CO_MAPPING);
  return spec("co-dijin", file, "buitenland/co-dijin-personas.mapping.yml", sink.rows, "Colombian police information on persons of interest", ["cedula"], "csv", "windows-1252");
}

const ACTIVITIES = ["General Trading", "Foodstuff Trading", "Real Estate Brokerage", "Gold & Jewellery Trading", "Logistics Services", "Car Rental", "IT Consultancy"];
const AE_FIRST = ["Rashid", "Khalid", "Omar", "Saeed", "Ali", "Hamdan", "Faisal", "Ahmed", "Yousef", "Majid"];
const AE_LAST = ["Al Mansouri", "Al Falasi", "Al Nuaimi", "Al Mazrouei", "Al Shamsi", "Al Ketbi", "Al Suwaidi", "Al Marri"];

function writeUae(ctx: GenContext): FileSpec {
  const file = "buitenland/ae-register.csv";
  const sink = delimitedSink(join(ctx.out, file), ["license_no", "company_name", "legal_form", "emirate", "activity", "issue_date", "manager_name", "manager_nationality", "manager_passport", "partner_name", "partner_nationality"], { delimiter: "," });
  const c = ctx.cast;
  const cr = Rand.of(ctx.seed, "ae-cast");
  const planted = [
    () => {
      const lic = "DED-" + cr.digits(6);
      sink.row([lic, `${c.dubai.base} ${c.dubai.form}`, "Limited Liability Company", "Dubai", "General Trading", formatDate(c.dubai.founded, "us"), "RASHID AL MANSOORI", "ARE", c.banker.passport, "", ""]);
      ctx.truth.identity(file, lic, "company", c.dubai.id, "company");
      ctx.truth.identity(file, lic, "manager", c.banker.id, "person");
    },
    () => {
      const lic = "DMCC-" + cr.digits(6);
      sink.row([lic, "Emirates Fresh Produce FZ-LLC", "Free Zone Limited Liability Company", "Dubai", "Foodstuff Trading", formatDate(addDays(PERIOD.caseFrom, -200), "us"), "RASHID AL MANSOORI", "ARE", c.banker.passport, "MOHAMMED ELAMRANI", "NLD"]);
      ctx.truth.identity(file, lic, "manager", c.banker.id, "person");
      ctx.truth.identity(file, lic, "partner", c.boss.id, "person");
    },
  ];
  interleave(Rand.of(ctx.seed, "ae"), rowsAt(300, ctx.scale, 5), (k) => {
    const rr = Rand.of(ctx.seed, "ae-row", k);
    const lic = `DED-${String(300_000 + k)}`;
    const manager = `${rr.pick(AE_FIRST)} ${rr.pick(AE_LAST)}`.toUpperCase();
    const partner = rr.chance(0.3) ? ctx.pop.person(ctx.pop.anyPerson(rr)) : undefined;
    sink.row([lic, `${rr.pick(["Al Noor", "Gulf Star", "Desert Rose", "Falcon", "Emirates Pearl", "Creek Side", "Palm"])} ${rr.pick(ACTIVITIES)} ${rr.pick(["LLC", "L.L.C.", "FZE", "FZ-LLC"])}`,
      "Limited Liability Company", rr.pick(["Dubai", "Sharjah", "Abu Dhabi"]), rr.pick(ACTIVITIES), formatDate(momentIn(rr, "2005-01-01", "2025-12-31"), "us"), manager, rr.pick(["ARE", "IND", "PAK", "EGY"]),
      `${rr.letters(1)}${rr.digits(7)}`, partner ? asciiFold(`${partner.first} ${partner.last}`).toUpperCase() : "", partner ? "NLD" : ""]);
    if (partner) ctx.truth.identity(file, lic, "partner", partner.id, "person");
  }, planted);
  sink.close();
  writeFileSync(join(ctx.out, "buitenland/ae-register.mapping.yml"), AE_MAPPING);
  return spec("ae-register", file, "buitenland/ae-register.mapping.yml", sink.rows, "UAE company register extract", ["license_no"]);
}
