import type { Cleaned, Property } from "@vizier/model";
import type { Memo } from "./memo";
import type { RowProblem } from "../readers/types";

export type { RowProblem } from "../readers/types";

/** One property mapping after parsing (FtM mapping vocabulary). */
export interface PropertyMappingSpec {
  column?: string;
  columns?: string[];
  literal?: string;
  literals?: string[];
  entity?: string;
  join?: string;
  split?: string;
  format?: string;
  template?: string;
  /** FtM: when this property has no value, the entity is skipped (the mapping says it is optional). */
  required?: boolean;
}

export interface EntitySpec {
  name: string;
  schema: string;
  keys: string[];
  keyLiteral?: string;
  idColumn?: string;
  /** In mapping-file order. */
  properties: [string, PropertyMappingSpec][];
}

export interface QuerySpec {
  /** Where the query sits in the mapping file, for messages (`companies.queries[0]`). */
  path: string;
  filters: [string, string[]][];
  filtersNot: [string, string[]][];
  entities: EntitySpec[];
}

export interface MappingSpec {
  file: string;
  queries: QuerySpec[];
}

/** A property mapping resolved against the model and the file's columns. */
export interface CompiledProp {
  prop: string;
  propType: string;
  clean: Pick<Property, "type" | "format">;
  columns: string[];
  /** Set when the property is one column as it stands (no literals, join, split or template): the common case, mapped without the general path. */
  column: string | undefined;
  /** Literal values, already cleaned at compile time. */
  literals: { value: string; original: string }[];
  /** Index (in the query's compiled entity order) of the referenced entity. */
  ref: number;
  refName: string;
  join: string | undefined;
  split: string | undefined;
  format: string | undefined;
  /** Template parts: text and column references alternate (`{{col}}`). */
  template: { text: string[]; cols: string[] } | undefined;
  required: boolean;
  /** Column(s) named in a problem. */
  label: string;
  /** Cleaning results of recent raw values (cleanValue is pure). */
  memo: Memo<Cleaned>;
  /** cleanValue for this property with its format and the mapping's countries, made once (no closure per value). */
  cleaner: (raw: string) => Cleaned;
}

export interface CompiledEntity {
  name: string;
  schema: string;
  keys: string[];
  keyLiteral: string | undefined;
  idColumn: string | undefined;
  props: CompiledProp[];
  /** Ids of recent key combinations (a company repeats over its directors' rows). */
  idMemo: Memo<string>;
}

export interface CompiledQuery {
  path: string;
  filters: { column: string; values: ReadonlySet<string> }[];
  filtersNot: { column: string; values: ReadonlySet<string> }[];
  /** Referenced entities come before the entities that reference them. */
  entities: CompiledEntity[];
}

export interface CompiledMapping {
  file: string;
  queries: CompiledQuery[];
  columnsUsed: string[];
  countries: Record<string, string>;
}

export interface MappedValue {
  prop: string;
  propType: string;
  value: string;
  original: string;
}

export interface MappedEntity {
  id: string;
  schema: string;
  values: MappedValue[];
}

export interface MappingResult {
  entities: MappedEntity[];
  problems: RowProblem[];
  /** True when every query's filters skipped the row (count it as filtered, not quarantined). */
  filtered: boolean;
}
