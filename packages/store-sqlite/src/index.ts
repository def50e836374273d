export { SqliteStore } from "./store";
export { SqliteJobs, jobsLocation } from "./jobs";
