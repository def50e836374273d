import type { Registry } from "@vizier/model";
import type { SharingConfig } from "./policy/rules";
import type { StorePort } from "./ports/store";

/** The ports and configuration a composition root hands to every use case. */
export interface Services {
  readonly store: StorePort;
  readonly model: Registry;
  readonly sharing: SharingConfig;
}
