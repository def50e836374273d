import type { Command } from "commander";

/** `vizier graph …` — network analytics on edge files (issue P4). */
export function registerGraph(_program: Command): void {}
