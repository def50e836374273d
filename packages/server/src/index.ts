/** The Vizier HTTP API: a Hono app over core's services (docs/api.md). */
export { createApp, type AppOptions, type VizierApp } from "./app";
export { listen } from "./serve";
export { locateUi, dirOf, withUi, uiHandler, UI_CSP } from "./static";
export type { Authenticator, SessionInfo } from "./auth/authenticator";
export { memoryAuthenticator, memoryUser, type MemoryUser } from "./auth/memory";
export { JobRunner, INTERRUPTED } from "./jobs/runner";
export { DEFAULT_LIMITS, type Limits } from "./limits";
export { statusFor, type Problem } from "./errors";
export { accountsAuthenticator } from "./auth/accounts";
export { withOidc, type JwksSource } from "./auth/oidc";
export { isClusterWorker, leaveCluster, reportListening, runPrimary, type PrimaryOptions } from "./cluster";
