import { Command } from "commander";
import { registerGraph } from "./commands/graph";
import { registerLink } from "./commands/link";
import { registerFlows } from "./commands/flows";

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
  (err: unknown) => { console.error(err); process.exitCode = 1; },
);
