import { createRoute, z } from "@hono/zod-openapi";
import { loadPayments, type PaymentTable } from "@vizier/analytics";
import type { Ctx } from "@vizier/core";
import { aggregateFlows, detectPatterns, isoTime, PATTERNS, trace, txId } from "@vizier/flows";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, IdParam, jsonResponse, problems, PURPOSE_PARAMETER } from "../schemas";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const list = <T extends z.ZodType<string, string>>(item: T, max: number, what: string) => z.string().min(1).max(max * 201)
  .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(item).min(1).max(max))
  .openapi({ type: "string", description: `comma-separated ${what} (at most ${max})` });
const window = { since: isoDate.optional(), until: isoDate.optional().openapi({ description: "exclusive" }) };
const by = z.enum(["holder", "account"]).default("holder").openapi({ description: "follow money between holders (persons, companies) or accounts" });

const Party = z.object({ id: z.string(), label: z.string() });
const TraceSchema = z.object({
  direction: z.enum(["forward", "backward"]), start: Party, total: z.number(), stopped: z.number(), truncated: z.boolean(),
  retained: z.array(Party.extend({ amount: z.number() })),
  paths: z.array(z.object({
    amount: z.number(),
    steps: z.array(z.object({ hop: z.number().int(), payment: z.string(), from: Party, to: Party, time: z.string(), amount: z.number(), traced: z.number() })),
  })),
}).openapi("FlowTrace");
const AggregateSchema = z.object({
  period: z.string(), truncated: z.boolean(),
  links: z.array(z.object({ source: Party, target: Party, period: z.string(), amount: z.number(), count: z.number().int() })),
}).openapi("FlowAggregate");
const AlertsSchema = z.object({
  truncated: z.boolean(),
  alerts: z.array(z.object({
    id: z.string(), pattern: z.enum(PATTERNS), score: z.number(), amount: z.number(), start: z.string(), end: z.string(), explanation: z.string(),
    parties: z.array(Party), payments: z.array(z.string()),
  })),
}).openapi("FlowAlerts");

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The viewer's payments (read through the decision point, audited as `flows.load`), bounded. */
async function payments(d: Deps, ctx: Ctx, q: { by: "holder" | "account"; since?: string | undefined; until?: string | undefined }): Promise<PaymentTable & { party: (i: number) => { id: string; label: string } }> {
  const res = await loadPayments(ctx, d.svc, { by: q.by, ...(q.since ? { since: q.since } : {}), ...(q.until ? { until: q.until } : {}) });
  if (res.table.size > d.limits.maxFlowPayments) throw new VizierError("INVALID_ARGUMENT", `more than ${d.limits.maxFlowPayments} payments; narrow the window (since, until)`);
  const party = (i: number) => { const id = res.table.accounts[i] ?? ""; return { id, label: res.labels.get(id) ?? id }; };
  return { ...res, party };
}

