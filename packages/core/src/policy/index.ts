export { decide } from "./decide";
export { parseSharingConfig, globMatch, SharingConfigSchema, type SharingConfig, type HandlingCode, type SharingRule } from "./rules";
export { inScope, scopeAllows, scopePairs, scopeGrantPairs, type AccessScope } from "./scope";
export { grantApplies, type Grant } from "./grants";
