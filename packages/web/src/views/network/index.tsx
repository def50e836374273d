import { useT } from "../../app/context";

/** Placeholder slot: the network view is built by B2 (see docs/ui.md). */
export default function View() {
  const t = useT();
  return <section><h1>{t("view.network")}</h1><p className="muted">{t("common.notAvailable")}</p></section>;
}
