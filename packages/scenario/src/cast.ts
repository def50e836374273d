/**
 * The case in the haystack (issue #5 item 2): a cocaine import network and its money. Names and
 * roles are the story (docs/demo.md tells it); phone numbers, accounts, dates and addresses come
 * from the seed. Real-entity ids start with "X-" so they never collide with the population's.
 */
import { Rand } from "./rng";
import type { AddressRec, CompanyRec, PersonRec, Population } from "./population";
import { foreignIban, intlPhone, kvkNumber, nlIban, nlMobile } from "./ids";
import type { Origin } from "./pools";

export interface Cast {
  supplier: PersonRec;
  exporterDirector: PersonRec;
  boss: PersonRec;
  nominee: PersonRec;
  partner: PersonRec;
  logistics: PersonRec;
  portWorkers: PersonRec[];
  haulier: PersonRec;
  distributorDe: PersonRec;
  distributorUk: PersonRec;
  cashCollector: PersonRec;
  mules: PersonRec[];
  banker: PersonRec;
  exporter: CompanyRec;
  importer: CompanyRec;
  transport: CompanyRec;
  carRental: CompanyRec;
  realEstate: CompanyRec;
  terminal: CompanyRec;
  dubai: CompanyRec;
  otc: CompanyRec;
  stashes: AddressRec[];
  /** The case reference the police investigation runs under. */
  caseRef: string;
}

/** Ranked key players: what an analysis should put on top (truth/key-players.csv). */
export function keyPlayers(c: Cast): { entity: PersonRec | CompanyRec; kind: "person" | "company"; role: string }[] {
  const p = (entity: PersonRec, role: string) => ({ entity, kind: "person" as const, role });
  const co = (entity: CompanyRec, role: string) => ({ entity, kind: "company" as const, role });
  return [
    p(c.boss, "organiser and broker: controls the importer, the fronts and the money"),
    p(c.supplier, "supplier in Colombia"),
    p(c.banker, "underground banker in Dubai"),
    p(c.cashCollector, "cash collector; structures deposits and pays the mules"),
    p(c.logistics, "corrupt logistics employee at the terminal: releases the containers"),
    co(c.importer, "recently registered fruit importer; consignee of the cocaine containers"),
    p(c.nominee, "nominee director of the importer"),
    co(c.exporter, "banana exporter in Guayaquil; consignor"),
    p(c.haulier, "transport firm owner; moves the extracted loads to stash addresses"),
    co(c.dubai, "Dubai trading company used for the underground banking"),
    co(c.otc, "crypto OTC desk in Istanbul"),
    co(c.carRental, "front company (car rental)"),
    co(c.realEstate, "front company (real estate)"),
    p(c.distributorDe, "onward distribution to Germany"),
    p(c.distributorUk, "onward distribution to the United Kingdom"),
    ...c.portWorkers.map((w) => p(w, "port worker who extracts the drugs (uithaler)")),
    p(c.exporterDirector, "director of the exporter"),
    p(c.partner, "the organiser's partner; director of the real-estate front"),
    ...c.mules.map((m) => p(m, "money mule")),
  ];
}

