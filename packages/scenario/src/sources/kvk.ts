/** KvK Handelsregister: every company of the population plus the case's Dutch companies (public). */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { makeEntityId } from "@vizier/model";
import { Rand } from "../rng";
import { delimitedSink } from "../sink";
import { formatDate, LOW, legalFormVariant, noisyName } from "../noise";
import type { CompanyRec, PersonRec } from "../population";
import { interleave, type Source } from "../context";
import { spec } from "./police";

const MAPPING = `# KvK Handelsregister extract: comma-separated, dates dd-mm-jjjj, up to two directors per row.
kvk_handelsregister:
  queries:
    - entities:
        bedrijf:
          schema: Company
          keys: [kvk_nummer]
          key_literal: company
          properties:
            name: { column: handelsnaam }
            legalForm: { column: rechtsvorm }
            registrationNumber: { column: kvk_nummer }
            incorporationDate: { column: datum_oprichting, format: "%d-%m-%Y" }
            address: { columns: [straat, postcode, plaats], join: ", " }
            sector: { column: sbi_omschrijving }
            jurisdiction: { literal: NL }
        bestuurder:
          schema: Person
          keys: [bestuurder_naam, bestuurder_geboortedatum]
          properties:
            name: { column: bestuurder_naam, required: true }
            birthDate: { column: bestuurder_geboortedatum, format: "%d-%m-%Y" }
        bestuur:
          schema: Directorship
          keys: [kvk_nummer, bestuurder_naam, bestuurder_geboortedatum]
          properties:
            organization: { entity: bedrijf }
            director: { entity: bestuurder, required: true }
            role: { column: bestuurder_functie }
        bestuurder2:
          schema: Person
          keys: [bestuurder2_naam, bestuurder2_geboortedatum]
          properties:
            name: { column: bestuurder2_naam, required: true }
            birthDate: { column: bestuurder2_geboortedatum, format: "%d-%m-%Y" }
        bestuur2:
          schema: Directorship
          keys: [kvk_nummer, bestuurder2_naam, bestuurder2_geboortedatum]
          properties:
            organization: { entity: bedrijf }
            director: { entity: bestuurder2, required: true }
            role: { literal: bestuurder }
`;

/**
 * The id the ingest gives a company of this register: the mapping's `bedrijf` (keys [kvk_nummer],
 * key_literal company) in dataset kvk, by the same function (model/ids.ts). Other agencies' FtM files
 * that know the register's entity (FIOD's notes) carry it, so their statements meet on one entity.
 */
export function kvkCompanyId(kvkNumber: string): string {
  return makeEntityId("kvk", [kvkNumber.trim(), "company"]);
}

const FORMS: Record<string, string> = { "B.V.": "Besloten Vennootschap", "Holding B.V.": "Besloten Vennootschap", "V.O.F.": "Vennootschap onder firma", Eenmanszaak: "Eenmanszaak" };

export const kvk: Source = {
  agency: "KVK",
  datasets: [{
    name: "kvk", label: "KvK Handelsregister extract", agency: "KVK", legalBasis: "Handelsregisterwet 2007 art. 21 (public register)", purpose: "Public company register",
    handling: "GREEN", reliability: "A1", retention: "P10Y", compartment: "", description: "Companies and directors (generated)",
  }],
  write(ctx) {
    const file = "kvk/handelsregister.csv";
    const sink = delimitedSink(join(ctx.out, file), ["kvk_nummer", "handelsnaam", "rechtsvorm", "datum_oprichting", "straat", "postcode", "plaats", "sbi_omschrijving",
      "bestuurder_naam", "bestuurder_geboortedatum", "bestuurder_functie", "bestuurder2_naam", "bestuurder2_geboortedatum"], { delimiter: "," });
    const director = (p: PersonRec | undefined, rr: Rand): [string, string] => {
      if (!p) return ["", ""];
      const n = noisyName(rr, p.first, p.last, LOW);
      return [n.full, formatDate(p.birth, "nl")];
    };
    const row = (co: CompanyRec, rr: Rand, directors: PersonRec[] = co.directors) => {
      const form = FORMS[co.form] ?? legalFormVariant(rr, co.form);
      const base = co.form === "Eenmanszaak" ? co.base : `${co.base} ${co.form}`;
      const [d1, b1] = director(directors[0], rr);
      const [d2, b2] = director(directors[1], rr);
      sink.row([co.kvk, base, form, formatDate(co.founded, "nl"), `${co.address.street} ${co.address.number}`, co.address.postcode, co.address.city, co.trade,
        d1, b1, d1 ? rr.pick(["bestuurder", "enig bestuurder", "statutair bestuurder"]) : "", d2, b2]);
      ctx.truth.identity(file, co.kvk, "company", co.id, "company");
      if (directors[0]) ctx.truth.identity(file, co.kvk, "director", directors[0].id, "person");
      if (directors[1]) ctx.truth.identity(file, co.kvk, "director2", directors[1].id, "person");
    };
    const c = ctx.cast;
    const cr = Rand.of(ctx.seed, "kvk-cast");
    const terminalDirector = ctx.pop.person(ctx.pop.anyPerson(cr));
    const planted = [
      () => row(c.importer, cr),
      // The car-rental front is registered on the organiser under another spelling.
      () => row(c.carRental, cr, [{ ...c.boss, first: "Mohamed" }]),
      () => row(c.realEstate, cr),
      () => row(c.transport, cr),
      () => row(c.terminal, cr, [terminalDirector]),
    ];
    interleave(Rand.of(ctx.seed, "kvk"), ctx.pop.companies, (j) => row(ctx.pop.company(j), Rand.of(ctx.seed, "kvk-row", j)), planted);
    sink.close();
    writeFileSync(join(ctx.out, "kvk/handelsregister.mapping.yml"), MAPPING);
    return [spec("kvk", file, "kvk/handelsregister.mapping.yml", sink.rows, "Companies and directors from the public register", ["kvk_nummer"])];
  },
};

