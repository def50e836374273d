/**
 * Encoding for COPY … FROM STDIN in PostgreSQL's text format
 * (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2): columns separated by
 * tab, rows by newline, with backslash, tab, newline and carriage return escaped.
 */

const SPECIAL = /[\\\t\n\r\0]/;

/**
 * Escapes one field. PostgreSQL text cannot hold NUL at all, so NUL becomes U+FFFD rather than
 * failing the whole ingest (the same substitution is applied on every write path).
 */
export function copyField(v: string): string {
  if (!SPECIAL.test(v)) return v;
  let out = "";
  for (const ch of v) {
    switch (ch) {
      case "\\": out += "\\\\"; break;
      case "\t": out += "\\t"; break;
      case "\n": out += "\\n"; break;
      case "\r": out += "\\r"; break;
      case "\0": out += "\uFFFD"; break;
      default: out += ch;
    }
  }
  return out;
}

/** Removes NUL, which PostgreSQL text values cannot contain (see copyField). */
export function noNul(v: string): string {
  return v.includes("\0") ? v.replace(/\0/g, "\uFFFD") : v;
}
