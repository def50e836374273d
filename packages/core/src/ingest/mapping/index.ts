export type {
  CompiledEntity, CompiledMapping, CompiledProp, CompiledQuery, EntitySpec, MappedEntity, MappedValue, MappingResult,
  MappingSpec, PropertyMappingSpec, QuerySpec, RowProblem,
} from "./types";
export { parseMapping } from "./spec";
export { compileMapping } from "./compile";
export { applyMapping } from "./apply";
