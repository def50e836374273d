/**
 * FIOD: investigators' notes on companies, handed over as FtM entities (one JSON object a line, as
 * FtM tools write them) on the KvK register's own entity ids: the one dataset of the scenario whose
 * statements meet another agency's on the same entity, so a profile can show what is withheld
 * ("FIOD holds 5 statements (H2)" on the importer) and the access-request flow has something to ask for.
 */
import { join } from "node:path";
import { Rand } from "../rng";
import { jsonlSink } from "../sink";
import { formatDate } from "../noise";
import type { CompanyRec } from "../population";
import { interleave, rowsAt, type DatasetSpec, type FileSpec, type GenContext } from "../context";
import { kvkCompanyId } from "./kvk";

export const FIOD_NOTES: DatasetSpec = {
  name: "fiod-notities", label: "FIOD: notes on companies", agency: "FIOD",
  legalBasis: "Wet politiegegevens art. 10 (FIOD as special investigation service, Wet BOD art. 3)",
  purpose: "Fiscal criminal investigation of front companies and money laundering", handling: "H2", reliability: "B3", retention: "P5Y", compartment: "",
  description: "Investigators' notes on companies, on the KvK register's entities (FtM, generated)",
};

const BACKGROUND_NOTES = [
  "Boekenonderzoek 2024 afgerond zonder correcties",
  "Naheffingsaanslag loonheffing opgelegd na boekenonderzoek",
  "Suppletie omzetbelasting ingediend na vragenbrief",
  "Betalingsregeling btw-schuld afgesproken met de Belastingdienst",
  "Melding van de accountant over ontbrekende kasadministratie; afgedaan",
];
const BACKGROUND_STATUS = ["geen bijzonderheden", "betalingsachterstand omzetbelasting", "naheffingsaanslag loonheffing", "boekenonderzoek afgerond"];

/** The case's companies FIOD has notes on, with the RSINs of its relation file. */
export interface NotedCompanies { importer: string; carRental: string; realEstate: string }

/** Writes fiod/notities.ftm.json: notes on the case's three companies among notes on a few dozen ordinary ones. */
export function writeFiodNotes(ctx: GenContext, rsin: NotedCompanies): FileSpec {
  const file = "fiod/notities.ftm.json";
  const sink = jsonlSink(join(ctx.out, file));
  const c = ctx.cast;
  const name = (co: CompanyRec) => `${co.base} ${co.form}`;
  const person = (p: { first: string; last: string }) => `${p.first.charAt(0)}. ${p.last}`;
  const note = (co: CompanyRec, properties: Record<string, string[]>) => {
    const id = kvkCompanyId(co.kvk);
    sink.object({ id, schema: "Company", properties: { name: [name(co)], ...properties } });
    ctx.truth.identity(file, id, "company", co.id, "company");
  };
  const planted = [
    () => note(c.importer, {
      taxNumber: [rsin.importer],
      notes: [
        `Aandeelhouder M. El Amrani (100%) achter stroman-bestuurder ${person(c.nominee)} (geb. ${c.nominee.birth.slice(0, 4)}), ingeschreven ${formatDate(c.importer.founded, "nl")}`,
        "Vermoedelijk dekmantelbedrijf: voert bananen in zonder btw-aangiften; kapitaal gestort in contante bedragen onder de meldgrens",
      ],
      taxStatus: ["geen btw-aangiften ondanks invoer"],
    }),
    () => note(c.carRental, {
      taxNumber: [rsin.carRental],
      notes: ["Bestuurder en enig aandeelhouder M. El Amrani (KvK: \"Mohamed\"); omzet niet in verhouding tot het wagenpark, vermoedelijk witwasvehikel"],
      taxStatus: ["boekenonderzoek gestart"],
    }),
    () => note(c.realEstate, {
      taxNumber: [rsin.realEstate],
      notes: [`Bestuurder ${person(c.partner)}, partner van M. El Amrani, die 50% van de aandelen houdt; koopt panden met financiering van onbekende herkomst`],
    }),
  ];
  const r = Rand.of(ctx.seed, "fiod-notes");
  const n = Math.min(rowsAt(60, ctx.scale), ctx.pop.companies);
  const stride = Math.floor(ctx.pop.companies / n);
  interleave(r, n, (k) => {
    // One company from each stretch of the register: never the same company twice (two rows for one entity would conflict).
    const co = ctx.pop.company(k * stride + Math.floor(r.float() * stride));
    note(co, { taxNumber: [`8${co.kvk}`], notes: [r.pick(BACKGROUND_NOTES)], taxStatus: [r.pick(BACKGROUND_STATUS)] });
  }, planted);
  sink.close();
  return { dataset: FIOD_NOTES.name, file, rows: sink.rows, format: "ftm", encoding: "utf-8", description: "Investigators' notes on companies (FtM entities on the KvK register's ids)", recordKey: ["id"] };
}
