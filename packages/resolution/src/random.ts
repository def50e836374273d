/** Mulberry32, shared with the other analytics packages (packages/model/src/random.ts). */
export { mulberry32 } from "@vizier/model";
