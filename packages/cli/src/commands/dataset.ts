import type { Command } from "commander";
import { isReliability, isRetentionPeriod, VizierError, type Dataset } from "@vizier/model";
import { createDataset } from "@vizier/core";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

interface CreateOptions {
  agency?: string; legalBasis?: string; purpose?: string; handling?: string; retention?: string; reliability?: string;
  compartment?: string; label?: string; description?: string;
}

/** `vizier dataset create|list|show`. */
export function registerDataset(program: Command, env: Env): void {
  const ds = program.command("dataset").description("register and inspect datasets (every ingest goes into one)");
  ds.command("create <name>")
    .description("register a dataset with its owning agency, legal basis, purpose, handling code and retention")
    .option("--agency <code>", "owning agency (default: the installation's agency)")
    .option("--legal-basis <text>", "legal basis under which the data is held")
    .option("--purpose <text>", "purpose for which the data was collected")
    .option("--handling <code>", "default handling code of its statements (TLP or H0–H3)")
    .option("--retention <period>", "ISO 8601 retention period, e.g. P5Y or P18M")
    .option("--reliability <grade>", "Admiralty grading: source A–F and information 1–6, e.g. B2")
    .option("--compartment <case>", "case reference: only members of that case may read it")
    .option("--label <text>", "human-readable name")
    .option("--description <text>", "what the dataset holds")
    .addHelpText("after", "\nExamples:\n  vizier dataset create kvk --agency KVK --handling GREEN --legal-basis \"Handelsregisterwet art. 21\"\n  vizier dataset create douane-aangiften --agency DOUANE --retention P7Y")
    .action(async (name: string, o: CreateOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (!NAME.test(name)) throw new VizierError("INVALID_ARGUMENT", `dataset name "${name}" must be lower case letters, digits, _ . - (max 64)`);
      await withRuntime(g, env, async (rt) => {
        const d = rt.config.datasetDefaults;
        const agency = o.agency ?? rt.agency;
        const known = rt.config.sharing.agencies.map((a) => a.code);
        if (!known.includes(agency)) throw new VizierError("INVALID_ARGUMENT", `unknown agency ${agency}; known: ${known.join(", ")}`);
        const handling = o.handling ?? d.handling;
        const codes = rt.config.sharing.handlingCodes.map((h) => h.code);
        if (!codes.includes(handling)) throw new VizierError("INVALID_ARGUMENT", `unknown handling code ${handling}; known: ${codes.join(", ")}`);
        const retention = o.retention ?? d.retention;
        if (!isRetentionPeriod(retention)) throw new VizierError("INVALID_ARGUMENT", `retention "${retention}" is not an ISO 8601 period such as P5Y`);
        const reliability = o.reliability ?? d.reliability;
        if (!isReliability(reliability)) throw new VizierError("INVALID_ARGUMENT", `reliability "${reliability}" is not an Admiralty grade such as B2`);
        const dataset: Dataset = {
          name, label: o.label ?? name, agency, legalBasis: o.legalBasis ?? d.legalBasis, purpose: o.purpose ?? d.purpose, handling,
          reliability, retention, compartment: o.compartment ?? "", description: o.description ?? "", createdAt: new Date().toISOString(),
        };
        await createDataset(rt.adminCtx("dataset-administration"), rt.svc, dataset);
        const defaulted = (k: keyof CreateOptions) => (o[k] === undefined ? " (default)" : "");
        emit(g.json, dataset, () => [
          `Created dataset ${name}`,
          `  agency       ${dataset.agency}${defaulted("agency")}`,
          `  legal basis  ${dataset.legalBasis}${defaulted("legalBasis")}`,
          `  purpose      ${dataset.purpose}${defaulted("purpose")}`,
          `  handling     ${dataset.handling}${defaulted("handling")}`,
          `  reliability  ${dataset.reliability}${defaulted("reliability")}`,
          `  retention    ${dataset.retention}${defaulted("retention")}`,
          ...(dataset.compartment ? [`  compartment  ${dataset.compartment}`] : []),
        ].join("\n"));
      });
    });
  ds.command("list").description("list datasets").action(async (_o: unknown, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    await withRuntime(g, env, async (rt) => {
      const list = await rt.svc.store.listDatasets();
      emit(g.json, list, () => list.length === 0 ? "No datasets yet: vizier dataset create <name>" :
        table(["name", "agency", "handling", "retention", "legal basis"], list.map((d) => [d.name, d.agency, d.handling, d.retention, d.legalBasis])));
    });
  });
  ds.command("show <name>").description("show a dataset with its ingest runs").action(async (name: string, _o: unknown, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    await withRuntime(g, env, async (rt) => {
      const d = await rt.svc.store.getDataset(name);
      if (!d) throw new VizierError("NOT_FOUND", `no dataset "${name}"`);
      const runs = await rt.svc.store.listRuns(name);
      emit(g.json, { ...d, runs }, () => [
        ...Object.entries(d).map(([k, v]) => `${k.padEnd(12)} ${String(v)}`),
        "", runs.length ? table(["run", "file", "rows", "ok", "quarantined", "statements", "finished"], runs.map((r) => [r.id.slice(0, 8), r.file, r.rowsRead ?? 0, r.rowsOk ?? 0, r.rowsQuarantined ?? 0, r.statements ?? 0, r.finishedAt ?? ""])) : "No ingest runs yet.",
      ].join("\n"));
    });
  });
}
