import { useState, type FormEvent, type ReactNode } from "react";
import { LANGS, type Lang } from "../i18n";
import { useApp } from "./context";
import { href, type ViewName } from "./routes";

const NAV: ReadonlyArray<[ViewName, string]> = [
  ["search", "nav.search"], ["review", "nav.review"], ["datasets", "nav.datasets"],
  ["access", "nav.access"], ["audit", "nav.audit"], ["tour", "nav.tour"],
];

/** Suggested purposes: the actor's cases, then general ones; any other text may be typed. */
export function purposeOptions(cases: readonly string[], current: string): string[] {
  return [...new Set([current, ...cases, "case:NL-2026-0042", "purpose:demo", "purpose:strategic-analysis"].filter((p) => p !== ""))];
}

/** The frame of every signed-in screen: navigation, purpose chooser, language, user, sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, route, session, purpose, setPurpose, lang, setLang, signOut } = useApp();
  const [draft, setDraft] = useState(purpose);
  const apply = (e: FormEvent) => { e.preventDefault(); if (draft.trim()) setPurpose(draft.trim()); };
  const a = session.actor;
  return (
    <>
      <a className="skip" href="#main">{t("app.skip")}</a>
      <header className="top">
        <a className="brand" href={href("search")}>{t("app.title")}</a>
        <nav aria-label={t("nav.main")}>
          <ul>
            {NAV.map(([view, key]) => (
              <li key={view}><a href={href(view)} aria-current={route.view === view ? "page" : undefined}>{t(key)}</a></li>
            ))}
          </ul>
        </nav>
        <form className="purpose" onSubmit={apply} title={t("purpose.help")}>
          <label htmlFor="purpose-input">{t("purpose.label")}</label>
          <input id="purpose-input" list="purpose-options" value={draft} onChange={(e) => setDraft(e.target.value)} required maxLength={200} data-testid="purpose" />
          <datalist id="purpose-options">{purposeOptions(a.cases, purpose).map((p) => <option key={p} value={p} />)}</datalist>
          <button type="submit" disabled={draft.trim() === purpose}>{t("purpose.apply")}</button>
        </form>
        <label className="lang">
          <span className="sr-only">{t("lang.label")}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t("lang.label")}>
            {LANGS.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
          </select>
        </label>
        <span className="who" data-testid="who">{t("session.as", { user: a.id, agency: a.agency, roles: a.roles.join(", ") })}</span>
        <button type="button" onClick={() => void signOut()}>{t("session.signOut")}</button>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
