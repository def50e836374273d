/** The ingest use case: files + mappings → statements in a dataset, all or nothing. */
export { ingestFile, type IngestOptions, type IngestProgress, type IngestReport } from "./pipeline";
export { validateFtmEntity } from "./ftm";
export { detectDelimiter } from "./readers/sniff";
export { rowProvenance, runProvenance, toStatements, type RunProvenance } from "./statements";
