import { unwrap } from "@vizier/client";
import { useApi } from "../app/context";
import { useLoad, type Loaded } from "../app/async";
import type { DatasetInfo } from "./types";

/** The datasets readable for this purpose (name → agency for facets and badges). */
export function useDatasets(): Loaded<DatasetInfo[]> {
  const api = useApi();
  const [loaded] = useLoad(async () => (await unwrap(await api.api.datasets.$get())).items, [api]);
  return loaded;
}

export function agencyMap(l: Loaded<DatasetInfo[]>): Map<string, string> {
  return new Map(l.state === "ok" ? l.value.map((d) => [d.name, d.agency]) : []);
}