/** Money flows over the payments the viewer may read (@vizier/flows): trace, Sankey links, typology alerts. */
export function flowRoutes(d: Deps) {
  const traceRoute = createRoute({
    method: "get", path: "/api/flows/trace", tags: ["flows"], summary: "Trace money forward from or backward to an account or entity, time-respecting (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        account: IdParam.optional().openapi({ description: "a BankAccount id (traces between accounts)" }),
        entity: IdParam.optional().openapi({ description: "a person or company id (traces between holders)" }),
        direction: z.enum(["forward", "backward"]).default("forward"),
        hops: z.coerce.number().int().min(1).max(10).default(5),
        rule: z.enum(["fifo", "proportional"]).default("fifo"),
        minAmount: z.coerce.number().min(0).max(1e12).default(0),
        maxPaths: z.coerce.number().int().min(1).max(1000).default(100),
        ...window,
      }),
    },
    responses: { 200: jsonResponse(TraceSchema, "traced paths"), ...problems(...DATA_PROBLEMS, 404) },
  });
  const aggregate = createRoute({
    method: "get", path: "/api/flows/aggregate", tags: ["flows"], summary: "Flows between parties per period, as Sankey links (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        ids: list(IdParam, 100, "party ids: only links from or to them").optional(),
        period: z.enum(["day", "week", "month", "quarter", "year", "all"]).default("all"),
        by,
        limit: z.coerce.number().int().min(1).max(2000).default(200),
        ...window,
      }),
    },
    responses: { 200: jsonResponse(AggregateSchema, "links, largest amount first"), ...problems(...DATA_PROBLEMS) },
  });
  const alerts = createRoute({
    method: "get", path: "/api/flows/alerts", tags: ["flows"], summary: "Explained typology alerts (fan-in/out, cycles, structuring, …) in your payments (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        patterns: list(z.enum(PATTERNS), PATTERNS.length, "patterns").optional(),
        ids: list(IdParam, 100, "party ids: only alerts involving them").optional(),
        by,
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        ...window,
      }),
    },
    responses: { 200: jsonResponse(AlertsSchema, "alerts, earliest first"), ...problems(...DATA_PROBLEMS) },
  });
  return router()
    .openapi(traceRoute, async (c) => {
      const q = c.req.valid("query");
      if ((q.account === undefined) === (q.entity === undefined)) throw new VizierError("INVALID_ARGUMENT", "give exactly one of account or entity");
      const start = (q.account ?? q.entity) as string;
      const p = await payments(d, requestCtx(c, d.now), { by: q.account ? "account" : "holder", since: q.since, until: q.until });
      const t = p.table;
      const k = t.accounts.indexOf(start);
      if (k < 0) throw new VizierError("NOT_FOUND", `${start} makes or receives no payment you may read`);
      const r = trace(t, { start: k, direction: q.direction, maxHops: q.hops, rule: q.rule, minAmount: q.minAmount, maxPaths: q.maxPaths });
      const traced = new Map(r.steps.map((s) => [s.tx, s]));
      return c.json({
        direction: q.direction, start: p.party(k), total: round2(r.total), stopped: round2(r.stopped), truncated: r.truncated,
        retained: [...r.retained].sort((a, b) => b[1] - a[1]).map(([i, amount]) => ({ ...p.party(i), amount: round2(amount) })),
        paths: r.paths.map((path) => ({
          amount: round2(path.amount),
          steps: path.txs.map((i) => ({
            hop: traced.get(i)?.hop ?? 0, payment: txId(t, i), from: p.party(t.from[i] ?? 0), to: p.party(t.to[i] ?? 0),
            time: isoTime(t.time[i] ?? 0), amount: round2(t.amount[i] ?? 0), traced: round2(traced.get(i)?.traced ?? 0),
          })),
        })),
      }, 200);
    })
    .openapi(aggregate, async (c) => {
      const q = c.req.valid("query");
      const p = await payments(d, requestCtx(c, d.now), q);
      const want = q.ids ? new Set(q.ids) : undefined;
      const links = aggregateFlows(p.table, { period: q.period }).filter((l) => !want || want.has(l.source) || want.has(l.target))
        .sort((a, b) => b.amount - a.amount || a.period.localeCompare(b.period) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
      const label = (id: string) => ({ id, label: p.labels.get(id) ?? id });
      return c.json({
        period: q.period, truncated: links.length > q.limit,
        links: links.slice(0, q.limit).map((l) => ({ source: label(l.source), target: label(l.target), period: l.period, amount: round2(l.amount), count: l.count })),
      }, 200);
    })
    .openapi(alerts, async (c) => {
      const q = c.req.valid("query");
      const p = await payments(d, requestCtx(c, d.now), q);
      const t = p.table;
      const want = q.ids ? new Set(q.ids) : undefined;
      const found = detectPatterns(t, q.patterns ? { patterns: q.patterns } : {}).alerts
        .map((a, k) => ({ a, id: `A${k + 1}` }))
        .filter(({ a }) => !want || a.accounts.some((i) => want.has(t.accounts[i] ?? "")));
      return c.json({
        truncated: found.length > q.limit,
        alerts: found.slice(0, q.limit).map(({ a, id }) => ({
          id, pattern: a.pattern, score: a.score, amount: a.amount, start: isoTime(a.start), end: isoTime(a.end), explanation: a.explanation,
          parties: a.accounts.map((i) => p.party(i)), payments: a.txs.map((i) => txId(t, i)),
        })),
      }, 200);
    });
}
