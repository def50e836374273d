/** The ingest use case: files + mappings → statements in a dataset, all or nothing. */
export { ingestFile, type IngestOptions, type IngestProgress, type IngestReport } from "./pipeline";
export { validateFtmEntity } from "./ftm";
export { detectDelimiter } from "./readers/sniff";
export { parseColumnNames, readingOptions } from "./readers/open";
export type { OpenOptions } from "./readers/types";
export { openMapped, type MappedRow, type MappedSourceOptions } from "./mapped";
export { rowProvenance, runProvenance, toStatements, type RunProvenance } from "./statements";
