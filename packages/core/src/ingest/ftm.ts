import { cleanValue, isVizierError, type Registry } from "@vizier/model";

export interface ValidFtm {
  ok: true;
  entity: { id: string; schema: string; values: Array<{ prop: string; propType: string; value: string; original: string }> };
}
export interface InvalidFtm {
  ok: false;
  column?: string;
  reason: string;
}

/**
 * Checks an FtM entity from a file against the model: known schema and properties, values that
 * clean. Entity ids are kept as the FtM tool wrote them, so exports round-trip.
 */
export function validateFtmEntity(model: Registry, e: { id: string; schema: string; properties: Record<string, unknown> }): ValidFtm | InvalidFtm {
  if (typeof e.id !== "string" || e.id.trim() === "") return { ok: false, column: "id", reason: "entity without id" };
  let schema;
  try {
    schema = model.getSchema(e.schema);
  } catch (err) {
    if (isVizierError(err)) return { ok: false, column: "schema", reason: err.message };
    throw err;
  }
  const values: ValidFtm["entity"]["values"] = [];
  for (const [name, raw] of Object.entries(e.properties ?? {})) {
    if (!schema.hasProperty(name)) return { ok: false, column: name, reason: `schema ${schema.name} has no property "${name}"` };
    const prop = schema.getProperty(name);
    const list = Array.isArray(raw) ? raw : [raw];
    for (const item of list) {
      if (typeof item !== "string" && typeof item !== "number") return { ok: false, column: name, reason: `property ${name} has a non-text value` };
      const original = String(item);
      if (original.trim() === "") continue;
      const c = cleanValue(prop, original, { countries: model.countries });
      if (!c.ok) return { ok: false, column: name, reason: c.reason };
      // FtM tools write numbers as text in the source's own notation; keep them so exports round-trip.
      values.push({ prop: name, propType: prop.type, value: prop.type === "number" ? original.trim() : c.value, original });
    }
  }
  return { ok: true, entity: { id: e.id, schema: schema.name, values } };
}
