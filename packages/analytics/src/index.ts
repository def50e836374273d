/** @vizier/analytics — the viewer's access-filtered network and payments from the store, for @vizier/graph and @vizier/flows. */
export { readableEntities, loadReadable, auditLoad } from "./load";
export type { SchemaFilter } from "./load";
export { EDGE_TYPES } from "./graph/types";
export type { EdgeType, Network, NetworkEdge, NetworkNode, NetworkOptions } from "./graph/types";
export { deriveNetwork, loadNetwork, networkGraph, describeRequest } from "./graph/network";
export { paymentsTable } from "./flows/payments";
export type { PaymentOptions, PaymentTable } from "./flows/payments";
export { resolveHolders } from "./flows/holders";
export type { Holders } from "./flows/holders";
export { loadPayments } from "./flows/load-payments";
export { applyResolution, mergeResolved, resolvedIds } from "./resolved";
export type { Resolution } from "./resolved";
export { expandNeighbourhood } from "./expand";
export type { ExpandOptions, Neighbourhood } from "./expand";
export { timeline } from "./timeline";
export type { TimelineItem, TimelineOptions } from "./timeline";
