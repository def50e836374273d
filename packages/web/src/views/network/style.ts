/**
 * How a schema looks: node colour in the explorer, icon name in i2 ANX exports. Schemata
 * not listed fall back to their family (anything with "Company"/"Organization" is an
 * organisation), then to a neutral default.
 */

export interface SchemaStyle {
  colour: string;
  /** Icon type in i2 Analyst's Notebook's standard palette. */
  anxIcon: string;
}

const STYLES: Record<string, SchemaStyle> = {
  Person: { colour: "#1f77b4", anxIcon: "Person" },
  Company: { colour: "#d62728", anxIcon: "Organisation" },
  Organization: { colour: "#e377c2", anxIcon: "Organisation" },
  LegalEntity: { colour: "#9467bd", anxIcon: "Organisation" },
  PublicBody: { colour: "#8c564b", anxIcon: "Organisation" },
  BankAccount: { colour: "#2ca02c", anxIcon: "Account" },
  CryptoWallet: { colour: "#17becf", anxIcon: "Account" },
  Phone: { colour: "#ff7f0e", anxIcon: "Telephone" },
  Address: { colour: "#7f7f7f", anxIcon: "Address" },
  Vehicle: { colour: "#bcbd22", anxIcon: "Vehicle" },
  Vessel: { colour: "#1a55a0", anxIcon: "Ship" },
  Airplane: { colour: "#5a5a9a", anxIcon: "Aircraft" },
  Shipment: { colour: "#a05a2c", anxIcon: "Container" },
  RealEstate: { colour: "#6b8e23", anxIcon: "House" },
};

const DEFAULT_STYLE: SchemaStyle = { colour: "#999999", anxIcon: "Entity" };

export function schemaStyle(schema: string): SchemaStyle {
  const s = STYLES[schema];
  if (s) return s;
  if (/Company|Organi[sz]ation/.test(schema)) return STYLES.Organization ?? DEFAULT_STYLE;
  return DEFAULT_STYLE;
}

/** Ten colours from the Tableau 10 palette, distinguishable on white; communities cycle through them. */
export const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"] as const;

export function communityColour(community: number): string {
  return PALETTE[((community % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? "#999999";
}

/** Node sizes in [min, max] by the square root of a metric (area grows with the value). */
export function sizeScale(values: ReadonlyMap<string, number>, min = 3, max = 14): Map<string, number> {
  let hi = 0;
  for (const v of values.values()) if (Number.isFinite(v) && v > hi) hi = v;
  const out = new Map<string, number>();
  for (const [id, v] of values) out.set(id, hi > 0 && Number.isFinite(v) && v > 0 ? min + (max - min) * Math.sqrt(v / hi) : min);
  return out;
}
