import { useState, type FormEvent } from "react";
import { unwrap, type VizierClient } from "@vizier/client";
import { messageOf } from "../../app/async";
import type { Translate } from "../../i18n";

/**
 * After a sign-in with a one-time password the API answers nothing but the session routes
 * (403 PASSWORD_CHANGE_REQUIRED), so the app shows only this form until the user has set their own.
 * `current` is prefilled with the password just typed at sign-in, when there was one.
 */
export function SetPassword({ t, api, current: typed, onDone, onSignOut }: {
  t: Translate; api: VizierClient; current: string; onDone: () => void; onSignOut: () => void;
}) {
  const [current, setCurrent] = useState(typed);
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) { setError(t("password.mismatch")); return; }
    setBusy(true);
    setError(null);
    try {
      const res = await api.api.session.password.$post({ json: { currentPassword: current, newPassword: next } });
      if (!res.ok) await unwrap(res);
      onDone();
    } catch (err) {
      setError(t("password.failed", { detail: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="password-title">
        <h1 id="password-title">{t("password.title")}</h1>
        <p className="muted">{t("password.help")}</p>
        <label htmlFor="password-current">{t("password.current")}</label>
        <input id="password-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        <label htmlFor="password-new">{t("password.new")}</label>
        <input id="password-new" type="password" autoComplete="new-password" minLength={12} value={next} onChange={(e) => setNext(e.target.value)} required autoFocus />
        <label htmlFor="password-repeat">{t("password.repeat")}</label>
        <input id="password-repeat" type="password" autoComplete="new-password" minLength={12} value={again} onChange={(e) => setAgain(e.target.value)} required />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button type="submit" disabled={busy}>{t("password.submit")}</button>
          <button type="button" className="secondary" onClick={onSignOut}>{t("session.signOut")}</button>
        </div>
      </form>
    </main>
  );
}
