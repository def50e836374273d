export type { FtmEntity, FtmRecord, OpenedFtm, OpenedSource, OpenOptions, RowProblem, SourceFormat, SourceRow } from "./types";
export { detectFormat, detectEncoding, detectDelimiter } from "./sniff";
export { openSource, parseColumnNames, readingOptions } from "./open";
export { openFtm } from "./ftm";
export { MIXED_ENCODING } from "./csv";
