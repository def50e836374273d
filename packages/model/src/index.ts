export * from "./errors";
export * from "./schema-spec";
export * from "./registry";
export * from "./statement";
export * from "./entity";
export * from "./ids";
export * from "./types/index";
export * from "./random";
