export type * from "./store";
