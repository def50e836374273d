import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { emit } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier init` — creates (or upgrades) the store and records the installation's agency. */
export function registerInit(program: Command, env: Env): void {
  program.command("init")
    .description("create or upgrade the store and record which agency this installation belongs to")
    .option("--agency <code>", "the installation's agency (one of the codes in the sharing rules)")
    .addHelpText("after", "\nExamples:\n  vizier init\n  vizier init --agency DOUANE --db /srv/vizier\n  vizier init --db postgres://vizier@localhost/vizier")
    .action(async (opts: { agency?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        if (opts.agency) {
          if (!rt.config.sharing.agencies.some((a) => a.code === opts.agency)) {
            throw new VizierError("INVALID_ARGUMENT", `unknown agency ${opts.agency}; known: ${rt.config.sharing.agencies.map((a) => a.code).join(", ")}`);
          }
          await rt.svc.store.putSetting("agency", opts.agency);
        } else if (!(await rt.svc.store.getSetting("agency"))) {
          await rt.svc.store.putSetting("agency", rt.config.agency);
        }
        const agency = (await rt.svc.store.getSetting("agency"))!;
        emit(g.json, { store: rt.svc.store.location, kind: rt.svc.store.kind, agency }, () =>
          `Vizier store ready: ${rt.svc.store.location} (${rt.svc.store.kind}), agency ${agency}`);
      });
    });
}
