import type { Registry } from "@vizier/model";
import type { SharingConfig } from "./policy/rules";
import type { StorePort } from "./ports/store";
import type { AccessRequestPort } from "./ports/access-requests";

/** The ports and configuration a composition root hands to every use case. */
export interface Services {
  readonly store: StorePort;
  readonly model: Registry;
  readonly sharing: SharingConfig;
  /** Access requests and their grants (absent: no grants, so nothing beyond the sharing rules). */
  readonly access?: AccessRequestPort | undefined;
}
