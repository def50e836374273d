import { createHash } from "node:crypto";
import type { FtmEntity, Registry } from "@vizier/model";
import type { ErRecord, FieldKind, FieldSpec } from "@vizier/resolution";

/**
 * Entities become resolution records per *group*: people (Person, and LegalEntity, whose kind the
 * source did not say — a consignee is often a person) and organisations (Organization and its
 * descendants: Company, PublicBody). Groups are resolved separately, so a person never merges
 * with a company.
 */
export const GROUPS = ["person", "organization"] as const;
export type Group = (typeof GROUPS)[number];

/** The group of a schema, or undefined when entities of it are not resolved. */
export function groupOf(model: Registry, schema: string): Group | undefined {
  if (!model.hasSchema(schema)) return undefined;
  const s = model.getSchema(schema);
  if (s.isA("Organization")) return "organization";
  if (s.isA("Person") || schema === "LegalEntity") return "person";
  return undefined;
}

/** Record fields and the property types (or names) feeding them. */
const NAME_PROPS = ["name", "alias", "previousName"];
const COUNTRY_PROPS = ["nationality", "citizenship", "country", "jurisdiction", "mainCountry", "birthCountry"];

/** The fields compared for a group, before dropping fields no record has. */
export function groupFields(group: Group): FieldSpec[] {
  const name: FieldKind = group === "person" ? "full_name" : "org_name";
  return [
    { name: "name", kind: name },
    { name: "date", kind: "date" },
    { name: "identifier", kind: "identifier" },
    { name: "phone", kind: "phone" },
    { name: "email", kind: "email" },
    { name: "address", kind: "address" },
    { name: "country", kind: "country" },
  ];
}

/** One entity (assembled from readable statements only) as a record of its group. */
export function toRecord(model: Registry, e: FtmEntity, group: Group): ErRecord {
  const schema = model.getSchema(e.schema);
  const p = e.properties;
  const vals = (props: readonly string[]): string[] => props.flatMap((k) => p[k] ?? []);
  const names = vals(NAME_PROPS);
  const parts = ["firstName", "middleName", "lastName"].map((k) => (p[k] ?? [])[0]).filter((v): v is string => Boolean(v));
  if (parts.length > 1) names.push(parts.join(" "));
  const ofType = (type: string): string[] => Object.keys(p).filter((k) => schema.hasProperty(k) && schema.getProperty(k).type === type).sort().flatMap((k) => p[k] ?? []);
  const fields: Record<string, string[]> = {
    name: uniq(names),
    date: uniq(vals(group === "person" ? ["birthDate"] : ["incorporationDate"])),
    identifier: uniq([...ofType("identifier"), ...ofType("iban")]),
    phone: uniq(ofType("phone")),
    email: uniq(ofType("email")),
    address: uniq(ofType("address")),
    country: uniq(vals(COUNTRY_PROPS)),
  };
  for (const k of Object.keys(fields)) if (fields[k]?.length === 0) delete fields[k];
  return { source: group, id: e.id, fields };
}

/** Digest of a record's values: a changed digest marks the entity as changed since the last run. */
export function fingerprint(r: ErRecord): string {
  const canon = Object.keys(r.fields).sort().map((k) => [k, [...(r.fields[k] ?? [])].sort()]);
  return createHash("sha256").update(JSON.stringify(canon)).digest("hex").slice(0, 24);
}

/** Fields that at least one record has (a field nobody has carries no evidence). */
export function presentFields(fields: readonly FieldSpec[], records: readonly ErRecord[]): FieldSpec[] {
  return fields.filter((f) => records.some((r) => (r.fields[f.name]?.length ?? 0) > 0));
}

function uniq(v: string[]): string[] {
  return [...new Set(v.filter((x) => x.trim() !== ""))];
}
