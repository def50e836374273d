import { serve, type ServerType } from "@hono/node-server";
import type { VizierApp } from "./app";

/** Serves the app on host:port; resolves once listening, with the bound port and a close function. */
export function listen(app: Pick<VizierApp, "fetch">, opts: { port: number; host: string }): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const onError = (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
    const server: ServerType = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      server.off("error", onError);
      resolve({ port: info.port, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
    server.once("error", onError);
  });
}
