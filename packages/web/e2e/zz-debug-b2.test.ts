import { it } from "vitest";
import { writeFileSync } from "node:fs";
import { startDemo } from "./harness";
it("debug server", async () => {
  const demo = await startDemo();
  writeFileSync("/tmp/b2-demo.json", JSON.stringify({ url: demo.url, users: demo.users, dir: demo.dir }));
  await new Promise((r) => setTimeout(r, 50 * 60_000));
  await demo.stop();
}, 60 * 60_000);
