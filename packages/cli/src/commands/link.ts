import type { Command } from "commander";

/** `vizier link …` — entity resolution on CSV files (issue P3). */
export function registerLink(_program: Command): void {}
