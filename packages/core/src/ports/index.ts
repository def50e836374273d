export type * from "./store";
export type * from "./accounts";
export type * from "./resolution";
export type * from "./access-requests";
