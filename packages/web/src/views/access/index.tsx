import { useT } from "../../app/context";

export default function View() {
  const t = useT();
  return <h1>{t("nav.access")}</h1>;
}
