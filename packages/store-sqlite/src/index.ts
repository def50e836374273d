export { SqliteStore } from "./store";
