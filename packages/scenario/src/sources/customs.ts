/**
 * Douane: import declarations (containers, bills of lading, HS codes, ports, consignor and
 * consignee, scan-image references) and seizures. The case: banana containers from the Guayaquil
 * exporter to the new Rotterdam importer, one of which is seized with cocaine.
 */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Rand } from "../rng";
import { delimitedSink } from "../sink";
import { asciiFold, companyName, formatDate, HIGH, LOW } from "../noise";
import { containerNumber } from "../ids";
import { CARRIERS, GOODS, PORTS } from "../pools";
import { addressLine, type CompanyRec } from "../population";
import { PERIOD, addDays, interleave, momentIn, rowsAt, type FileSpec, type GenContext, type Source } from "../context";
import { DECLARATIONS_MAPPING, SEIZURES_MAPPING } from "./customs-mappings";
import { foreignCompany } from "./foreign-companies";
import { spec } from "./police";

const HEADER = ["declaration_no", "bl_number", "container_no", "hs_code", "goods", "gross_kg", "port_of_loading", "loading_country", "port_of_transit", "port_of_discharge", "origin_country",
  "consignor_name", "consignor_country", "consignor_address", "consignee_name", "consignee_eori", "consignee_address", "notify_party", "carrier", "departure", "arrival", "scan_image"];

/** Declaration number (MRN-like) of background declaration `i`; planted ones use the 9… range. */
export function declarationNo(i: number): string {
  return `26NL${String(i).padStart(12, "0")}A1`;
}

export function eori(c: CompanyRec): string {
  return `NL${c.kvk}0`;
}

export const customs: Source = {
  agency: "DOUANE",
  datasets: [{
    name: "douane", label: "Douane: import declarations and seizures", agency: "DOUANE", legalBasis: "Algemene douanewet art. 1:33",
    purpose: "Customs supervision and enforcement", handling: "AMBER", reliability: "A2", retention: "P5Y", compartment: "", description: "Container import declarations and seizures (generated)",
  }],
  write: (ctx) => [writeDeclarations(ctx), writeSeizures(ctx)],
};

/** The planted banana shipments (also used by the Belgian seizure and the flows). */
export function caseShipments(ctx: GenContext): { no: string; container: string; bl: string; arrival: string; antwerp: boolean }[] {
  const r = Rand.of(ctx.seed, "case-shipments");
  return Array.from({ length: 14 }, (_, k) => {
    const arrival = addDays(PERIOD.caseFrom, 7 + k * 13 + r.int(0, 5));
    return { no: `26NL9${String(k).padStart(11, "0")}A1`, container: containerNumber(r), bl: `MEDU${r.digits(7)}`, arrival, antwerp: k % 4 === 3 };
  });
}

