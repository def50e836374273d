/** Splits one CSV line into fields (RFC 4180 quoting: "a ""b""" → a "b"). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let s = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) { s += line.slice(j); j = line.length; break; }
        s += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) { s += '"'; j = q + 2; continue; }
        j = q + 1;
        break;
      }
      out.push(s);
      const comma = line.indexOf(",", j);
      if (comma < 0) return out;
      i = comma + 1;
    } else {
      const comma = line.indexOf(",", i);
      if (comma < 0) { out.push(line.slice(i)); return out; }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
