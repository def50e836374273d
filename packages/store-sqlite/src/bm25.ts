import { searchPiece } from "./schema";
import type { PropTable } from "./rows";

/**
 * FTS5's bm25 (fts5_aux.c, fts5Bm25Function), computed for the rows of one window instead of by
 * FTS5, whose first call walks every phrase's whole document list to count documents. The counts
 * come from the index's vocabulary (vocab.ts); the frequencies from the row's own search text,
 * tokenized here as the index's `unicode61 remove_diacritics 2` tokenizer does. The arithmetic is
 * FTS5's, in its order, so the scores are its scores:
 *   idf(i) = ln((N - n(i) + 0.5) / (n(i) + 0.5)), at least 1e-6
 *   score  = Σ idf(i) · f(i)·(k1 + 1) / (f(i) + k1·(1 - b + b·|D| / avgdl)),  k1 = 1.2, b = 0.75
 * (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009).
 */
export interface Phrase { term: string; docs: number }

const K1 = 1.2;
const B = 0.75;

/** One idf per phrase from its document count, as fts5Bm25GetData computes them. */
export function idfs(docs: readonly number[], rows: number): number[] {
  return docs.map((n) => {
    const idf = Math.log((rows - n + 0.5) / (n + 0.5));
    return idf <= 0 ? 1e-6 : idf;
  });
}

/** bm25 of one document: `freq[i]` instances of phrase i in a document of `length` tokens. */
export function bm25(idf: readonly number[], freq: readonly number[], length: number, avgdl: number): number {
  let score = 0;
  for (let i = 0; i < idf.length; i++) {
    const f = freq[i]!;
    score += idf[i]! * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * length) / avgdl)));
  }
  return score;
}

/**
 * The tokens of `text` as the index folds them: runs of letters, digits and marks, lower-cased,
 * diacritics removed. Matches unicode61 for Latin, Cyrillic, CJK and more; where it does not (Greek
 * accents), the caller notices (the count differs from the index's document length, or a phrase the
 * index matched is missing) and lets FTS5 rank.
 */
export function tokens(text: string): string[] {
  if (!/[^\u0000-\u007f]/.test(text)) return asciiTokens(text);
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{Co}\p{Mn}]+/gu)) {
    const t = foldTerm(m[0]);
    if (t) out.push(t);
  }
  return out;
}

/** The common case, ASCII text: letters and digits, lower-cased; every other character separates. */
function asciiTokens(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/** A word folded as the index folds it (the Turkish dotless ı stays apart from i, as in the index). */
export function foldTerm(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
}

/**
 * A block's search text rebuilt from its packed statements, as the writer builds it at ingest
 * (schema.ts `searchPiece`, as pack.ts uses it): searchable values, identifiers and phones also
 * without separators.
 */
export function searchText(body: string, props: PropTable): string {
  let text = "";
  for (const [code, value] of JSON.parse(body) as Array<[number, string]>) {
    const p = props.get(code);
    const piece = searchPiece(p.name, p.type, value);
    if (piece !== null) text += (text ? " " : "") + piece;
  }
  return text;
}
