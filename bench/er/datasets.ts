/** The accuracy benchmark's datasets: how `vizier link` is called on each, and where truth lives. */
import { resolve as resolvePath } from "node:path";

export interface Dataset {
  name: string;
  files: string[];
  id: string;
  fields: string[];
  source?: string;
  /** True entity of a record, from its source and its row (column name → value). */
  truth: (source: string, row: Record<string, string>) => string;
  truthColumns: string[];
  /** Exact-rule baseline: records agreeing exactly on all these columns are one entity. */
  baseline: string[];
  target?: number;
}

export const DATA = resolvePath(process.cwd(), "../shared/data/er");

const febrlFields = [
  "given_name=first_name", "surname=last_name", "street_number=identifier", "address_1=address", "address_2=address",
  "suburb=city", "postcode=postcode", "state=category", "date_of_birth=date", "soc_sec_id=identifier",
];
const febrlTruth = (_s: string, r: Record<string, string>): string => /rec-(\d+)-/.exec(r["rec_id"] ?? "")?.[1] ?? `?${r["rec_id"]}`;
const nc = (ocp: number): string[] => [0, 1, 2, 3, 4].map((p) => `${DATA}/nc_voters_5party/ncvr_numrec_5000_modrec_2_ocp_${ocp}_myp_${p}_nump_5.csv`);

export const DATASETS: Dataset[] = [
  { name: "febrl4", files: [`${DATA}/febrl/dataset4a.csv`, `${DATA}/febrl/dataset4b.csv`], id: "rec_id", fields: febrlFields, truth: febrlTruth, truthColumns: ["rec_id"], baseline: ["soc_sec_id"], target: 0.99 },
  { name: "febrl3", files: [`${DATA}/febrl/dataset3.csv`], id: "rec_id", fields: febrlFields, truth: febrlTruth, truthColumns: ["rec_id"], baseline: ["soc_sec_id"], target: 0.98 },
  { name: "nc_voters_20", files: nc(20), id: "recid", fields: ["givenname=first_name", "surname=last_name", "suburb=city", "postcode=postcode"], truth: (_s, r) => r["recid"] ?? "", truthColumns: ["recid"], baseline: ["givenname", "surname", "postcode"], target: 0.95 },
  // The ocp_0 files carry a wrong 19-column header; the five real fields sit under its first five names.
  { name: "nc_voters_0", files: nc(0), id: "rec_id", fields: ["voter_reg_num=first_name", "name_prefix=last_name", "first_name=city", "middle_name=postcode"], truth: (_s, r) => r["rec_id"] ?? "", truthColumns: ["rec_id"], baseline: ["voter_reg_num", "name_prefix", "middle_name"] },
  { name: "splink_fake_1000", files: [`${DATA}/splink/fake_1000.csv`], id: "unique_id", fields: ["first_name=first_name", "surname=last_name", "dob=date", "city=city", "email=email"], truth: (_s, r) => r["cluster"] ?? "", truthColumns: ["cluster"], baseline: ["first_name", "surname", "dob"] },
  { name: "chicago_orgs", files: [`${DATA}/dedupe_examples/csv_example_input_with_true_ids.csv`], id: "Id", fields: ["Site name=org_name", "Address=address", "Zip=postcode", "Phone=phone"], truth: (_s, r) => r["True Id"] ?? "", truthColumns: ["True Id"], baseline: ["Site name", "Address"] },
  { name: "fodors_zagat", files: [`${DATA}/restaurant_fodors_zagat/restaurant-1.csv`, `${DATA}/restaurant_fodors_zagat/restaurant-2.csv`], id: "unique_id", fields: ["name=org_name", "address=address", "city=city", "cuisine=category"], truth: (_s, r) => (r["unique_id"] ?? "").replace(/\D/g, ""), truthColumns: ["unique_id"], baseline: ["name", "address"] },
];
