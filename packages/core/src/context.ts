import { VizierError } from "@vizier/model";

export const ROLES = ["analyst", "investigator", "liaison", "privacy_officer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Users come from the account store; system actors only from `systemActor`. */
export interface Actor {
  readonly id: string;
  readonly kind: "user" | "system";
  readonly agency: string;
  readonly roles: readonly Role[];
  /** Case references (compartments) the actor is a member of. */
  readonly cases: readonly string[];
}

/** Explicit context passed first to every domain call: who, why, and when. */
export interface Ctx {
  readonly actor: Actor;
  /** A case reference (`case:…`) or a registered purpose (`purpose:…`); never empty for reads. */
  readonly purpose: string;
  readonly now: () => Date;
}

/** Builds a system actor (ingest, retention, migrations) — never pasted as a literal. */
export function systemActor(task: string, agency: string): Actor {
  return Object.freeze({ id: `system:${task}`, kind: "system" as const, agency, roles: Object.freeze(["admin"] as Role[]), cases: Object.freeze([]) });
}

/** Builds a user actor after authentication. */
export function userActor(id: string, agency: string, roles: readonly Role[], cases: readonly string[] = []): Actor {
  if (!id || !agency) throw new VizierError("INVALID_ARGUMENT", "a user needs an id and an agency");
  return Object.freeze({ id, kind: "user" as const, agency, roles: Object.freeze([...roles]), cases: Object.freeze([...cases]) });
}

/** A context; refuses an empty purpose so "no purpose, no data" holds from the first call. */
export function makeCtx(actor: Actor, purpose: string | undefined, now: () => Date = () => new Date()): Ctx {
  const p = (purpose ?? "").trim();
  if (!p) throw new VizierError("PURPOSE_REQUIRED", "every read needs a purpose: pass --purpose (or set VIZIER_PURPOSE), e.g. --purpose case:NL-2026-0042");
  return Object.freeze({ actor, purpose: p, now });
}
