/** Foreign trading companies (consignors, partners abroad): a pure function of (seed, index). */
import { Rand } from "../rng";
import { PORTS } from "../pools";

export interface ForeignCompany {
  id: string;
  name: string;
  country: string;
  port: string;
  address: string;
}

const WORDS = ["Pacific", "Golden", "Star", "Oriental", "Andes", "Sunrise", "Blue Ocean", "Green Valley", "United", "Prime", "Royal", "Tropical"];
const SECOND = ["Harvest", "Bridge", "Lotus", "Summit", "Coast", "River", "Eagle", "Delta", "Crown", "Harbor", "Jade", "Condor", "Sierra", "Palm", "Bay", "Phoenix", "Atlas", "Zenith", "Horizon", "Tiger"];
const KINDS = ["Trading", "Export", "Industries", "Foods", "Manufacturing", "Logistics", "Agro"];
const FORMS: Record<string, string> = { CN: "Co. Ltd", SG: "Pte Ltd", BR: "Ltda", US: "Inc.", ZA: "(Pty) Ltd", IN: "Pvt Ltd", KR: "Co., Ltd", ES: "S.L.", PE: "S.A.C.", CO: "S.A.S.", EC: "S.A.", CR: "S.A." };

export function foreignCompany(seed: number, k: number): ForeignCompany {
  const r = Rand.of(seed, "foreign-company", k);
  const port = r.pick(PORTS);
  return {
    id: `F${k}`, name: `${r.pick(WORDS)} ${r.pick(SECOND)} ${r.pick(KINDS)} ${FORMS[port.country] ?? "Ltd"}`.trim(), country: port.country, port: port.name,
    address: `${r.int(1, 999)} ${r.pick(["Harbour Road", "Industrial Zone", "Av. Central", "Km 12 Via Costa", "Export Park"])}, ${port.name}`,
  };
}
