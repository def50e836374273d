/** @vizier/scenario — a seeded multi-agency case (cocaine import and its money) in a haystack, with ground truth. */
export { generateScenario, SOURCES } from "./generate";
export type { GenerateOptions, GenerateResult } from "./generate";
export { ingestSource, readManifest, ManifestSchema, MANIFEST_FILE } from "./manifest";
export type { Manifest } from "./manifest";
export type { DatasetSpec, FileSpec } from "./context";
export { IDENTITY_COLUMNS, LAUNDERING_COLUMNS, KEY_PLAYER_COLUMNS } from "./truth";
