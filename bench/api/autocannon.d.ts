// The part of autocannon's API that load.ts uses (the package ships no types).
declare module "autocannon" {
  interface Options {
    url: string; connections: number; duration: number; timeout?: number; headers?: Record<string, string>;
    requests?: Array<{ setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }>;
  }
  interface Result { errors: number; timeouts: number; non2xx: number }
  interface Instance { on(event: string, fn: (...args: never[]) => void): Instance }
  function autocannon(opts: Options, done: (err: unknown, res: Result) => void): Instance;
  export default autocannon;
}
