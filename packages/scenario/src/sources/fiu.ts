/**
 * FIU-Nederland: unusual-transaction reports (Wwft) with the transaction and both account
 * holders, as JSON Lines. Only transactions FIU-Nederland declared suspicious are disseminated,
 * which is the legal basis the sharing rules look for (Wwft art. 16).
 */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Rand } from "../rng";
import { jsonlSink } from "../sink";
import { LOW, noisyName, companyName } from "../noise";
import { PERIOD, interleave, momentIn, rowsAt, type FileSpec, type GenContext, type Source } from "../context";
import { caseTransactions, type Party } from "./fiu-case";
import { spec } from "./police";

const MAPPING = `# FIU-Nederland unusual-transaction reports as JSON Lines; nested fields are flattened
# (betaler.rekening). Account holders are keyed on their account; an IBAN is checked (mod-97),
# other account numbers are kept as written.
fiu_ongebruikelijke_transacties:
  queries:
    - entities:
        betaler:
          schema: LegalEntity
          keys: [betaler.rekening]
          key_literal: houder
          properties:
            name: { column: betaler.naam }
            country: { column: betaler.land }
        betaler_rekening:
          schema: BankAccount
          keys: [betaler.rekening]
          key_literal: rekening
          properties:
            accountNumber: { column: betaler.rekening }
            iban: { column: betaler.iban }
            bankName: { column: betaler.bank }
        begunstigde:
          schema: LegalEntity
          keys: [begunstigde.rekening]
          key_literal: houder
          properties:
            name: { column: begunstigde.naam }
            country: { column: begunstigde.land }
        begunstigde_rekening:
          schema: BankAccount
          keys: [begunstigde.rekening]
          key_literal: rekening
          properties:
            accountNumber: { column: begunstigde.rekening }
            iban: { column: begunstigde.iban }
            bankName: { column: begunstigde.bank }
        transactie:
          schema: Payment
          keys: [transactie.id]
          properties:
            transactionNumber: { column: transactie.id }
            recordId: { column: melding.id }
            date: { column: transactie.datum }
            amount: { column: transactie.bedrag }
            currency: { column: transactie.valuta }
            purpose: { column: transactie.omschrijving }
            description: { column: melding.indicator }
            payer: { entity: betaler }
            payerAccount: { entity: betaler_rekening }
            beneficiary: { entity: begunstigde }
            beneficiaryAccount: { entity: begunstigde_rekening }
`;

const BANKS: Record<string, string> = { INGB: "ING Bank", RABO: "Rabobank", ABNA: "ABN AMRO", SNSB: "SNS", TRIO: "Triodos", KNAB: "Knab", BUNQ: "bunq", ASNB: "ASN Bank" };
const INDICATORS = ["objectief: contante storting boven EUR 10.000", "subjectief: afwijkend transactiepatroon", "subjectief: snelle doorboeking", "objectief: overboeking naar risicoland", "subjectief: onduidelijke herkomst"];
const TEXTS = ["factuur", "huur", "lening", "terugbetaling", "aankoop auto", "salaris", "gift", "verbouwing", "inkoop goederen", "advies"];

export const fiu: Source = {
  agency: "FIU",
  datasets: [{
    name: "fiu", label: "FIU-Nederland: suspicious transactions (disseminated)", agency: "FIU", legalBasis: "Wwft art. 16 (declared suspicious, disseminated)",
    purpose: "Prevention of money laundering", handling: "AMBER", reliability: "B2", retention: "P5Y", compartment: "", description: "Unusual-transaction reports with account holders (generated)",
  }],
  write: (ctx) => [writeReports(ctx)],
};

function holder(party: Party, rr: Rand): { naam: string; soort: string; geboortedatum: string; rekening: string; iban: string; bank: string; land: string; id: string; kind: "person" | "company" } {
  const account = party.kind === "person" ? party.p.iban : party.c.iban;
  const iban = /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(account) ? account : "";
  const land = iban ? iban.slice(0, 2) : party.kind === "company" ? party.c.country : party.p.address.country;
  const bank = iban.startsWith("NL") ? BANKS[iban.slice(4, 8)] ?? "" : "";
  if (party.kind === "person") {
    const n = noisyName(rr, party.p.first, party.p.last, LOW);
    return { naam: n.full, soort: "natuurlijk persoon", geboortedatum: party.p.birth, rekening: account, iban, bank, land, id: party.p.id, kind: "person" };
  }
  const c = party.c;
  return { naam: companyName(rr, c.base, c.form, LOW), soort: "rechtspersoon", geboortedatum: "", rekening: account, iban, bank, land, id: c.id, kind: "company" };
}

function writeReports(ctx: GenContext): FileSpec {
  const file = "fiu/ongebruikelijke-transacties.jsonl";
  const sink = jsonlSink(join(ctx.out, file));
  let seq = 0;
  const report = (at: string, amount: number, from: Party, to: Party, text: string, rr: Rand): string => {
    const id = `TX${String(++seq).padStart(9, "0")}`;
    const a = holder(from, rr);
    const b = holder(to, rr);
    const { id: aId, kind: aKind, ...betaler } = a;
    const { id: bId, kind: bKind, ...begunstigde } = b;
    sink.object({
      melding: { id: `UTR-2026-${String(seq).padStart(8, "0")}`, datum: at.slice(0, 10), melder: betaler.bank || begunstigde.bank || "onbekend", indicator: rr.pick(INDICATORS) },
      transactie: { id, datum: at, bedrag: amount.toFixed(2), valuta: "EUR", omschrijving: text },
      betaler, begunstigde,
    });
    ctx.truth.identity(file, id, "payer", aId, aKind);
    ctx.truth.identity(file, id, "beneficiary", bId, bKind);
    return id;
  };
  const cr = Rand.of(ctx.seed, "fiu-cast");
  const planted = caseTransactions(ctx.seed, ctx.cast).map((t) => () => {
    const id = report(t.at, t.amount, t.from, t.to, t.text, cr);
    if (t.pattern) ctx.truth.laundering(id, t.pattern, t.instance, t.text);
  });
  const { pop } = ctx;
  interleave(Rand.of(ctx.seed, "fiu"), rowsAt(12_000, ctx.scale), (i) => {
    const rr = Rand.of(ctx.seed, "fiu-row", i);
    // Reports concern a working set of a quarter of the population, so accounts recur as they do in real reporting.
    const person = (): Party => ({ kind: "person", p: pop.person(Math.floor(rr.float() * pop.persons * 0.25)) });
    const company = (): Party => ({ kind: "company", c: pop.company(Math.floor(rr.float() * pop.companies * 0.25)) });
    const kind = rr.int(0, 3);
    const from = kind === 0 || kind === 1 ? person() : company();
    const to = kind === 0 || kind === 2 ? company() : person();
    report(momentIn(rr, PERIOD.from, PERIOD.to), rr.logUniform(40, 40_000), from, to, rr.pick(TEXTS), rr);
  }, planted);
  sink.close();
  writeFileSync(join(ctx.out, "fiu/ongebruikelijke-transacties.mapping.yml"), MAPPING);
  return spec("fiu", file, "fiu/ongebruikelijke-transacties.mapping.yml", sink.rows, "Unusual-transaction reports (disseminated as suspicious)", ["transactie.id"], "jsonl");
}
