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

const tasks = new Map<string, Task>();
let entry: string | undefined;
let maxThreads = 1;

export function defineTask<P>(name: string, fn: (payload: P) => { result: unknown; transfer?: ArrayBuffer[] }): void {
  tasks.set(name, fn as Task);
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
    if (!tasks.has(data.vizierTask)) await loaders[data.vizierTask]?.();
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
