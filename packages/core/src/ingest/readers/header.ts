import { VizierError } from "@vizier/model";

/**
 * Cleans header names: trims them, names empty ones `column_<n>` (1-based position; trailing
 * empty columns are common in spreadsheet exports and cannot be referenced otherwise), and
 * rejects duplicates: a mapping naming a duplicated column would silently pick one of them.
 */
export function normaliseHeader(raw: readonly string[], file: string, where = ""): string[] {
  const names = raw.map((h, i) => {
    const t = h.replace(/^\uFEFF/, "").trim();
    return t === "" ? `column_${i + 1}` : t;
  });
  const seen = new Map<string, number>();
  const dups: string[] = [];
  names.forEach((n, i) => {
    const first = seen.get(n);
    if (first === undefined) seen.set(n, i);
    else dups.push(`"${n}" (columns ${first + 1} and ${i + 1})`);
  });
  if (dups.length > 0) {
    throw new VizierError("INVALID_INPUT", `${file}${where}: duplicate header names ${dups.join(", ")}; rename them so a mapping can tell them apart`, {
      location: { file, row: 1 },
      details: { duplicates: dups },
    });
  }
  return names;
}
