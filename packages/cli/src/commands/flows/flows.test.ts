import { describe, expect, it } from "vitest";
import { Command } from "commander";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerFlows } from "../flows";
import { isVizierError } from "@vizier/model";

async function run(args: string[]): Promise<void> {
  const p = new Command("vizier").exitOverride();
  registerFlows(p);
  await p.parseAsync(["node", "vizier", ...args]);
}

const cols = ["--from", "payer", "--to", "payee", "--amount", "amt", "--time", "when", "--id", "id"];

describe("vizier flows (in-process)", () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-flows-"));
  const csv = join(dir, "tx.csv");
  const lines = ["id,payer,payee,amt,when"];
  ["X0", "X1", "X2", "X3", "X4"].forEach((x, k) => lines.push(`f${k},${x},HUB,${150 + k},2025-03-0${k + 1}`));
  lines.push("c1,A,B,1000,2025-04-01", "c2,B,C,950,2025-04-02", "c3,C,A,900,2025-04-03");
  writeFileSync(csv, lines.join("\n") + "\n");

  it("patterns writes the documented columns", async () => {
    const out = join(dir, "alerts.csv");
    await run(["flows", "patterns", csv, ...cols, "--out", out]);
    const [header, ...rows] = readFileSync(out, "utf8").trim().split("\n");
    expect(header).toBe("alert_id,pattern,score,accounts,transactions,amount,start,end,explanation");
    const patterns = rows.map((r) => r.split(",")[1]);
    expect(patterns).toEqual(expect.arrayContaining(["fan_in", "cycle"]));
    const fan = rows.find((r) => r.split(",")[1] === "fan_in") ?? "";
    expect(fan.split(",")[4]).toBe("f0;f1;f2;f3;f4");
  });

  it("trace writes paths that add up to what left the start", async () => {
    const out = join(dir, "paths.csv");
    await run(["flows", "trace", csv, ...cols, "--start", "A", "--direction", "forward", "--hops", "3", "--out", out]);
    const [header, ...rows] = readFileSync(out, "utf8").trim().split("\n");
    expect(header).toBe("path_id,hop,transaction,from,to,time,amount,traced_amount,path_amount");
    // B keeps 50 of A's 1000 (path c1); 950 goes on to C (path c1, c2) and stops there because
    // C's payment goes back to the start.
    expect(rows.map((r) => r.split(",").slice(0, 3).join(","))).toEqual(["P1,1,c1", "P2,1,c1", "P2,2,c2"]);
    const perPath = new Map(rows.map((r) => [r.split(",")[0], Number(r.split(",")[8])]));
    expect([...perPath.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1000);
  });

  it("traces from all accounts of an entity", async () => {
    const groups = join(dir, "groups.csv");
    writeFileSync(groups, "account,group\nX0,Smurfs\nX1,Smurfs\n");
    const out = join(dir, "entity.csv");
    await run(["flows", "trace", csv, ...cols, "--entity", "Smurfs", "--groups", groups, "--out", out]);
    const rows = readFileSync(out, "utf8").trim().split("\n").slice(1);
    expect(rows.map((r) => r.split(",")[2]).sort()).toEqual(["f0", "f1"]);
  });

  it("rejects unknown accounts and bad flags with codes", async () => {
    await expect(run(["flows", "trace", csv, ...cols, "--start", "NOPE"])).rejects.toSatisfy((e) => isVizierError(e, "NOT_FOUND"));
    await expect(run(["flows", "trace", csv, ...cols, "--start", "A", "--direction", "sideways"])).rejects.toSatisfy((e) => isVizierError(e, "INVALID_ARGUMENT"));
    await expect(run(["flows", "patterns", csv, ...cols, "--patterns", "nonsense"])).rejects.toSatisfy((e) => isVizierError(e, "INVALID_ARGUMENT"));
  });

  it("generate writes transactions and truth", async () => {
    const out = join(dir, "gen");
    await run(["flows", "generate", "--seed", "1", "--transactions", "5000", "--out", out, "--rate", "0.01"]);
    expect(readFileSync(join(out, "transactions.csv"), "utf8").trim().split("\n")).toHaveLength(5001);
    expect(readFileSync(join(out, "truth.csv"), "utf8").split("\n")[0]).toBe("instance_id,pattern,tx_id");
  });
});
