import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ftsQuery } from "./fts";

/** The same tokenizer as the store's index, on a few names. */
function index(names: string[]): (q: string) => string[] {
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
  const ins = db.prepare("INSERT INTO fts (rowid, text) VALUES (?, ?)");
  names.forEach((n, i) => ins.run(i + 1, n));
  const q = db.prepare("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid").pluck();
  return (text) => {
    const match = ftsQuery(text);
    return match ? (q.all(match) as number[]).map((r) => names[r - 1]!) : [];
  };
}

describe("ftsQuery", () => {
  const find = index(["Mehmet Yılmaz", "Ayşe Aydın", "Jan de Vries", "Denise Dekker", "Kılıç Transport", "Ibrahim El Amrani", "OR \"AND\" NEAR"]);

  it("finds names by prefix, folding case and diacritics", () => {
    expect(find("jan vri")).toEqual(["Jan de Vries"]);
    expect(find("AYSE")).toEqual(["Ayşe Aydın"]);
  });

  it("matches a word typed with i to its dotless-ı spelling", () => {
    expect(find("yilmaz")).toEqual(["Mehmet Yılmaz"]);
    expect(find("aydin")).toEqual(["Ayşe Aydın"]);
    expect(find("kilic")).toEqual(["Kılıç Transport"]);
    expect(find("yılmaz")).toEqual(["Mehmet Yılmaz"]);
    expect(find("ibrahim")).toEqual(["Ibrahim El Amrani"]);
  });

  it("matches one- and two-letter words whole, not as prefixes", () => {
    expect(find("de")).toEqual(["Jan de Vries"]);
    expect(find("el amrani")).toEqual(["Ibrahim El Amrani"]);
  });

  it("never lets user text become query syntax", () => {
    expect(find("OR")).toEqual(["OR \"AND\" NEAR"]);
    expect(find("\"and\" near(")).toEqual(["OR \"AND\" NEAR"]);
    expect(ftsQuery("* -")).toBe("");
  });
});
