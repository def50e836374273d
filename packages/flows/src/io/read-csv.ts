/**
 * Streaming reader of delimited transaction files into a {@link TxTable}. It takes text chunks
 * (the CLI reads the file in blocks), so ten million rows never exist as row objects: only the
 * needed columns are kept, in typed arrays. Quoted fields (RFC 4180, including embedded
 * delimiters, quotes and line breaks) are handled; the delimiter is detected from the header.
 */
import { VizierError } from "@vizier/model";
import type { TxTable } from "../table";
import { TxTableBuilder } from "../table";
import type { RatesTable } from "../rates";
import type { TimeUnit } from "./time";
import { numericTimeScale, parseAmount, parseTimestamp } from "./time";

export interface ColumnSpec {
  from: string;
  to: string;
  amount: string;
  time: string;
  id?: string;
  currency?: string;
  fromCountry?: string;
  toCountry?: string;
}

export interface ReadOptions {
  rates?: RatesTable;
  timeUnit?: TimeUnit;
  /** File name for error messages. */
  file?: string;
}

/** Splits one logical CSV record. */
export function splitRecord(line: string, d: string): string[] {
  if (!line.includes('"')) return line.split(d);
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) { v += line.slice(i); i = line.length; break; }
        v += line.slice(i, q);
        if (line[q + 1] === '"') { v += '"'; i = q + 2; } else { i = q + 1; break; }
      }
      const next = line.indexOf(d, i);
      if (next < 0) { out.push(v + line.slice(i)); break; }
      out.push(v + line.slice(i, next));
      i = next + d.length;
    } else {
      const next = line.indexOf(d, i);
      if (next < 0) { out.push(line.slice(i)); break; }
      out.push(line.slice(i, next));
      i = next + d.length;
    }
  }
  return out;
}

function detect(header: string): string {
  let best = ",";
  let n = 0;
  for (const d of [",", ";", "\t", "|"]) {
    const c = header.split(d).length - 1;
    if (c > n) { n = c; best = d; }
  }
  return best;
}

const quotes = (s: string): number => { let n = 0; for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++; return n; };

