import { useState, type FormEvent } from "react";
import { createClient, unwrap } from "@vizier/client";
import type { SessionInfo } from "../../app/context";
import { messageOf } from "../../app/async";
import { LANGS, type Lang, type Translate } from "../../i18n";

/** Sign-in with user, password and the purpose the session is opened for (shown before the app context exists). */
export function Login({ t, lang, setLang, onSignedIn }: { t: Translate; lang: Lang; setLang: (l: Lang) => void; onSignedIn: (s: SessionInfo, password: string) => void }) {
  const [user, setUser] = useState("");
  const [password, setPassword] = useState("");
  const [purpose, setPurpose] = useState("case:NL-2026-0042");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const api = createClient(window.location.origin);
      const s = await unwrap(await api.api.session.$post({ json: { user, password, purpose } }));
      onSignedIn({ actor: s.actor, csrfToken: s.csrfToken, purpose: s.purpose, mustChangePassword: s.mustChangePassword }, password);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">{t("login.title")}</h1>
        <label htmlFor="login-user">{t("login.user")}</label>
        <input id="login-user" name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required autoFocus />
        <label htmlFor="login-password">{t("login.password")}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <label htmlFor="login-purpose">{t("login.purpose")}</label>
        <input id="login-purpose" name="purpose" list="login-purposes" value={purpose} onChange={(e) => setPurpose(e.target.value)} required maxLength={200} aria-describedby="login-purpose-help" />
        <datalist id="login-purposes"><option value="case:NL-2026-0042" /><option value="purpose:demo" /></datalist>
        <p id="login-purpose-help" className="muted">{t("login.purposeHelp")}</p>
        {error && <p className="error" role="alert">{t("login.failed", { detail: error })}</p>}
        <div className="row">
          <button type="submit" disabled={busy}>{t("login.submit")}</button>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t("lang.label")}>
            {LANGS.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
          </select>
        </div>
      </form>
    </main>
  );
}