function writeDeclarations(ctx: GenContext): FileSpec {
  const file = "douane/aangiften.csv";
  const sink = delimitedSink(join(ctx.out, file), HEADER, { delimiter: ",", quoteAll: true });
  const r = Rand.of(ctx.seed, "customs-declarations");
  const foreign = Math.max(30, Math.round(600 * ctx.scale));
  const c = ctx.cast;
  const cr = Rand.of(ctx.seed, "customs-cast");
  const planted = caseShipments(ctx).filter((s) => !s.antwerp).map((s) => () => {
    const departure = addDays(s.arrival, -cr.int(17, 21));
    const consignor = companyName(cr, cr.chance(0.5) ? c.exporter.base : asciiFold(c.exporter.base).toUpperCase(), c.exporter.form, HIGH);
    sink.row([s.no, s.bl, s.container, "0803.90", "Bananas, fresh (Cavendish), 1.320 boxes", 21_500 + cr.int(-400, 400), "Guayaquil", "EC", cr.chance(0.3) ? "Cartagena" : "", "Rotterdam", "EC",
      consignor, "EC", addressLine(c.exporter.address), companyName(cr, c.importer.base, c.importer.form, LOW), eori(c.importer), addressLine(c.importer.address),
      `${c.transport.base} ${c.transport.form}`, "MSC", departure, s.arrival, cr.chance(0.2) ? `scan://ECT/${s.arrival.slice(0, 4)}/${s.container}.jpg` : ""]);
    ctx.truth.identity(file, s.no, "consignor", c.exporter.id, "company");
    ctx.truth.identity(file, s.no, "consignee", c.importer.id, "company");
    ctx.truth.identity(file, s.no, "notify", c.transport.id, "company");
  });
  interleave(r, rowsAt(5000, ctx.scale), (i) => {
    const rr = Rand.of(ctx.seed, "declaration", i);
    const banana = rr.chance(0.06);
    const f = foreignCompany(ctx.seed, Math.floor(rr.float() * foreign));
    const port = banana ? rr.pick(PORTS.filter((p) => p.country === "EC" || p.country === "CO" || p.country === "CR")) : PORTS.find((p) => p.name === f.port) ?? rr.pick(PORTS);
    const goods = banana ? GOODS[0]! : rr.pick(GOODS);
    const consignee = ctx.pop.company(Math.floor(rr.float() * ctx.pop.companies));
    const arrival = momentIn(rr, PERIOD.from, PERIOD.to).slice(0, 10);
    const no = declarationNo(i);
    const container = containerNumber(rr);
    sink.row([no, `${rr.letters(4)}${rr.digits(8)}`, container, goods.hs, goods.text, rr.int(2_000, 28_000), port.name, port.country, rr.chance(0.2) ? rr.pick(PORTS).name : "", rr.chance(0.92) ? "Rotterdam" : "Amsterdam", port.country,
      f.name, f.country, f.address, companyName(rr, consignee.base, consignee.form, LOW), eori(consignee), addressLine(consignee.address),
      rr.chance(0.3) ? `${ctx.pop.company(Math.floor(rr.float() * ctx.pop.companies)).base} Logistics` : "", rr.pick(CARRIERS), addDays(arrival, -rr.int(12, 40)), arrival,
      rr.chance(0.03) ? `scan://ECT/${arrival.slice(0, 4)}/${container}.jpg` : ""]);
    ctx.truth.identity(file, no, "consignor", f.id, "company");
    ctx.truth.identity(file, no, "consignee", consignee.id, "company");
  }, planted);
  sink.close();
  writeFileSync(join(ctx.out, "douane/aangiften.mapping.yml"), DECLARATIONS_MAPPING);
  return spec("douane", file, "douane/aangiften.mapping.yml", sink.rows, "Import declarations: containers, bills of lading, HS codes, parties", ["declaration_no"]);
}

const SEIZED = [["sigaretten", "stuks"], ["namaak sportschoenen", "paar"], ["namaak horloges", "stuks"], ["shag", "kg"], ["vuurwerk", "kg"]] as const;

function writeSeizures(ctx: GenContext): FileSpec {
  const file = "douane/inbeslagnames.csv";
  const sink = delimitedSink(join(ctx.out, file), ["zaaknummer", "datum", "goederen", "hoeveelheid", "eenheid", "plaats", "aangiftenummer", "container", "verdachte_naam"], { delimiter: ";", crlf: true });
  const r = Rand.of(ctx.seed, "customs-seizures");
  const declarations = rowsAt(5000, ctx.scale);
  const c = ctx.cast;
  const seized = caseShipments(ctx).filter((s) => !s.antwerp)[6]!;
  const planted = [() => {
    sink.row(["DOU-2026-000480", formatDate(addDays(seized.arrival, 2), "nl"), "cocaïne (verborgen tussen bananendozen)", "480", "kg", "Rotterdam, ECT Delta", seized.no, seized.container, `${c.importer.base} ${c.importer.form}`]);
    ctx.truth.identity(file, "DOU-2026-000480", "suspect", c.importer.id, "company");
  }];
  interleave(r, rowsAt(20, ctx.scale, 3), (i) => {
    const rr = Rand.of(ctx.seed, "seizure", i);
    const d = Math.floor(rr.float() * declarations);
    const [goods, unit] = rr.pick(SEIZED);
    const id = `DOU-2026-${String(i + 1).padStart(6, "0")}`;
    sink.row([id, formatDate(momentIn(rr, PERIOD.from, PERIOD.to), "nl"), goods, String(rr.int(10, 5000)), unit, "Rotterdam", declarationNo(d), "", ""]);
  }, planted);
  sink.close();
  writeFileSync(join(ctx.out, "douane/inbeslagnames.mapping.yml"), SEIZURES_MAPPING);
  return spec("douane", file, "douane/inbeslagnames.mapping.yml", sink.rows, "Customs seizures", ["zaaknummer"]);
}
