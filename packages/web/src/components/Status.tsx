import type { ReactNode } from "react";
import { useT } from "../app/context";
import { messageOf, type Loaded } from "../app/async";

/** Loading / error / value of a Loaded, with the texts in the chosen language. */
export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  const t = useT();
  if (loaded.state === "loading") return <p className="muted" role="status" aria-live="polite">{t("common.loading")}</p>;
  if (loaded.state === "error") return <p className="error" role="alert">{t("common.error", { detail: messageOf(loaded.error) })}</p>;
  return <>{children(loaded.value)}</>;
}
