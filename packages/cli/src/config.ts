import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { isRetentionPeriod, VizierError } from "@vizier/model";
import { accounts, parseSharingConfig, type SharingConfig } from "@vizier/core";

const ConfigSchema = z.object({
  agency: z.string().min(1),
  datasetDefaults: z.object({
    legalBasis: z.string().min(1),
    purpose: z.string().min(1),
    handling: z.string().min(1),
    reliability: z.string().regex(/^[A-F][1-6]$/),
    retention: z.string().refine(isRetentionPeriod, "not an ISO 8601 period such as P5Y"),
  }),
  sharingRules: z.string().min(1),
  /** Optional single sign-on (docs/accounts.md, "OIDC"): the provider's tokens are accepted as bearer tokens by `vizier serve`. */
  oidc: accounts.OidcConfigSchema.extend({
    /** The provider's key set: a local file, or its jwks_uri (Keycloak: <issuer>/protocol/openid-connect/certs). */
    jwksFile: z.string().min(1).optional(),
    jwksUri: z.string().url().optional(),
  }).refine((o) => Boolean(o.jwksFile) !== Boolean(o.jwksUri), "oidc needs exactly one of jwksFile and jwksUri").optional(),
});

export type InstallationConfig = z.infer<typeof ConfigSchema> & { file: string; sharing: SharingConfig };

/** The repository root (where config/ and examples/ live), found from the bundle's location. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "config", "vizier.yml"))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** Reads and validates the installation configuration and the sharing rules it points to. */
export function loadConfig(file: string | undefined): InstallationConfig {
  const path = resolve(file ?? join(repoRoot(), "config", "vizier.yml"));
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new VizierError("INVALID_ARGUMENT", `cannot read configuration ${path}: ${(e as Error).message}`, { location: { file: path } });
  }
  const r = ConfigSchema.safeParse(raw);
  if (!r.success) throw new VizierError("INVALID_ARGUMENT", `${path}: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const rulesPath = resolve(dirname(path), r.data.sharingRules);
  let text: string;
  try {
    text = readFileSync(rulesPath, "utf8");
  } catch (e) {
    throw new VizierError("INVALID_ARGUMENT", `cannot read sharing rules ${rulesPath}: ${(e as Error).message}`);
  }
  return { ...r.data, file: path, sharing: parseSharingConfig(text, rulesPath) };
}