/** Reads transactions from text chunks; amounts are converted to EUR, times to epoch seconds. */
export function readTransactions(chunks: Iterable<string>, cols: ColumnSpec, o: ReadOptions = {}): TxTable {
  const file = o.file ?? "input";
  const b = new TxTableBuilder({ withIds: cols.id !== undefined, capacity: 1 << 16 });
  let header: string[] | null = null;
  let delim = ",";
  let idx = { from: 0, to: 0, amount: 0, time: 0, id: -1, currency: -1, fromCountry: -1, toCountry: -1 };
  let row = 1;
  let pending = "";
  let numericTimes = 0;
  let maxAbsTime = 0;
  const currencyCodes = new Map<string, number>();
  const currencyNames: string[] = [];
  const currencies: number[] = [];
  const col = (name: string | undefined, h: string[], required: boolean): number => {
    if (name === undefined) return -1;
    const i = h.indexOf(name);
    if (i < 0 && required) throw new VizierError("INVALID_ARGUMENT", `column "${name}" not found in ${file}; it has: ${h.join(", ")}`, { location: { file, column: name } });
    if (i < 0) throw new VizierError("INVALID_ARGUMENT", `column "${name}" not found in ${file}; it has: ${h.join(", ")}`, { location: { file, column: name } });
    return i;
  };
  const handle = (line: string): void => {
    if (header === null) {
      const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      delim = detect(text);
      header = splitRecord(text, delim).map((h) => h.trim());
      idx = {
        from: col(cols.from, header, true), to: col(cols.to, header, true), amount: col(cols.amount, header, true), time: col(cols.time, header, true),
        id: col(cols.id, header, false), currency: col(cols.currency, header, false), fromCountry: col(cols.fromCountry, header, false), toCountry: col(cols.toCountry, header, false),
      };
      return;
    }
    row++;
    if (line.length === 0 || (line.length < 3 && line.trim() === "")) return;
    fields(splitRecord(line, delim));
  };
  let need: Uint8Array = new Uint8Array(0);
  let maxNeed = 0;
  const vals: string[] = [];
  /** Fast path for a line without quotes: only the needed fields become strings. */
  const handleRange = (text: string, s: number, e: number): void => {
    if (header === null) { handle(text.slice(s, e)); need = neededColumns(); return; }
    if (e - s < 3 && text.slice(s, e).trim() === "") { row++; return; }
    row++;
    let c = 0;
    let p = s;
    for (;;) {
      let q = text.indexOf(delim, p);
      if (q < 0 || q > e) q = e;
      if (need[c]) vals[c] = text.slice(p, q);
      c++;
      if (q === e || c > maxNeed) break;
      p = q + delim.length;
    }
    if (c <= maxNeed) throw new VizierError("INVALID_INPUT", `${file} row ${row} has ${c} fields, fewer than the header`, { location: { file, row } });
    fields(vals);
  };
  const neededColumns = (): Uint8Array => {
    const cols2 = [idx.from, idx.to, idx.amount, idx.time, idx.id, idx.currency, idx.fromCountry, idx.toCountry].filter((x) => x >= 0);
    maxNeed = Math.max(...cols2);
    const n = new Uint8Array(maxNeed + 1);
    for (const x of cols2) n[x] = 1;
    return n;
  };
  const fields = (f: string[]): void => {
    const from = f[idx.from];
    const to = f[idx.to];
    const amountRaw = f[idx.amount];
    const timeRaw = f[idx.time];
    if (from === undefined || to === undefined || amountRaw === undefined || timeRaw === undefined) {
      throw new VizierError("INVALID_INPUT", `${file} row ${row} has ${f.length} fields, fewer than the header`, { location: { file, row } });
    }
    const amount = parseAmount(amountRaw);
    if (Number.isNaN(amount)) throw new VizierError("INVALID_INPUT", `${file} row ${row}: amount "${amountRaw}" is not a number`, { location: { file, row, column: cols.amount } });
    const time = parseTimestamp(timeRaw);
    if (Number.isNaN(time)) throw new VizierError("INVALID_INPUT", `${file} row ${row}: time "${timeRaw}" is not a date, date-time or number`, { location: { file, row, column: cols.time } });
    if (timeRaw.length < 10 || timeRaw[4] !== "-") {
      const tr = timeRaw.trim();
      if (/^-?\d+(\.\d+)?$/.test(tr)) { numericTimes++; maxAbsTime = Math.max(maxAbsTime, Math.abs(time)); }
    }
    const fromName = from.trim();
    const toName = to.trim();
    if (fromName === "" || toName === "") throw new VizierError("INVALID_INPUT", `${file} row ${row}: empty account`, { location: { file, row } });
    const r = b.add(fromName, toName, Math.abs(amount), time, idx.id >= 0 ? (f[idx.id] ?? "").trim() : undefined);
    if (idx.currency >= 0) {
      const raw = f[idx.currency] ?? "";
      let k = currencyCodes.get(raw);
      if (k === undefined) {
        const c = raw.trim().toUpperCase();
        k = currencyNames.indexOf(c);
        if (k < 0) { k = currencyNames.length; currencyNames.push(c); }
        currencyCodes.set(raw, k);
      }
      currencies.push(k);
    }
    if (idx.fromCountry >= 0 || idx.toCountry >= 0) {
      const [fa, ta] = b.rowAccounts(r);
      if (idx.fromCountry >= 0) b.setCountry(fa, (f[idx.fromCountry] ?? "").trim());
      if (idx.toCountry >= 0) b.setCountry(ta, (f[idx.toCountry] ?? "").trim());
    }
  };
  for (const chunk of chunks) {
    let text = pending + chunk;
    let start = 0;
    let nextQuote = -2;
    for (;;) {
      let nl = text.indexOf("\n", start);
      if (nl < 0) break;
      if (nextQuote !== -1 && nextQuote < start) nextQuote = text.indexOf('"', start);
      if (nextQuote === -1 || nextQuote > nl) {
        handleRange(text, start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
        start = nl + 1;
        continue;
      }
      let line = text.slice(start, nl);
      // A quoted field may contain line breaks: keep reading until the quotes balance.
      if (quotes(line) % 2 === 1) {
        let end = nl;
        let q = quotes(line);
        while (q % 2 === 1) {
          const n2 = text.indexOf("\n", end + 1);
          if (n2 < 0) { end = -1; break; }
          q += quotes(text.slice(end + 1, n2));
          end = n2;
        }
        if (end < 0) break;
        nl = end;
        line = text.slice(start, nl);
      }
      if (header === null) { handle(line.endsWith("\r") ? line.slice(0, -1) : line); need = neededColumns(); } else handle(line.endsWith("\r") ? line.slice(0, -1) : line);
      start = nl + 1;
    }
    pending = text.slice(start);
    text = "";
  }
  if (pending.trim() !== "") {
    if (header === null) { handle(pending.endsWith("\r") ? pending.slice(0, -1) : pending); need = neededColumns(); } else handle(pending.endsWith("\r") ? pending.slice(0, -1) : pending);
  }
  if (header === null) throw new VizierError("INVALID_INPUT", `${file} is empty`, { location: { file } });
  const t = b.build();
  // Whole-column decisions and conversions after reading (units, currencies).
  const time = t.time as Float64Array;
  if (numericTimes > 0) {
    const scale = numericTimeScale(o.timeUnit ?? "auto", maxAbsTime);
    if (scale !== 1) for (let i = 0; i < t.size; i++) time[i] = Math.round((time[i] ?? 0) * scale);
  }
  for (let i = 0; i < t.size; i++) time[i] = Math.round(time[i] ?? 0);
  if (currencies.length > 0) {
    const amount = t.amount as Float64Array;
    for (let i = 0; i < t.size; i++) {
      const c = currencyNames[currencies[i] ?? 0] ?? "";
      if (c !== "" && c !== "EUR") {
        if (!o.rates) throw new VizierError("INVALID_ARGUMENT", `${file} has amounts in ${c} but no rates table was given`);
        try {
          amount[i] = Math.round(o.rates.toEur(amount[i] ?? 0, c, time[i] ?? 0) * 100) / 100;
        } catch (e) {
          throw new VizierError("INVALID_INPUT", `${file} row ${i + 2}: ${(e as Error).message}`, { location: { file, row: i + 2, column: cols.currency }, cause: e });
        }
      }
    }
  }
  return t;
}
