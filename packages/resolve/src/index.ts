/** @vizier/resolve — entity resolution in the store: per-view runs, stable resolved ids, judgements, review queue. */
export { resolveStore, DEFAULT_BAND, type ResolveStoreOptions, type ResolveSummary } from "./run";
export { judge, undoJudgement, judgementsFor, VERDICTS } from "./judgements";
export { listReview, showReview, showResolved, type EntityBrief, type ReviewItem } from "./queries";
export { resolutionOf } from "./port";
export { viewOf, basisWithin, type View } from "./view";
export { resolveGroup, resolveGroupParallel, pairId, type GroupInput, type GroupOutput } from "./compute";
export { assignIds } from "./ids";
export { groupOf, toRecord, fingerprint, GROUPS, type Group } from "./records";
