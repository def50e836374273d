/** A job's progress as a fraction (bytes read of total), or undefined when unknown. */
export function fractionOf(progress: Record<string, unknown>): number | undefined {
  const read = Number(progress["bytesRead"]);
  const total = Number(progress["bytesTotal"]);
  if (!Number.isFinite(read) || !Number.isFinite(total) || total <= 0) return undefined;
  return Math.min(1, Math.max(0, read / total));
}

export const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

/** The raw source row (JSON text) as column: value pairs, or the text when it is not an object. */
export function rawCells(raw: string): Array<[string, string]> {
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) return Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, typeof x === "string" ? x : JSON.stringify(x)]);
    if (Array.isArray(v)) return v.map((x, i) => [String(i + 1), typeof x === "string" ? x : JSON.stringify(x)]);
  } catch { /* not JSON */ }
  return [["", raw]];
}

/**
 * The optional reading instructions of an upload, as the form fields of POST /api/jobs: column
 * names for a file without a header row, lines above the header. Empty fields are left out.
 */
export function readingFields(columns: string, skipRows: string): { columns?: string; skipRows?: string } {
  const c = columns.trim();
  const k = skipRows.trim();
  return { ...(c ? { columns: c } : {}), ...(k && k !== "0" ? { skipRows: k } : {}) };
}
