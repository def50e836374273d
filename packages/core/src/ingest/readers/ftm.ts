import { VizierError } from "@vizier/model";
import { ByteSource, readHead } from "./file-bytes";
import { JsonArraySplitter } from "./json-array";
import { makeDecoder } from "./decode";
import { textLines } from "./lines";
import type { FtmEntity, FtmRecord, OpenedFtm } from "./types";

/**
 * Opens FollowTheMoney entity JSON as `ftm` tools write it: one entity per line, or a JSON
 * array of entities. `row` is the line number (JSONL) or the element's position (array).
 * A record that is not an entity (no id, schema or properties) carries a problem.
 */
export async function openFtm(file: string): Promise<OpenedFtm> {
  const { size, head } = await readHead(file, 4096);
  if (size === 0) throw new VizierError("INVALID_INPUT", `${file} is empty`, { location: { file } });
  const src = new ByteSource(file);
  const first = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (first.length === 0) throw new VizierError("INVALID_INPUT", `${file} is empty`, { location: { file } });
  if (head.includes(0)) throw new VizierError("INVALID_INPUT", `${file} is not a text file: binary (contains NUL bytes)`, { location: { file } });
  const records = first.startsWith("[") ? arrayRecords(file, src) : lineRecords(src);
  return { records, bytesTotal: size, bytesRead: () => src.bytesRead };
}

async function* lineRecords(src: ByteSource): AsyncGenerator<FtmRecord> {
  for await (const batch of textLines(src, makeDecoder("utf-8"))) {
    for (const l of batch) {
      if (l.invalid) { yield { row: l.line, problem: { reason: "invalid UTF-8" } }; continue; }
      yield toRecord(l.line, l.text);
    }
  }
}

async function* arrayRecords(file: string, src: ByteSource): AsyncGenerator<FtmRecord> {
  const decoder = makeDecoder("utf-8");
  const splitter = new JsonArraySplitter();
  let n = 0;
  try {
    for await (const chunk of src.chunks()) {
      for (const text of splitter.push(decoder.write(chunk))) yield toRecord(++n, text);
    }
    for (const text of splitter.push(decoder.end())) yield toRecord(++n, text);
    splitter.end();
  } catch (e) {
    if (e instanceof VizierError) throw e;
    throw new VizierError("INVALID_INPUT", `${file}: ${(e as Error).message}`, { location: { file, row: n + 1 }, cause: e });
  }
}

/** Parses and checks one entity; properties given as a single string are accepted as one value. */
export function toRecord(row: number, text: string): FtmRecord {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { row, problem: { reason: `malformed JSON: ${(e as Error).message}` } };
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) return { row, problem: { reason: "not a JSON object" } };
  const o = v as Record<string, unknown>;
  if (typeof o["id"] !== "string" || o["id"] === "") return { row, problem: { reason: "entity has no id" } };
  if (typeof o["schema"] !== "string" || o["schema"] === "") return { row, problem: { reason: "entity has no schema" } };
  const props = o["properties"] ?? {};
  if (props === null || typeof props !== "object" || Array.isArray(props)) return { row, problem: { reason: "properties is not an object" } };
  const properties: Record<string, string[]> = {};
  for (const [k, val] of Object.entries(props as Record<string, unknown>)) {
    const list = Array.isArray(val) ? val : [val];
    const out: string[] = [];
    for (const x of list) {
      if (typeof x === "string") out.push(x);
      else if (typeof x === "number" || typeof x === "boolean") out.push(String(x));
      else if (x !== null && x !== undefined) {
        // Nested entities (as `ftm` writes for some exports) are referenced by their id.
        const id = typeof x === "object" ? (x as Record<string, unknown>)["id"] : undefined;
        if (typeof id === "string") out.push(id);
        else return { row, problem: { reason: `property "${k}" holds a value that is not a string` } };
      }
    }
    if (out.length > 0) properties[k] = out;
  }
  const entity: FtmEntity = { id: o["id"], schema: o["schema"], properties };
  return { row, entity };
}