/** Builds the cast from the seed; `pop` supplies shared addresses so stash houses look ordinary. */
export function makeCast(seed: number, pop: Population): Cast {
  const r = Rand.of(seed, "cast");
  const rotterdam = (street: string, pc: string): AddressRec => ({ street, number: String(r.int(2, 180)), postcode: pc, city: "Rotterdam", country: "NL" });
  const person = (id: string, origin: Origin, first: string, last: string, gender: "m" | "f", year: number, nationality: string, address: AddressRec, phone = nlMobile(r), iban = nlIban(r)): PersonRec => ({
    id, origin, gender, first, last, birth: `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`, nationality, address, phone, iban,
    passport: `N${r.letters(1)}${r.digits(6)}${r.letters(1)}`,
  });
  const bogota: AddressRec = { street: "Calle 10 Sur", number: String(r.int(10, 99)), postcode: "050021", city: "Medellín", country: "CO" };
  const guayaquil: AddressRec = { street: "Av. 9 de Octubre", number: String(r.int(100, 900)), postcode: "090313", city: "Guayaquil", country: "EC" };
  const dubaiAddr: AddressRec = { street: "Al Maktoum Road, Deira", number: String(r.int(1, 40)), postcode: "", city: "Dubai", country: "AE" };
  const istanbul: AddressRec = { street: "Büyükdere Cd.", number: String(r.int(1, 200)), postcode: "34394", city: "İstanbul", country: "TR" };
  const bossHome = rotterdam("Maasboulevard", `3011 ${r.letters(2)}`);
  const stashes = [rotterdam("Keileweg", `3029 ${r.letters(2)}`), { ...pop.address(r.int(0, pop.addresses - 1)), number: String(r.int(1, 60)) }];
  const company = (id: string, base: string, form: string, address: AddressRec, founded: string, trade: string, directors: PersonRec[], country = "NL", iban = nlIban(r)): CompanyRec => ({
    id, base, form, kvk: kvkNumber(r), address, iban, founded, trade, phone: country === "NL" ? `010-${r.digits(7)}` : intlPhone(r, country === "AE" ? "971" : "593"), directors, country,
  });

  const boss = person("X-BOSS", "ma", "Mohammed", "El Amrani", "m", 1984, "NL", bossHome);
  const partner = person("X-PARTNER", "ma", "Fatima", "Bouzid", "f", 1987, "NL", bossHome);
  const nominee = person("X-NOMINEE", "nl", "Dennis", "van Wijk", "m", 1999, "NL", pop.address(r.int(0, pop.addresses - 1)));
  const supplier = person("X-SUPPLIER", "co", "Jhon Jairo", "Restrepo Castaño", "m", 1971, "CO", bogota, intlPhone(r, "57", 10), "");
  const exporterDirector = person("X-EXPDIR", "co", "Luis Fernando", "Salazar Arango", "m", 1976, "EC", guayaquil, intlPhone(r, "593", 9), "");
  const logistics = person("X-LOGISTICS", "nl", "Sanne", "de Groot", "f", 1990, "NL", pop.address(r.int(0, pop.addresses - 1)));
  const haulier = person("X-HAULIER", "nl", "Erik", "van Dijk", "m", 1968, "NL", pop.address(r.int(0, pop.addresses - 1)));
  const portWorkers = [
    person("X-PORT1", "nl", "Kevin", "Bakker", "m", 1995, "NL", stashes[1]!),
    person("X-PORT2", "nl", "Ricardo", "Martina", "m", 1993, "NL", pop.address(r.int(0, pop.addresses - 1))),
    person("X-PORT3", "ma", "Bilal", "Ouali", "m", 1997, "NL", pop.address(r.int(0, pop.addresses - 1))),
  ];
  const distributorDe = person("X-DIST-DE", "de", "Jürgen", "Köhler", "m", 1979, "DE", { street: "Hansaring", number: String(r.int(1, 90)), postcode: "50670", city: "Köln", country: "DE" }, intlPhone(r, "49", 11), foreignIban(r, "DE"));
  const distributorUk = person("X-DIST-UK", "gb", "Connor", "McCarthy", "m", 1985, "GB", { street: "Stanley Road", number: String(r.int(1, 300)), postcode: "L5 7QQ", city: "Liverpool", country: "GB" }, intlPhone(r, "44", 10), foreignIban(r, "GB"));
  const cashCollector = person("X-CASH", "tr", "Yusuf", "Demir", "m", 1990, "NL", pop.address(r.int(0, pop.addresses - 1)));
  const mules = Array.from({ length: 6 }, (_, k) => {
    const m = pop.person(r.int(0, pop.persons - 1));
    return { ...m, id: `X-MULE${k + 1}`, birth: `${r.int(2000, 2006)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`, iban: nlIban(r), phone: nlMobile(r) };
  });
  const banker = person("X-BANKER", "ma", "Rachid", "Al Mansouri", "m", 1969, "AE", dubaiAddr, intlPhone(r, "971", 9), foreignIban(r, "AE"));
  const year = 2026;
  return {
    supplier, exporterDirector, boss, nominee, partner, logistics, portWorkers, haulier, distributorDe, distributorUk, cashCollector, mules, banker, stashes,
    exporter: company("X-EXPORTER", "Frutas del Pacífico", "S.A.", guayaquil, "2014-05-12", "banana export", [exporterDirector], "EC", `EC-BPIC-${r.digits(10)}`),
    importer: company("X-IMPORTER", "Verdi Fresh Import", "B.V.", rotterdam("Waalhaven Oostzijde", `3087 ${r.letters(2)}`), `${year - 1}-${pad(r.int(9, 11))}-${pad(r.int(1, 28))}`, "Groothandel in groenten en fruit", [nominee]),
    transport: company("X-TRANSPORT", "Transport Van Dijk & Zn.", "V.O.F.", haulier.address, "2003-02-17", "Transport", [haulier]),
    carRental: company("X-CARRENTAL", "Maasstad Autoverhuur", "B.V.", rotterdam("Vierhavensstraat", `3029 ${r.letters(2)}`), `${year - 3}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`, "Autoverhuur", [boss]),
    realEstate: company("X-REALESTATE", "Kade Vastgoed", "B.V.", bossHome, `${year - 2}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`, "Vastgoed", [partner]),
    terminal: company("X-TERMINAL", "Waalhaven Container Services", "B.V.", rotterdam("Waalhaven Zuidzijde", `3089 ${r.letters(2)}`), "1998-06-01", "Containerterminal", []),
    dubai: company("X-DUBAI", "Al Noor General Trading", "LLC", dubaiAddr, "2019-03-03", "General trading", [banker], "AE", foreignIban(r, "AE")),
    otc: company("X-OTC", "Boğaziçi Kripto Danışmanlık", "Ltd. Şti.", istanbul, "2021-08-09", "Crypto OTC", [], "TR", foreignIban(r, "TR")),
    caseRef: "NL-2026-0042",
  };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Every person of the cast, for sources that mention many of them. */
export function castPersons(c: Cast): PersonRec[] {
  return [c.boss, c.partner, c.nominee, c.supplier, c.exporterDirector, c.logistics, c.haulier, ...c.portWorkers, c.distributorDe, c.distributorUk, c.cashCollector, ...c.mules, c.banker];
}
