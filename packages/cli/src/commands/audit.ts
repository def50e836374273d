import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { verifyAudit } from "@vizier/core";
import { emit } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier audit verify` — walks the hash chain; exits 8 when any record was altered, removed, inserted or reordered. */
export function registerAudit(program: Command, env: Env): void {
  const a = program.command("audit").description("the tamper-evident audit log");
  a.command("verify").description("verify the audit hash chain; non-zero exit when it was tampered with")
    .addHelpText("after", "\nExample:\n  vizier audit verify && echo intact")
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const v = await verifyAudit(rt.svc.store.scanAudit(10_000));
        if (!v.ok) throw new VizierError("AUDIT_TAMPERED", `audit log tampered with at record ${v.firstBad?.seq}: ${v.firstBad?.reason}`);
        emit(g.json, v, () => `Audit chain intact: ${v.records} records.`);
      });
    });
}
