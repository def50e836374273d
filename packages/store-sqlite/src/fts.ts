/**
 * Turns free text into a safe FTS5 query: every word required, quoted so that user text is never
 * read as FTS5 syntax (AND/OR/NEAR, column filters).
 * - Words of three or more characters match as prefixes ("jans" finds Jansen); shorter ones only
 *   as whole words, since a one- or two-letter prefix ("de"*) expands to a large part of the index.
 * - The index folds case and diacritics but keeps Turkish dotless ı apart from i, so a word typed
 *   with i also matches its all-ı spelling ("yilmaz" finds Yılmaz, "aydin" finds Aydın).
 */
export function ftsQuery(text: string): string {
  const words = text.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 16);
  return words.map((w) => {
    const star = [...w].length >= 3 ? "*" : "";
    const term = (x: string) => `"${x.replace(/"/g, '""')}"${star}`;
    return w.includes("i") && !w.includes("ı") ? `(${term(w)} OR ${term(w.replaceAll("i", "ı"))})` : term(w);
  }).join(" AND ");
}
