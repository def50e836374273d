export { requestAccess, decideAccess, listAccess, parseUntil, type AccessRequestInput, type AccessDecisionInput } from "./requests";
export { mayDecide, DECIDING_ROLES } from "./roles";
export { grantsFor } from "./grants";
export { toAccessRequest, type AccessRequestRow } from "./rows";
