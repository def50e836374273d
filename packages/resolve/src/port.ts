import { VizierError } from "@vizier/model";
import type { ResolutionPort, StorePort } from "@vizier/core";

/** The store's resolution port; both adapters have one. */
export function resolutionOf(store: StorePort): ResolutionPort {
  const er = (store as StorePort & { resolution?: ResolutionPort }).resolution;
  if (!er || typeof er.commitRun !== "function") throw new VizierError("STORE_UNAVAILABLE", `the ${store.kind} store at ${store.location} does not keep resolution results`);
  return er;
}
