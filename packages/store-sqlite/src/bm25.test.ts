import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { bm25, foldTerm, idfs, tokens } from "./bm25";
import { readVarint, varintFromHex } from "./vocab";

/** The index's tokenizer on each text: its tokens in order (fts5vocab 'instance' of a table like the store's). */
function indexTokens(texts: string[]): string[][] {
  const db = new Database(":memory:");
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE v USING fts5vocab(fts, instance)`);
  texts.forEach((t, i) => db.prepare("INSERT INTO fts (rowid, text) VALUES (?, ?)").run(i + 1, t));
  const q = db.prepare("SELECT term FROM v WHERE doc = ? ORDER BY offset").pluck();
  return texts.map((_, i) => q.all(i + 1) as string[]);
}

describe("bm25.ts", () => {
  it("tokenizes as the index does, for the scripts and separators names use", () => {
    const texts = ["Jose\u0301 Ma\u0308rz", "İstanbul İŞ", "Straße ØRSTED Łódź", "Đorđević Æsir", "한국 사람", "O'Brien-Smith",
      "a_b c·d", "x\u200by", "ǅemal ﬁnance", "١٢٣ ٤", "N°12 ½ ²", "Mehmet Yılmaz", "Ayşe Aydın", "Иван Петров", "AB-12.3 AB123", "+31 6 1234"];
    expect(texts.map(tokens)).toEqual(indexTokens(texts));
  });

  it("folds Greek accents where the index keeps them (the search then lets FTS5 rank)", () => {
    expect(tokens("Σοφία")).not.toEqual(indexTokens(["Σοφία"])[0]);
    expect(foldTerm("Yılmaz")).toBe("yılmaz");
  });

  it("computes FTS5's bm25", () => {
    const db = new Database(":memory:");
    db.exec("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
    const docs = ["jan jansen", "jansen jansen visser", "visser", "jan de vries", "anna jansen noord", "kees"];
    docs.forEach((t, i) => db.prepare("INSERT INTO fts (rowid, text) VALUES (?, ?)").run(i + 1, t));
    const rank = db.prepare("SELECT rowid AS id, rank AS r FROM fts WHERE fts MATCH '\"jansen\" OR \"visser\"' ORDER BY rowid").all() as Array<{ id: number; r: number }>;
    const tokenCount = docs.reduce((n, d) => n + d.split(" ").length, 0);
    const idf = idfs([3, 2], docs.length);
    for (const { id, r } of rank) {
      const words = docs[id - 1]!.split(" ");
      const score = bm25(idf, [words.filter((w) => w === "jansen").length, words.filter((w) => w === "visser").length], words.length, tokenCount / docs.length);
      expect(Math.abs(score + r)).toBeLessThan(1e-12);
    }
    expect(rank).toHaveLength(4);
  });

  it("reads SQLite varints, from bytes and from hex", () => {
    for (const [hex, n] of [["00", 0], ["7F", 127], ["8100", 128], ["FF7F", 16383], ["818000", 16384], ["BD84408280AA17", 1000000]] as const) {
      expect(varintFromHex(hex)).toBe(n);
      expect(readVarint(Buffer.from(hex, "hex"), { i: 0 })).toBe(n);
    }
    const at = { i: 0 };
    const buf = Buffer.from("BD844082", "hex");
    expect([readVarint(buf, at), at.i]).toEqual([1000000, 3]);
  });
});
