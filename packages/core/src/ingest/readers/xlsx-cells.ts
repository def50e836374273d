/** Converts an exceljs cell value to the string a CSV export of the sheet would hold. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return dateText(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o["richText"])) return (o["richText"] as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    if ("result" in o) return cellText(o["result"]); // formula: its cached result
    if ("text" in o) return cellText(o["text"]); // hyperlink
    if ("error" in o) return ""; // #N/A, #DIV/0! …: no value
  }
  return String(v);
}

/** Plain decimal text; 15 significant digits as Excel shows them (drops binary float noise). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

/** Excel date cells carry no time zone: ISO date, plus the time when there is one. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.slice(0, 19);
}
