import { randomBytes } from "node:crypto";
import { z } from "zod";
import { VizierError } from "@vizier/model";
import { audit, auditEntry, linkAudit } from "../audit/chain";
import type { Ctx } from "../context";
import type { AccessRequest, AccessRequestPort } from "../ports/access-requests";
import { scopeFor } from "../read/scope";
import type { Services } from "../services";
import { mayDecide } from "./roles";

const RequestInput = z.object({
  entityIds: z.array(z.string().trim().min(1).max(200)).min(1).max(100),
  dataset: z.string().trim().min(1),
  justification: z.string().trim().min(10, "a justification needs at least 10 characters").max(4000),
});
export type AccessRequestInput = z.input<typeof RequestInput>;

const DecisionInput = z.object({
  approve: z.boolean(),
  reason: z.string().trim().min(3, "give a reason").max(4000),
  /** ISO date (valid through the end of that day, UTC) or timestamp. */
  until: z.string().trim().optional(),
});
export type AccessDecisionInput = z.input<typeof DecisionInput>;

/** The access-request port of the services, or a clear error when the store has none. */
export function accessPort(svc: Services): AccessRequestPort {
  if (!svc.access) throw new VizierError("STORE_UNAVAILABLE", "this store does not keep access requests");
  return svc.access;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new VizierError("INVALID_ARGUMENT", r.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
  return r.data;
}

/**
 * Files an access request for statements the viewer is refused: the named entities must have
 * statements in `dataset` that the decision point withholds from this actor for this purpose.
 * Audited (`access.request`) in the same transaction as the request is stored.
 */
export async function requestAccess(ctx: Ctx, svc: Services, input: AccessRequestInput): Promise<AccessRequest> {
  const inp = parse(RequestInput, input);
  if (ctx.actor.kind !== "user") throw new VizierError("FORBIDDEN", "only users can request access");
  const port = accessPort(svc);
  const ds = await svc.store.getDataset(inp.dataset);
  if (!ds) throw new VizierError("NOT_FOUND", `dataset "${inp.dataset}" does not exist`);
  const entityIds = [...new Set(inp.entityIds)];
  const withheld = await svc.store.countWithheld(await scopeFor(ctx, svc), entityIds);
  const held = new Set(withheld.filter((w) => w.dataset === ds.name).map((w) => w.entityId));
  const missing = entityIds.filter((id) => !held.has(id));
  if (missing.length > 0) {
    throw new VizierError("INVALID_ARGUMENT", `nothing of ${missing.join(", ")} is withheld from you in dataset "${ds.name}" for this purpose`);
  }
  const r: AccessRequest = {
    id: `ar-${randomBytes(6).toString("hex")}`, requester: ctx.actor.id, requesterAgency: ctx.actor.agency, entityIds,
    dataset: ds.name, owner: ds.agency, purpose: ctx.purpose, justification: inp.justification, status: "pending",
    createdAt: ctx.now().toISOString(),
  };
  const entry = auditEntry(ctx, "access.request", `${r.id} dataset=${r.dataset}: ${r.justification}`, entityIds, [ds.agency]);
  await port.createAccessRequest(r, { entries: [entry], link: linkAudit });
  return r;
}

/** End of the given day (UTC) for a date, or the timestamp itself; must lie in the future. */
export function parseUntil(until: string, now: Date): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(until) ? `${until}T23:59:59.999Z` : until;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new VizierError("INVALID_ARGUMENT", `--until "${until}" is not a date (YYYY-MM-DD)`);
  if (t.getTime() <= now.getTime()) throw new VizierError("INVALID_ARGUMENT", `--until ${until} lies in the past`);
  return t.toISOString();
}

/**
 * The owning agency approves (optionally until a date) or refuses a pending request, with a
 * reason. Only an admin, privacy officer or liaison officer of the owner may decide, and never on
 * their own request. Audited (`access.decide`) in the same transaction as the decision.
 */
export async function decideAccess(ctx: Ctx, svc: Services, id: string, input: AccessDecisionInput): Promise<AccessRequest> {
  const inp = parse(DecisionInput, input);
  const port = accessPort(svc);
  const r = await port.getAccessRequest(id);
  if (!r) throw new VizierError("NOT_FOUND", `access request ${id} does not exist`);
  const refusal = mayDecide(ctx.actor, r);
  if (refusal) throw new VizierError("FORBIDDEN", refusal);
  if (r.status !== "pending") throw new VizierError("CONFLICT", `access request ${id} was already ${r.status}`);
  if (!inp.approve && inp.until) throw new VizierError("INVALID_ARGUMENT", "--until applies to approvals only");
  const now = ctx.now();
  const until = inp.approve && inp.until ? parseUntil(inp.until, now) : undefined;
  const status = inp.approve ? "approved" as const : "refused" as const;
  const entry = auditEntry(ctx, "access.decide", `${id} ${status}${until ? ` until ${until}` : ""}: ${inp.reason}`, r.entityIds, [r.requesterAgency]);
  return port.decideAccessRequest(id, { status, decidedBy: ctx.actor.id, decidedAt: now.toISOString(), reason: inp.reason, ...(until ? { until } : {}) },
    { entries: [entry], link: linkAudit });
}

/**
 * The requests this actor may see: the ones they filed and, for deciding roles, the ones addressed
 * to their agency. Newest first. Audited (`access.list`, with the request ids shown): requests and
 * their justifications say what an agency is investigating.
 */
export async function listAccess(ctx: Ctx, svc: Services, q: { pending?: boolean } = {}): Promise<AccessRequest[]> {
  const port = accessPort(svc);
  const status = q.pending ? { status: "pending" as const } : {};
  const mine = await port.listAccessRequests({ requester: ctx.actor.id, ...status });
  const deciding = ctx.actor.roles.some((r) => r === "admin" || r === "privacy_officer" || r === "liaison");
  const theirs = deciding ? await port.listAccessRequests({ owner: ctx.actor.agency, ...status }) : [];
  const byId = new Map([...mine, ...theirs].map((r) => [r.id, r]));
  const list = [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id.localeCompare(b.id)));
  await audit(svc.store, [auditEntry(ctx, "access.list", q.pending ? "pending" : "all", list.map((r) => r.id))]);
  return list;
}
