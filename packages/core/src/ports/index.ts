export type * from "./store";
export type * from "./accounts";
