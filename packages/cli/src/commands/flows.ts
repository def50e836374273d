import type { Command } from "commander";

/** `vizier flows …` — money-flow tracing and typology detection on transaction files (issue P5). */
export function registerFlows(_program: Command): void {}
