/** Test support shared by adapters: the store contract suite and fixtures. Not for production code. */
export { runStoreContract } from "./store-contract";
export * from "./fixtures";
export { runJobsContract } from "./jobs-contract";
export { runResolutionContract } from "./resolution-contract";
export { runAccessRequestContract, type AccessStore } from "./access-requests-contract";
export { runAuditSafeguardsContract, type AuditTamper } from "../audit/testing";
export { runPolicyStoreProperty, type PolicyStoreHandle } from "../policy/store-property";
export { runAccountsContract, type AccountsStore } from "./accounts-contract";
export { ROW_PATH_DATASET, ROW_PATH_RUN, rowPathRows, writeBothWays, type SourceRow } from "./row-path";
