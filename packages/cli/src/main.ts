import { Command } from "commander";
import { registerGraph } from "./commands/graph";
import { registerLink } from "./commands/link";
import { registerFlows } from "./commands/flows";
import { formatLocation, isVizierError } from "@vizier/model";
import { exitCodeFor } from "./exit-codes";

/** Composition root of the `vizier` command. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("vizier").description("Joint analysis of organised-crime information, with safeguards");
  registerGraph(program);
  registerLink(program);
  registerFlows(program);
  await program.parseAsync(argv);
  return 0;
}

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (isVizierError(err)) {
      const where = formatLocation(err.location);
      console.error(`vizier: ${err.code}: ${err.message}${where && !err.message.includes(where) ? ` (${where})` : ""}`);
      process.exitCode = exitCodeFor(err.code);
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  },
);
