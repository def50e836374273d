/** FIOD: company relations (directors, shareholders) with tax-related flags, from fiscal files. */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Rand } from "../rng";
import { delimitedSink } from "../sink";
import { formatDate, HIGH, companyName, noisyName } from "../noise";
import type { CompanyRec, PersonRec } from "../population";
import { interleave, rowsAt, type Source } from "../context";
import { spec } from "./police";
import { FIOD_NOTES, writeFiodNotes } from "./fiod-notes";

const MAPPING = `# FIOD relation extract: semicolon-separated, Dutch dates. Rows with rol "bestuurder" become
# Directorships, rows with rol "aandeelhouder" Ownerships; tax flags go to Company.taxStatus.
fiod_relaties:
  queries:
    - filters: { rol: bestuurder }
      entities:
        bedrijf: &bedrijf
          schema: Company
          keys: [kvk_nummer]
          key_literal: company
          properties:
            name: { column: bedrijfsnaam }
            registrationNumber: { column: kvk_nummer }
            taxNumber: { column: rsin }
            taxStatus: { column: fiscale_signalen }
        persoon: &persoon
          schema: Person
          keys: [naam, geboortedatum]
          key_literal: persoon
          properties:
            name: { column: naam }
            birthDate: { column: geboortedatum, format: "%d-%m-%Y" }
        relatie:
          schema: Directorship
          keys: [relatie_id]
          properties:
            organization: { entity: bedrijf }
            director: { entity: persoon }
            role: { column: rol }
            startDate: { column: sinds, format: "%d-%m-%Y" }
    - filters: { rol: aandeelhouder }
      entities:
        bedrijf: *bedrijf
        persoon: *persoon
        relatie:
          schema: Ownership
          keys: [relatie_id]
          properties:
            asset: { entity: bedrijf }
            owner: { entity: persoon }
            percentage: { column: aandeel_pct }
            role: { column: rol }
            startDate: { column: sinds, format: "%d-%m-%Y" }
`;

const FLAGS = ["", "", "", "", "", "", "betalingsachterstand omzetbelasting", "suppletie ingediend", "boekenonderzoek 2024", "naheffingsaanslag loonheffing"];

export const fiod: Source = {
  agency: "FIOD",
  datasets: [{
    name: "fiod", label: "FIOD: company relations and tax flags", agency: "FIOD", legalBasis: "Algemene wet inzake rijksbelastingen art. 67 (fiscal investigation)",
    purpose: "Fiscal investigation of money laundering", handling: "AMBER", reliability: "B2", retention: "P7Y", compartment: "", description: "Directors, shareholders and tax flags (generated)",
  }, FIOD_NOTES],
  write(ctx) {
    const file = "fiod/relaties.csv";
    const sink = delimitedSink(join(ctx.out, file), ["relatie_id", "kvk_nummer", "bedrijfsnaam", "rsin", "rol", "naam", "geboortedatum", "aandeel_pct", "sinds", "fiscale_signalen"], { delimiter: ";", crlf: true });
    let seq = 0;
    const row = (co: CompanyRec, rsin: string, role: "bestuurder" | "aandeelhouder", p: PersonRec, rr: Rand, pct: string, flags: string, name?: string) => {
      const id = `FR${String(++seq).padStart(8, "0")}`;
      const n = noisyName(rr, p.first, p.last, HIGH);
      sink.row([id, co.kvk, companyName(rr, co.base, co.form, HIGH), rsin, role, name ?? n.full, formatDate(p.birth, "nl"), pct, formatDate(co.founded, "nl"), flags]);
      ctx.truth.identity(file, id, role === "bestuurder" ? "director" : "shareholder", p.id, "person");
      ctx.truth.identity(file, id, "company", co.id, "company");
    };
    const c = ctx.cast;
    const cr = Rand.of(ctx.seed, "fiod-cast");
    const rsin = () => cr.digits(9);
    const [imp, rent, real] = [rsin(), rsin(), rsin()];
    const planted = [
      () => row(c.importer, imp, "bestuurder", c.nominee, cr, "", "recent ingeschreven; geen btw-aangiften ondanks invoer; contante stortingen"),
      // Shareholder registers often carry initials only.
      () => row(c.importer, imp, "aandeelhouder", c.boss, cr, "100", "recent ingeschreven; geen btw-aangiften ondanks invoer; contante stortingen", "M. El Amrani"),
      () => row(c.carRental, rent, "bestuurder", c.boss, cr, "", "omzet niet in verhouding tot wagenpark"),
      () => row(c.carRental, rent, "aandeelhouder", c.boss, cr, "100", "omzet niet in verhouding tot wagenpark"),
      () => row(c.realEstate, real, "bestuurder", c.partner, cr, "", "aankoop panden, herkomst financiering onbekend"),
      () => row(c.realEstate, real, "aandeelhouder", c.partner, cr, "50", "aankoop panden, herkomst financiering onbekend"),
      () => row(c.realEstate, real, "aandeelhouder", c.boss, cr, "50", "aankoop panden, herkomst financiering onbekend", "Muhammad El Amrani"),
    ];
    const r = Rand.of(ctx.seed, "fiod");
    interleave(r, rowsAt(400, ctx.scale), (i) => {
      const rr = Rand.of(ctx.seed, "fiod-row", i);
      const co = ctx.pop.company(Math.floor(rr.float() * ctx.pop.companies));
      const taxId = `8${co.kvk}`;
      const flags = rr.pick(FLAGS);
      for (const d of co.directors) row(co, taxId, "bestuurder", d, rr, "", flags);
      if (rr.chance(0.5)) row(co, taxId, "aandeelhouder", co.directors[0]!, rr, String(rr.pick([50, 60, 100])), flags);
    }, planted);
    sink.close();
    writeFileSync(join(ctx.out, "fiod/relaties.mapping.yml"), MAPPING);
    return [
      spec("fiod", file, "fiod/relaties.mapping.yml", sink.rows, "Directors and shareholders with tax flags", ["relatie_id"]),
      writeFiodNotes(ctx, { importer: imp, carRental: rent, realEstate: real }),
    ];
  },
};
