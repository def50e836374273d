export { decide } from "./decide";
export { parseSharingConfig, globMatch, SharingConfigSchema, type SharingConfig, type HandlingCode, type SharingRule } from "./rules";
export { inScope, scopePairs, type AccessScope } from "./scope";
