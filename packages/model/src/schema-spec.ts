/** The FollowTheMoney model's JSON shape (as shipped in @opensanctions/followthemoney's defaultModel.json). */
export interface PropertySpec {
  name: string;
  label?: string;
  type: string;
  range?: string;
  reverse?: string;
  format?: string;
  matchable?: boolean;
  stub?: boolean;
  hidden?: boolean;
  maxLength?: number;
  description?: string;
}

export interface SchemaSpec {
  label?: string;
  plural?: string;
  description?: string;
  extends?: string[];
  abstract?: boolean;
  matchable?: boolean;
  generated?: boolean;
  caption?: string[];
  featured?: string[];
  required?: string[];
  edge?: { source: string; target: string; directed?: boolean; label?: string; caption?: string[] };
  temporalExtent?: { start?: string[]; end?: string[] };
  properties: Record<string, PropertySpec>;
}

export interface TypeSpec {
  label?: string;
  description?: string;
  matchable?: boolean;
  maxLength?: number;
  values?: Record<string, string>;
}

export interface ModelSpec {
  schemata: Record<string, SchemaSpec>;
  types: Record<string, TypeSpec>;
}
