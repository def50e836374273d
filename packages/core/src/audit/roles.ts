import { VizierError } from "@vizier/model";
import type { Ctx } from "../context";

/** Reading the audit log is for administrators and privacy officers (and system tasks). */
export function requireAuditRole(ctx: Ctx, what: string): void {
  if (ctx.actor.kind === "system") return;
  if (!ctx.actor.roles.some((r) => r === "admin" || r === "privacy_officer")) {
    throw new VizierError("FORBIDDEN", `only administrators and privacy officers may ${what}`);
  }
}
