import { describe, expect, it } from "vitest";
import { WORKER_SEMI_SPACE_MIB, workerExecArgv } from "./cluster";

describe("workerExecArgv", () => {
  it("adds a larger young generation to the primary's node options", () => {
    expect(workerExecArgv(["--enable-source-maps"], "")).toEqual(["--enable-source-maps", `--max-semi-space-size=${WORKER_SEMI_SPACE_MIB}`]);
  });

  it("leaves a young-generation size the operator chose, on the command line or in NODE_OPTIONS", () => {
    expect(workerExecArgv(["--max-semi-space-size=8"], "")).toEqual(["--max-semi-space-size=8"]);
    expect(workerExecArgv([], "--max-old-space-size=4096 --max-semi-space-size=32")).toEqual([]);
  });
});
