export interface AccessRequest {
  id: string; requester: string; requesterAgency: string; entityIds: string[]; dataset: string; owner: string; purpose: string;
  justification: string; status: "pending" | "approved" | "refused"; createdAt: string; decidedBy?: string; decidedAt?: string; reason?: string; until?: string;
}

/** Splits the list into the viewer's own requests and those addressed to the viewer's agency that they may decide. */
export function splitRequests(items: readonly AccessRequest[], me: { id: string; agency: string; roles: readonly string[] }) {
  const decider = me.roles.some((r) => r === "admin" || r === "privacy_officer" || r === "liaison");
  const toDecide = items.filter((r) => decider && r.owner === me.agency && r.requester !== me.id && r.status === "pending");
  const decided = items.filter((r) => r.owner === me.agency && r.requester !== me.id && r.status !== "pending");
  const mine = items.filter((r) => r.requester === me.id);
  return { mine, toDecide, decided, decider };
}

/** "a,b , c" → ["a","b","c"] (ids for a new request). */
export const parseIds = (s: string): string[] => [...new Set(s.split(/[\s,]+/).filter((x) => x !== ""))];
