import ftmModel from "@opensanctions/followthemoney/dist/defaultModel.json";
import { damerauLevenshtein } from "./edit-distance";
import { VizierError } from "./errors";
import { EXTENSION_SCHEMATA } from "./extensions";
import type { ModelSpec, PropertySpec, SchemaSpec } from "./schema-spec";

/** A property of a schema, with inherited properties resolved. */
export interface Property {
  readonly name: string;
  readonly qname: string;
  readonly label: string;
  readonly type: string;
  readonly format: string | undefined;
  readonly range: string | undefined;
  readonly reverse: string | undefined;
  readonly matchable: boolean;
  readonly stub: boolean;
}

/** A schema with its ancestry and all properties, own and inherited. */
export interface Schema {
  readonly name: string;
  readonly label: string;
  readonly abstract: boolean;
  readonly matchable: boolean;
  /** This schema and all its ancestors. */
  readonly schemata: ReadonlySet<string>;
  readonly properties: ReadonlyMap<string, Property>;
  readonly caption: readonly string[];
  readonly featured: readonly string[];
  readonly required: readonly string[];
  readonly edge: SchemaSpec["edge"];
  readonly temporalExtent: SchemaSpec["temporalExtent"];
  isA(other: string): boolean;
  /** The property or UNKNOWN_PROPERTY (never an empty result on a typo). */
  getProperty(name: string): Property;
  hasProperty(name: string): boolean;
}

/** The data model as a registry (schemata are data, not classes). */
export class Registry {
  private readonly specs: Record<string, SchemaSpec>;
  private readonly built = new Map<string, Schema>();
  readonly types: ModelSpec["types"];

  constructor(spec: ModelSpec) {
    this.specs = structuredClone(spec.schemata);
    this.types = spec.types;
    this.addReverseProperties();
  }

  get schemaNames(): string[] {
    return Object.keys(this.specs).sort();
  }

  hasSchema(name: string): boolean {
    return Object.hasOwn(this.specs, name);
  }

  /** The schema or UNKNOWN_SCHEMA, naming close candidates. */
  getSchema(name: string): Schema {
    const cached = this.built.get(name);
    if (cached) return cached;
    if (!this.hasSchema(name)) {
      const near = this.schemaNames.filter((s) => s.toLowerCase() === name.toLowerCase());
      throw new VizierError("UNKNOWN_SCHEMA", `unknown schema "${name}"${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}`);
    }
    const schema = this.build(name, []);
    return schema;
  }

  /** Country codes and names known to the model (ISO-3166 alpha-2 plus FtM's extra territories). */
  get countries(): Record<string, string> {
    return this.types["country"]?.values ?? {};
  }

  private build(name: string, stack: string[]): Schema {
    const cached = this.built.get(name);
    if (cached) return cached;
    if (stack.includes(name)) throw new VizierError("INTERNAL", `schema inheritance cycle at ${name}`);
    const spec = this.specs[name];
    if (!spec) throw new VizierError("UNKNOWN_SCHEMA", `unknown schema "${name}"`);
    const schemata = new Set<string>([name]);
    const properties = new Map<string, Property>();
    for (const parent of spec.extends ?? []) {
      const ps = this.build(parent, [...stack, name]);
      for (const s of ps.schemata) schemata.add(s);
      for (const [k, v] of ps.properties) properties.set(k, v);
    }
    for (const [k, v] of Object.entries(spec.properties)) properties.set(k, toProperty(name, v));
    const schema: Schema = {
      name,
      label: spec.label ?? name,
      abstract: spec.abstract ?? false,
      matchable: spec.matchable ?? false,
      schemata,
      properties,
      caption: spec.caption ?? [],
      featured: spec.featured ?? [],
      required: spec.required ?? [],
      edge: spec.edge,
      temporalExtent: spec.temporalExtent,
      isA: (other) => schemata.has(other),
      hasProperty: (p) => properties.has(p),
      getProperty: (p) => {
        const prop = properties.get(p);
        if (!prop) throw new VizierError("UNKNOWN_PROPERTY", unknownProperty(name, p, properties));
        return prop;
      },
    };
    this.built.set(name, schema);
    return schema;
  }

  /** Extensions declare `reverse` names; give the range schema the matching stub property. */
  private addReverseProperties(): void {
    for (const [schemaName, spec] of Object.entries(this.specs)) {
      for (const prop of Object.values(spec.properties)) {
        if (prop.type !== "entity" || !prop.range || !prop.reverse) continue;
        const target = this.specs[prop.range];
        if (!target || target.properties[prop.reverse]) continue;
        target.properties[prop.reverse] = {
          name: prop.reverse, label: prop.reverse, type: "entity", range: schemaName, reverse: prop.name, stub: true,
        };
      }
    }
  }
}

/**
 * Names the schema's mappable properties, closest first when some are close (same letters in
 * another case, one begins the other, or at most two edits apart), so a mapping's typo is
 * fixed from the message alone.
 */
export function unknownProperty(schema: string, p: string, properties: ReadonlyMap<string, Property>): string {
  const names = [...properties.values()].filter((x) => !x.stub).map((x) => x.name).sort();
  const lp = p.toLowerCase();
  const near = names.filter((n) => {
    const ln = n.toLowerCase();
    return ln === lp || (lp.length >= 3 && (ln.startsWith(lp) || lp.startsWith(ln))) || damerauLevenshtein(ln, lp, 2) <= 2;
  });
  return `schema ${schema} has no property "${p}"${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}; its properties: ${names.join(", ")}`;
}

function toProperty(schema: string, p: PropertySpec): Property {
  return {
    name: p.name,
    qname: `${schema}:${p.name}`,
    label: p.label ?? p.name,
    type: p.type,
    format: p.format,
    range: p.range,
    reverse: p.reverse,
    matchable: p.matchable ?? false,
    stub: p.stub ?? false,
  };
}

let defaultRegistry: Registry | undefined;

/** The FollowTheMoney model plus Vizier's extensions; built once, immutable afterwards. */
export function defaultModel(): Registry {
  defaultRegistry ??= new Registry({
    schemata: { ...(ftmModel as unknown as ModelSpec).schemata, ...EXTENSION_SCHEMATA },
    types: (ftmModel as unknown as ModelSpec).types,
  });
  return defaultRegistry;
}
