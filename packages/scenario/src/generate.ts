/** Generates a whole scenario folder: every agency's files and mappings, the manifest and the truth. */
import { mkdirSync } from "node:fs";
import { VizierError } from "@vizier/model";
import { keyPlayers, makeCast } from "./cast";
import type { DatasetSpec, FileSpec, GenContext, Source } from "./context";
import { makeManifest, writeManifest, type Manifest } from "./manifest";
import { Population } from "./population";
import { Truth } from "./truth";
import { kvk } from "./sources/kvk";
import { police } from "./sources/police";
import { customs } from "./sources/customs";
import { fiod } from "./sources/fiod";
import { fiu } from "./sources/fiu";
import { kmar } from "./sources/kmar";
import { foreign } from "./sources/foreign";

/** Every agency's hand-over, in the order they are written and ingested. */
export const SOURCES: readonly Source[] = [kvk, police, customs, fiod, fiu, kmar, foreign];

export interface GenerateOptions {
  seed: number;
  /** 1 = tens of thousands of records; grows linearly. */
  scale: number;
  out: string;
  onFile?: (f: FileSpec) => void;
}

export interface GenerateResult {
  manifest: Manifest;
  rows: number;
  truth: { identities: number; laundering: number; keyPlayers: number };
  seconds: number;
}

export function generateScenario(o: GenerateOptions): GenerateResult {
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw new VizierError("INVALID_ARGUMENT", `seed must be an integer from 0 to 4294967295, not ${o.seed}`);
  if (!(o.scale > 0 && o.scale <= 1000)) throw new VizierError("INVALID_ARGUMENT", `scale must be a number above 0 and at most 1000, not ${o.scale}`);
  const t0 = Date.now();
  mkdirSync(o.out, { recursive: true });
  const pop = new Population(o.seed, o.scale);
  const truth = new Truth(o.out);
  const cast = makeCast(o.seed, pop);
  const ctx: GenContext = { seed: o.seed, scale: o.scale, out: o.out, pop, cast, truth, ...(o.onFile ? { onFile: o.onFile } : {}) };
  const datasets: DatasetSpec[] = [];
  const files: FileSpec[] = [];
  try {
    for (const s of SOURCES) {
      datasets.push(...s.datasets);
      for (const f of s.write(ctx)) {
        files.push(f);
        o.onFile?.(f);
      }
    }
    keyPlayers(cast).forEach((k, i) => {
      const name = k.kind === "person" ? `${(k.entity as { first: string }).first} ${(k.entity as { last: string }).last}` : `${(k.entity as { base: string }).base} ${(k.entity as { form: string }).form}`;
      truth.keyPlayer(i + 1, k.entity.id, name, k.kind, k.role);
    });
  } finally {
    truth.close();
  }
  const manifest = makeManifest(o.seed, o.scale, datasets, files);
  writeManifest(o.out, manifest);
  return { manifest, rows: files.reduce((n, f) => n + f.rows, 0), truth: truth.counts, seconds: (Date.now() - t0) / 1000 };
}
