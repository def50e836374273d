import { fail, ok, type Cleaned } from "./result";

/**
 * Dates as FtM stores them: ISO 8601 prefixes whose length is the precision
 * (`2021`, `2021-02`, `2021-02-16`, `2021-02-16T21:48:52`), UTC. Accepts the day-first forms
 * used by Dutch and European sources (`16-02-2021`, `16/02/2021`, `16.2.2021`), compact
 * `20210216`, and an explicit strptime-style format from the mapping (`%d.%m.%Y`).
 */
export function cleanDate(raw: string, format?: string): Cleaned {
  const s = raw.trim();
  if (s === "") return fail("empty date");
  if (format) return parseWithFormat(s, format);
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]00:?00)?)?)?)?$/.exec(s);
  if (m) return assemble(m[1], m[2], m[3], m[4], m[5], m[6], raw);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return assemble(m[3], m[2], m[1], m[4], m[5], m[6], raw);
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return assemble(m[1], m[2], m[3], undefined, undefined, undefined, raw);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return assemble(m[1], m[2], m[3], undefined, undefined, undefined, raw);
  return fail(`unparsable date "${raw}"`);
}

const pad = (v: string) => v.padStart(2, "0");

function assemble(
  y: string | undefined, mo: string | undefined, d: string | undefined,
  h: string | undefined, mi: string | undefined, se: string | undefined, raw: string,
): Cleaned {
  if (!y) return fail(`unparsable date "${raw}"`);
  let out = y;
  if (mo === undefined) return ok(out);
  const month = Number(mo);
  if (month < 1 || month > 12) return fail(`month out of range in date "${raw}"`);
  out += `-${pad(mo)}`;
  if (d === undefined) return ok(out);
  const day = Number(d);
  const dim = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > dim) return fail(`day out of range in date "${raw}"`);
  out += `-${pad(d)}`;
  if (h === undefined) return ok(out);
  if (Number(h) > 23) return fail(`hour out of range in date "${raw}"`);
  out += `T${pad(h)}`;
  if (mi === undefined) return ok(out);
  if (Number(mi) > 59) return fail(`minute out of range in date "${raw}"`);
  out += `:${mi}`;
  if (se === undefined) return ok(out);
  if (Number(se) > 59) return fail(`second out of range in date "${raw}"`);
  return ok(`${out}:${se}`);
}

const DIRECTIVES: Record<string, string> = {
  "%Y": "(?<Y>\\d{4})", "%y": "(?<y>\\d{2})", "%m": "(?<m>\\d{1,2})", "%d": "(?<d>\\d{1,2})",
  "%H": "(?<H>\\d{1,2})", "%M": "(?<M>\\d{2})", "%S": "(?<S>\\d{2})", "%%": "%",
};

/** Parses with a strptime-style format as FtM mappings write it (`format: "%d.%m.%Y"`). */
function parseWithFormat(s: string, format: string): Cleaned {
  let re = "";
  for (let i = 0; i < format.length; i++) {
    const two = format.slice(i, i + 2);
    const dir = DIRECTIVES[two];
    if (dir !== undefined) { re += dir; i++; continue; }
    re += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const m = new RegExp(`^${re}$`).exec(s);
  if (!m?.groups) return fail(`date "${s}" does not match format "${format}"`);
  const g = m.groups;
  const year = g["Y"] ?? (g["y"] !== undefined ? String(Number(g["y"]) > 50 ? 1900 + Number(g["y"]) : 2000 + Number(g["y"])) : undefined);
  return assemble(year, g["m"], g["d"], g["H"], g["M"], g["S"], s);
}
