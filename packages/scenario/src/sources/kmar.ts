/** KMar: border crossings at Schiphol (tab-separated, ISO timestamps, passport names in capitals). */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Rand } from "../rng";
import { delimitedSink } from "../sink";
import { asciiFold, formatDate } from "../noise";
import type { PersonRec } from "../population";
import { PERIOD, addDays, interleave, momentIn, rowsAt, type Source } from "../context";
import { spec } from "./police";

const MAPPING = `# KMar border-crossing registrations at Schiphol: tab-separated, ISO timestamps, compact
# dates of birth (JJJJMMDD), ISO alpha-3 country codes. A traveller is keyed on the document.
kmar_grenspassages:
  queries:
    - entities:
        reiziger:
          schema: Person
          keys: [documentnummer]
          key_literal: reiziger
          properties:
            name: { template: "{{voornamen}} {{achternaam}}" }
            firstName: { column: voornamen }
            lastName: { column: achternaam }
            birthDate: { column: geboortedatum, format: "%Y%m%d" }
            nationality: { column: nationaliteit }
            passportNumber: { column: documentnummer }
        passage:
          schema: BorderCrossing
          keys: [passage_id]
          properties:
            person: { entity: reiziger }
            date: { column: tijdstip }
            place: { literal: "Schiphol" }
            direction: { column: richting }
            fromCountry: { column: van_land }
            toCountry: { column: naar_land }
            flightNumber: { column: vluchtnummer }
            document: { column: documentnummer }
`;

const ALPHA3: Record<string, string> = { NL: "NLD", MA: "MAR", TR: "TUR", CO: "COL", DE: "DEU", GB: "GBR", BE: "BEL", EC: "ECU", AE: "ARE", ES: "ESP" };
const ROUTES: readonly [string, string][] = [["ES", "IB3701"], ["TR", "TK1952"], ["MA", "AT851"], ["GB", "BA431"], ["AE", "EK148"], ["DE", "LH2301"], ["CO", "KL743"], ["ES", "HV6011"], ["MA", "HV5661"]];

export const kmar: Source = {
  agency: "KMAR",
  datasets: [{
    name: "kmar", label: "KMar: border crossings at Schiphol", agency: "KMAR", legalBasis: "Wet politiegegevens art. 8 jo. Vreemdelingenwet 2000 art. 4.22",
    purpose: "Border control", handling: "AMBER", reliability: "A1", retention: "P3Y", compartment: "", description: "Entries and exits at Schiphol (generated)",
  }],
  write(ctx) {
    const file = "kmar/grenspassages.tsv";
    const sink = delimitedSink(join(ctx.out, file), ["passage_id", "tijdstip", "richting", "vluchtnummer", "van_land", "naar_land", "achternaam", "voornamen", "geboortedatum", "nationaliteit", "documentnummer"], { delimiter: "\t" });
    let seq = 0;
    const cross = (p: PersonRec, at: string, out: boolean, country: string, flight: string) => {
      const id = `KM${String(++seq).padStart(9, "0")}`;
      const nat = ALPHA3[p.nationality] ?? p.nationality;
      sink.row([id, `${at}:00`, out ? "uitreis" : "inreis", flight, out ? "NLD" : ALPHA3[country] ?? country, out ? ALPHA3[country] ?? country : "NLD",
        asciiFold(p.last).toUpperCase(), asciiFold(p.first).toUpperCase(), formatDate(p.birth, "compact"), nat, p.passport]);
      ctx.truth.identity(file, id, "traveller", p.id, "person");
    };
    const trip = (p: PersonRec, country: string, flight: string, from: string, to: string, rr: Rand, days: number): (() => void)[] => {
      const at = momentIn(rr, from, to);
      return [() => cross(p, at, true, country, flight), () => cross(p, `${addDays(at, days)}T${at.slice(11)}`, false, country, flight.replace(/\d$/, (d) => String((Number(d) + 1) % 10)))];
    };
    const c = ctx.cast;
    const cr = Rand.of(ctx.seed, "kmar-cast");
    const planted = [
      ...[0, 1, 2, 3].flatMap(() => trip(c.boss, "AE", "EK148", PERIOD.caseFrom, PERIOD.caseTo, cr, cr.int(2, 5))),
      ...[0, 1, 2].flatMap(() => trip(c.cashCollector, "TR", "TK1952", PERIOD.caseFrom, PERIOD.caseTo, cr, cr.int(2, 4))),
      ...trip(c.partner, "AE", "EK148", PERIOD.caseFrom, PERIOD.caseTo, cr, 6),
      // The supplier visits once (inbound first), the banker once.
      ...trip(c.supplier, "CO", "KL743", PERIOD.caseFrom, addDays(PERIOD.caseFrom, 40), cr, -5).reverse(),
      ...trip(c.banker, "AE", "EK147", PERIOD.caseFrom, PERIOD.caseTo, cr, -3).reverse(),
    ];
    const r = Rand.of(ctx.seed, "kmar");
    interleave(r, rowsAt(5000, ctx.scale), (i) => {
      const rr = Rand.of(ctx.seed, "kmar-row", i);
      const p = ctx.pop.person(ctx.pop.anyPerson(rr));
      const [country, flight] = rr.pick(ROUTES);
      cross(p, momentIn(rr, PERIOD.from, PERIOD.to), rr.chance(0.5), country, flight);
    }, planted);
    sink.close();
    writeFileSync(join(ctx.out, "kmar/grenspassages.mapping.yml"), MAPPING);
    return [spec("kmar", file, "kmar/grenspassages.mapping.yml", sink.rows, "Border crossings at Schiphol", ["passage_id"], "tsv")];
  },
};
