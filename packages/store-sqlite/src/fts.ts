/**
 * Turns free text into a safe FTS5 query: each word becomes a quoted prefix term, all required.
 * Quoting stops user text from being read as FTS5 syntax (AND/OR/NEAR, column filters).
 */
export function ftsQuery(text: string): string {
  const words = text.normalize("NFKC").split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 16);
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(" ");
}
