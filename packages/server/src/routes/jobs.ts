import { createRoute, z } from "@hono/zod-openapi";
import { JOB_STATUSES, type Ctx, type JobRecord } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { parseColumnNames, readingOptions } from "@vizier/core/ingest";
import { INGEST_FORMATS, type IngestJobParams } from "../jobs/runner";
import { DATA_PROBLEMS, IdParam, jsonResponse, pageQuery, problems, PURPOSE_PARAMETER } from "../schemas";

const FileField = z.custom<File>((v) => v instanceof File, "a file").openapi({ type: "string", format: "binary" });

const UploadSchema = z.object({
  file: FileField.openapi({ description: "the source file (CSV/TSV, XLSX, JSON lines, FtM entities)" }),
  mapping: z.union([z.string().max(1_000_000), FileField]).optional().openapi({ description: "mapping YAML (text or file); not needed for FtM entity files" }),
  dataset: IdParam,
  format: z.enum(INGEST_FORMATS).optional(),
  encoding: z.string().max(40).regex(/^[A-Za-z0-9_-]+$/).optional(),
  sheet: z.string().max(200).optional(),
  columns: z.string().max(10_000).optional().openapi({ description: "CSV/TSV without a header row: its column names, comma-separated, in order (the first line is then data)" })
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const names = parseColumnNames(v);
      if (!names) ctx.addIssue({ code: "custom", message: "columns: a comma-separated list of names, none empty" });
      return names ?? undefined;
    }),
  skipRows: z.coerce.number().int().min(0).max(1_000_000).optional().openapi({ description: "lines (CSV/TSV) or rows of each sheet (XLSX) above the header to ignore: a title, notes" }),
}).openapi("IngestUpload");

export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  actor: z.string(),
  purpose: z.string(),
  dataset: z.string().openapi({ description: "ingest: the dataset loaded into (\"\" for other kinds)" }),
  fileName: z.string().openapi({ description: "ingest: the uploaded file's name (\"\" for other kinds)" }),
  params: z.record(z.string(), z.unknown()).optional().openapi({ description: "resolve and analytics: what was asked for" }),
  progress: z.record(z.string(), z.unknown()).openapi({ description: "ingest: rows, quarantined, bytesRead, bytesTotal; resolve: stage, done, total; analytics: stage, nodes, edges" }),
  result: z.record(z.string(), z.unknown()).nullable().openapi({ description: "once succeeded: the ingest report, the resolution summary, or the analytics result" }),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
}).openapi("Job");

/** The public view of a job: no server paths. */
export function jobJson(j: JobRecord): z.infer<typeof JobSchema> {
  const p = j.params as unknown as Partial<IngestJobParams>;
  return {
    id: j.id, kind: j.kind, status: j.status, actor: j.actor.id, purpose: j.purpose, dataset: p.dataset ?? "", fileName: p.fileName ?? "",
    ...(j.kind === "ingest" ? {} : { params: j.params }),
    progress: j.progress, result: j.result ?? null, error: j.error ?? null, cancelRequested: j.cancelRequested,
    createdAt: j.createdAt, startedAt: j.startedAt ?? null, finishedAt: j.finishedAt ?? null,
  };
}

/** Roles that may load data into their own agency's datasets (the CLI operator is admin + analyst). */
const INGEST_ROLES = new Set(["admin", "analyst", "investigator"]);

async function mayIngest(d: Deps, ctx: Ctx, dataset: string): Promise<void> {
  const ds = await d.svc.store.getDataset(dataset);
  if (!ds) throw new VizierError("NOT_FOUND", `dataset "${dataset}" does not exist`);
  const a = ctx.actor;
  if (a.kind !== "system" && (ds.agency !== a.agency || (ds.compartment && !a.cases.includes(ds.compartment)) || !a.roles.some((r) => INGEST_ROLES.has(r)))) {
    throw new VizierError("FORBIDDEN", `only ${[...INGEST_ROLES].join(", ")} of ${ds.agency}${ds.compartment ? ` in ${ds.compartment}` : ""} may load data into "${dataset}"`);
  }
}

/** A job the caller may see: their own (anyone else's is NOT_FOUND, the same as a missing one). */
async function ownJob(d: Deps, ctx: Ctx, id: string): Promise<JobRecord> {
  const job = await d.jobs.get(id);
  if (!job || job.actor.id !== ctx.actor.id) throw new VizierError("NOT_FOUND", `no job ${id} of yours`);
  return job;
}

/** Ingest jobs: upload a file with a mapping, follow progress, cancel. */
export function jobRoutes(d: Deps) {
  const submit = createRoute({
    method: "post", path: "/api/jobs", tags: ["jobs"], summary: "Upload a file with its mapping and ingest it as a job", parameters: PURPOSE_PARAMETER,
    request: { body: { required: true, content: { "multipart/form-data": { schema: UploadSchema } } } },
    responses: { 202: jsonResponse(JobSchema, "queued"), ...problems(...DATA_PROBLEMS, 404, 413, 422) },
  });
  const list = createRoute({
    method: "get", path: "/api/jobs", tags: ["jobs"], summary: "Your jobs, newest first", parameters: PURPOSE_PARAMETER,
    request: { query: z.object({ status: z.enum(JOB_STATUSES).optional(), ...pageQuery(d.limits.maxPageSize, d.limits.maxOffset) }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(JobSchema), limit: z.number().int(), offset: z.number().int() }), "jobs"), ...problems(...DATA_PROBLEMS) },
  });
  const show = createRoute({
    method: "get", path: "/api/jobs/{id}", tags: ["jobs"], summary: "One of your jobs with its progress or outcome", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: IdParam }) },
    responses: { 200: jsonResponse(JobSchema, "the job"), ...problems(...DATA_PROBLEMS, 404) },
  });
  const cancel = createRoute({
    method: "post", path: "/api/jobs/{id}/cancel", tags: ["jobs"], summary: "Cancel a queued or running job (a cancelled ingest stores nothing)", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: IdParam }) },
    responses: { 200: jsonResponse(JobSchema, "the job after the request"), ...problems(...DATA_PROBLEMS, 404, 409) },
  });
  return router()
    .openapi(submit, async (c) => {
      const form = c.req.valid("form");
      const ctx = requestCtx(c, d.now);
      await mayIngest(d, ctx, form.dataset);
      const mapping = form.mapping === undefined ? undefined : typeof form.mapping === "string" ? form.mapping : await form.mapping.text();
      const job = await d.jobs.submitIngest(ctx, {
        dataset: form.dataset, fileName: form.file.name || "upload", bytes: new Uint8Array(await form.file.arrayBuffer()),
        ...(mapping !== undefined ? { mapping } : {}), ...readingOptions(form),
      });
      return c.json(jobJson(job), 202);
    })
    .openapi(list, async (c) => {
      const q = c.req.valid("query");
      const ctx = requestCtx(c, d.now);
      const jobs = await d.jobs.list({ actor: ctx.actor.id, limit: q.limit, offset: q.offset, ...(q.status ? { status: q.status } : {}) });
      return c.json({ items: jobs.map(jobJson), limit: q.limit, offset: q.offset }, 200);
    })
    .openapi(show, async (c) => c.json(jobJson(await ownJob(d, requestCtx(c, d.now), c.req.valid("param").id)), 200))
    .openapi(cancel, async (c) => {
      const ctx = requestCtx(c, d.now);
      const job = await ownJob(d, ctx, c.req.valid("param").id);
      return c.json(jobJson(await d.jobs.cancel(job.id)), 200);
    });
}
