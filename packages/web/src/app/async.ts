import { useEffect, useState } from "react";
import { VizierApiError } from "@vizier/client";

export type Loaded<T> = { state: "loading" } | { state: "ok"; value: T } | { state: "error"; error: unknown };

/** Runs `load` when deps change; stale answers are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ state: "loading" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ state: "loading" });
    load().then((value) => { if (live) setState({ state: "ok", value }); }, (error: unknown) => { if (live) setState({ state: "error", error }); });
    return () => { live = false; };
  }, [...deps, tick]);
  return [state, () => setTick((n) => n + 1)];
}

/** The problem code of an API error (or undefined for other errors). */
export function codeOf(e: unknown): string | undefined {
  return e instanceof VizierApiError ? e.problem.code : undefined;
}

/** A short text for an error. */
export function messageOf(e: unknown): string {
  if (e instanceof VizierApiError) return `${e.problem.code}: ${e.problem.detail}`;
  return e instanceof Error ? e.message : String(e);
}

/** True when the route does not exist on this server (404 on an unknown route). */
export function isMissingRoute(e: unknown): boolean {
  return e instanceof VizierApiError && e.status === 404 && /route|not found/i.test(e.problem.detail) && !/entity/i.test(e.problem.detail);
}
