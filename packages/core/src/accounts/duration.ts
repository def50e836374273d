import { VizierError } from "@vizier/model";

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Parses a lifetime like `90d`, `12h`, `30m` into milliseconds; `never` gives undefined.
 * Bounded to ten years so a typo cannot create an effectively eternal credential by accident.
 */
export function parseLifetime(s: string): number | undefined {
  const t = s.trim().toLowerCase();
  if (t === "never") return undefined;
  const m = /^(\d{1,6})([mhd])$/.exec(t);
  if (!m) throw new VizierError("INVALID_ARGUMENT", `invalid lifetime "${s}": use e.g. 90d, 12h, 30m or never`);
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  if (ms <= 0 || ms > 3650 * UNIT_MS.d) throw new VizierError("INVALID_ARGUMENT", `lifetime "${s}" must be between 1 minute and 3650 days`);
  return ms;
}
