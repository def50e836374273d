import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/**
 * CPU-heavy work spread over worker threads without a separate worker file: a bundled entry
 * (the CLI, a benchmark) calls `enableWorkerTasks()` first thing; a task started with `runTask`
 * re-runs that same file in a worker, where `enableWorkerTasks()` runs the named task instead of
 * the program. Tasks register themselves with `defineTask` when their module loads. Where no
 * entry enabled it (a test runner, a library user), `workerThreads()` is 1 and callers stay on
 * the calling thread, so results never depend on whether threads were used.
 */
type Task = (payload: never) => { result: unknown; transfer?: ArrayBuffer[] };

/** A task that streams messages back while it runs (an ingest source); `emit` waits while the reader lags. */
type StreamTask = (payload: never, emit: (message: unknown) => Promise<void>) => Promise<void>;

const tasks = new Map<string, Task>();
const streamTasks = new Map<string, StreamTask>();
let entry: string | undefined;
let maxThreads = 1;

export function defineTask<P>(name: string, fn: (payload: P) => { result: unknown; transfer?: ArrayBuffer[] }): void {
  tasks.set(name, fn as Task);
}

export function defineStreamTask<P>(name: string, fn: (payload: P, emit: (message: unknown) => Promise<void>) => Promise<void>): void {
  streamTasks.set(name, fn as StreamTask);
}

/** Loads the module that defines a task, for entries that load code on demand (a split bundle). */
export type TaskLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/**
 * Call first in an entry script. In a worker started by `runTask` it loads the task's module (via
 * `loaders`, when the entry does not import it up front), runs the task, posts the result and
 * returns true (the entry must then do nothing else); in the main thread it records the entry file
 * and the thread budget and returns false.
 */
export async function enableWorkerTasks(entryFile: string, threads: number, loaders: TaskLoaders = {}): Promise<boolean> {
  const data = workerData as { vizierTask?: string; payload?: unknown } | null;
  if (!isMainThread && data?.vizierTask) {
    if (!tasks.has(data.vizierTask) && !streamTasks.has(data.vizierTask)) await loaders[data.vizierTask]?.();
    const stream = streamTasks.get(data.vizierTask);
    if (stream) {
      await serveStream(stream, data.payload);
      return true;
    }
    const fn = tasks.get(data.vizierTask);
    if (!fn) throw new Error(`unknown worker task ${data.vizierTask}`);
    const out = fn(data.payload as never);
    parentPort?.postMessage(out.result, out.transfer ?? []);
    return true;
  }
  entry = entryFile;
  maxThreads = Math.max(1, Math.floor(threads));
  return false;
}

/** How many threads tasks may use (1 when no entry enabled worker tasks). */
export function workerThreads(): number {
  return entry ? maxThreads : 1;
}

/** Runs a registered task in a new worker thread; the payload is structured-cloned (or transferred). */
export function runTask<R>(name: string, payload: unknown, transfer: ArrayBuffer[] = []): Promise<R> {
  if (!entry) return Promise.reject(new Error("worker tasks are not enabled in this process"));
  const w = new Worker(entry, { workerData: { vizierTask: name, payload }, transferList: transfer });
  return new Promise<R>((resolve, reject) => {
    let done = false;
    w.once("message", (m: R) => { done = true; resolve(m); void w.terminate(); });
    w.once("error", (e) => { done = true; reject(e); });
    w.once("exit", (code) => { if (!done) reject(new Error(`worker task ${name} exited with code ${code} before answering`)); });
  });
}

/** Messages between a stream task and its reader. */
type StreamMessage = { m: unknown } | { done: true } | { error: { name: string; message: string; code?: string; location?: unknown; details?: unknown } };

/** How many messages a stream task may have in flight before `emit` waits for the reader. */
const STREAM_WINDOW = 4;

async function serveStream(fn: StreamTask, payload: unknown): Promise<void> {
  const port = parentPort!;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on("message", () => {
    inFlight--;
    wake?.();
    wake = undefined;
  });
  const emit = async (m: unknown) => {
    while (inFlight >= STREAM_WINDOW) await new Promise<void>((r) => { wake = r; });
    inFlight++;
    port.postMessage({ m } satisfies StreamMessage);
  };
  try {
    await fn(payload as never, emit);
    port.postMessage({ done: true } satisfies StreamMessage);
  } catch (e) {
    const err = e as { name?: string; message?: string; code?: string; location?: unknown; details?: unknown };
    port.postMessage({ error: { name: err.name ?? "Error", message: err.message ?? String(e), code: err.code, location: err.location, details: err.details } } satisfies StreamMessage);
  }
  port.close();
}

/**
 * Runs a stream task in a new worker thread and reads its messages in order. The worker runs at
 * most a few messages ahead of the reader; leaving the loop early (break, an exception) stops the
 * worker. An error in the task is rethrown here through `revive` (which can rebuild a typed error
 * from its name, code, message, location and details).
 */
export async function* runStreamTask<M>(
  name: string, payload: unknown, revive: (e: { name: string; message: string; code?: string; location?: unknown; details?: unknown }) => Error,
): AsyncGenerator<M> {
  if (!entry) throw new Error("worker tasks are not enabled in this process");
  const w = new Worker(entry, { workerData: { vizierTask: name, payload } });
  const queue: StreamMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const notify = () => { wake?.(); wake = undefined; };
  w.on("message", (m: StreamMessage) => { queue.push(m); notify(); });
  w.once("error", (e) => { failure = e; notify(); });
  w.once("exit", (code) => { exited = true; failure ??= code === 0 ? undefined : new Error(`worker task ${name} exited with code ${code}`); notify(); });
  try {
    for (;;) {
      const next = queue.shift();
      if (next === undefined) {
        if (failure) throw failure;
        if (exited) throw new Error(`worker task ${name} ended without finishing`);
        await new Promise<void>((r) => { wake = r; });
        continue;
      }
      if ("done" in next) return;
      if ("error" in next) throw revive(next.error);
      w.postMessage(0);
      yield next.m as M;
    }
  } finally {
    await w.terminate();
  }
}
