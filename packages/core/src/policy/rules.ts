import { parse } from "yaml";
import { z } from "zod";
import { VizierError } from "@vizier/model";

/** How far a handling code lets data travel inside the installation. */
const HandlingSchema = z.object({
  code: z.string().min(1),
  label: z.string(),
  family: z.enum(["TLP", "EUROPOL", "LOCAL"]),
  /** rules: whoever the sharing rules allow; owner: the owning agency only (AMBER+STRICT, RED). */
  share: z.enum(["rules", "owner"]),
  /** May it be exported or passed on without the owner's consent? */
  onward: z.boolean(),
  /** May it be used as evidence without the owner's consent? */
  evidence: z.boolean(),
});

const RuleSchema = z.object({
  from: z.string().min(1),
  to: z.array(z.string().min(1)),
  /** Legal bases (glob with `*`) under which the owner's data may go to `to`; default any. */
  legalBases: z.array(z.string()).default(["*"]),
  /** Purposes (glob, e.g. `case:*`); default any. */
  purposes: z.array(z.string()).default(["*"]),
  note: z.string().optional(),
});

export const SharingConfigSchema = z.object({
  agencies: z.array(z.object({ code: z.string().min(1), name: z.string(), country: z.string().length(2), public: z.boolean().default(false) })).min(1),
  handlingCodes: z.array(HandlingSchema).min(1),
  rules: z.array(RuleSchema),
}).superRefine((cfg, ctx) => {
  const agencies = new Set(cfg.agencies.map((a) => a.code));
  cfg.rules.forEach((r, i) => {
    for (const a of [r.from, ...r.to]) if (!agencies.has(a)) ctx.addIssue({ code: "custom", path: ["rules", i], message: `unknown agency ${a}` });
  });
  const codes = cfg.handlingCodes.map((h) => h.code);
  if (new Set(codes).size !== codes.length) ctx.addIssue({ code: "custom", path: ["handlingCodes"], message: "duplicate handling code" });
});

export type SharingConfig = z.infer<typeof SharingConfigSchema>;
export type HandlingCode = z.infer<typeof HandlingSchema>;
export type SharingRule = z.infer<typeof RuleSchema>;

/** Parses and validates the sharing-rules YAML; a bad file stops startup with the path to the bad key. */
export function parseSharingConfig(text: string, file: string): SharingConfig {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new VizierError("INVALID_ARGUMENT", `${file}: not valid YAML: ${(e as Error).message}`, { location: { file } });
  }
  const r = SharingConfigSchema.safeParse(raw);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new VizierError("INVALID_ARGUMENT", `${file}: invalid sharing rules: ${msg}`, { location: { file } });
  }
  return r.data;
}

/** Glob match with `*` as the only wildcard. */
export function globMatch(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  let re = globs.get(pattern);
  if (!re) {
    re = new RegExp("^" + pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$", "i");
    // Patterns come from the sharing configuration: few, so compiled once (bounded all the same).
    if (globs.size >= 10_000) globs.clear();
    globs.set(pattern, re);
  }
  return re.test(value);
}

const globs = new Map<string, RegExp>();
