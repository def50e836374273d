import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { anchorAudit, auditCsv, makeCtx, auditHtml, parseAnchor, queryAudit, verifyAudit, type AuditAnchor, type AuditFilter, type AuditRecord } from "@vizier/core";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

interface QueryOptions {
  entity?: string; actor?: string; agency?: string; action?: string; since?: string; until?: string;
  format: string; out?: string;
}

/** Writes streamed text to a file (or stdout), respecting back-pressure. */
async function writeAll(chunks: AsyncIterable<string>, out: string | undefined): Promise<void> {
  const stream = out ? createWriteStream(out) : process.stdout;
  for await (const c of chunks) if (!stream.write(c)) await once(stream, "drain");
  if (out) await new Promise<void>((res, rej) => { stream.once("error", rej); stream.end(res); });
}

async function* tableLines(records: AsyncIterable<AuditRecord>): AsyncGenerator<string> {
  const rows: Array<Array<string | number>> = [];
  for await (const r of records) rows.push([r.seq, r.at, `${r.actor} (${r.agency})`, r.purpose, r.action, r.query.slice(0, 60), r.resultIds.length]);
  yield rows.length === 0 ? "No matching audit records.\n" : table(["seq", "at", "who", "purpose", "action", "query", "results"], rows) + "\n";
}

/** `vizier audit verify|anchor|query` — the tamper-evident log and the privacy officer's questions to it. */
export function registerAudit(program: Command, env: Env): void {
  const a = program.command("audit").description("the tamper-evident audit log");
  a.command("verify").description("verify the audit hash chain; non-zero exit when it was tampered with")
    .option("--anchor <file>", "also require the record named by this anchor (from `vizier audit anchor`): catches a truncated log")
    .addHelpText("after", "\nExamples:\n  vizier audit verify && echo intact\n  vizier audit verify --anchor /media/usb/vizier-anchor-2026-06-01.json")
    .action(async (o: { anchor?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      let anchor: AuditAnchor | undefined;
      if (o.anchor) {
        let text: string;
        try {
          text = readFileSync(o.anchor, "utf8");
        } catch (e) {
          throw new VizierError("NOT_FOUND", `cannot read the anchor file ${o.anchor}: ${(e as Error).message}`, { location: { file: o.anchor } });
        }
        anchor = parseAnchor(text, o.anchor);
      }
      await withRuntime(g, env, async (rt) => {
        const v = await verifyAudit(rt.svc.store.scanAudit(10_000), anchor);
        if (!v.ok) throw new VizierError("AUDIT_TAMPERED", `audit log tampered with at record ${v.firstBad?.seq}: ${v.firstBad?.reason}`);
        emit(g.json, { ...v, ...(anchor ? { anchor: { seq: anchor.seq, hash: anchor.hash } } : {}) },
          () => `Audit chain intact: ${v.records} records.${anchor ? ` Anchor ${anchor.seq} (taken ${anchor.at}) found with its hash.` : ""}`);
      });
    });
  a.command("anchor").description("record the chain head (seq, hash) for safekeeping outside the store; admins and privacy officers")
    .option("--out <file>", "write the anchor to this file (default: print it)")
    .addHelpText("after", "\nKeep the anchor somewhere the store's administrators cannot change (another machine, a signed e-mail, paper).\nExample:\n  vizier audit anchor --out /media/usb/vizier-anchor-$(date +%F).json")
    .action(async (o: { out?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (o.out && existsSync(o.out)) throw new VizierError("ALREADY_EXISTS", `${o.out} exists; anchors are never overwritten`);
      await withRuntime(g, env, async (rt) => {
        const anchor = await anchorAudit(rt.adminCtx("audit-oversight"), rt.svc);
        const text = JSON.stringify(anchor, null, 2) + "\n";
        if (o.out) writeFileSync(o.out, text, { flag: "wx" });
        if (!o.out || g.json) process.stdout.write(text);
        else process.stdout.write(`Anchor at record ${anchor.seq} written to ${o.out}; verify later with: vizier audit verify --anchor ${o.out}\n`);
      });
    });
  a.command("query").description("who consulted what, when and why (admins and privacy officers); the query is itself audited")
    .option("--entity <id>", "records whose results or query name this entity")
    .option("--actor <user>", "records of this user (glob with *)")
    .option("--agency <code>", "records of users of this agency (glob)")
    .option("--action <action>", "search, view, export, access.request, … (glob)")
    .option("--since <date>", "from this date (YYYY-MM-DD, UTC) or ISO time")
    .option("--until <date>", "up to and including this date (YYYY-MM-DD, UTC) or ISO time")
    .option("--format <format>", "table, csv or html (a printable page: open it in a browser and print to PDF)", "table")
    .option("--out <file>", "write to this file instead of stdout")
    .addHelpText("after", "\n--purpose <glob> here selects records made for that purpose (e.g. case:NL-2026-*); your own query is\nrecorded under purpose:audit-oversight.\nExamples:\n  vizier audit query --entity 3f2a… --since 2026-01-01\n  vizier audit query --entity 3f2a… --format html --out consultations.html")
    .action(async (o: QueryOptions, cmd: Command) => {
      // Here the global --purpose filters the records' purpose (glob); the officer's own reading is
      // always recorded under purpose:audit-oversight.
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const purposeFilter = g.purpose;
      if (!["table", "csv", "html"].includes(o.format)) throw new VizierError("INVALID_ARGUMENT", `--format must be table, csv or html, not "${o.format}"`);
      const filter: AuditFilter = Object.fromEntries(Object.entries({
        entity: o.entity, actor: o.actor, agency: o.agency, purpose: purposeFilter, action: o.action, since: o.since, until: o.until,
      }).filter(([, v]) => v !== undefined));
      await withRuntime(g, env, async (rt) => {
        const admin = rt.adminCtx("audit-oversight");
        const ctx = makeCtx(admin.actor, "purpose:audit-oversight", admin.now);
        const records = queryAudit(ctx, rt.svc, filter);
        if (g.json && o.format === "table") {
          const all: AuditRecord[] = [];
          for await (const r of records) all.push(r);
          emit(true, all, () => "");
          return;
        }
        const criteria = Object.entries(filter).map(([k, v]) => `${k}=${String(v)}`).join(", ") || "all records";
        const lines = o.format === "csv" ? auditCsv(records)
          : o.format === "html" ? auditHtml(records, { title: o.entity ? `Consultations of ${o.entity}` : "Audit log extract", criteria,
            generatedBy: `${ctx.actor.id} (${ctx.actor.agency})`, generatedAt: ctx.now().toISOString(), store: rt.svc.store.location })
          : tableLines(records);
        await writeAll(lines, o.out);
      });
    });
}
