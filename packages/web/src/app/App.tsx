import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType, type LazyExoticComponent } from "react";
import { createClient, unwrap } from "@vizier/client";
import { initialLang, MESSAGES, translator, type Lang } from "../i18n";
import { Login } from "../views/login";
import { SetPassword } from "../views/login/SetPassword";
import { AppContext, type AppState, type SessionInfo } from "./context";
import { Shell } from "./Shell";
import type { ViewName } from "./routes";
import { useHashRoute } from "./useHash";

/** Every view is its own chunk (B2's network/flows/timeline/map included). */
const VIEW_COMPONENTS: Record<ViewName, LazyExoticComponent<ComponentType>> = {
  search: lazy(() => import("../views/search")),
  entity: lazy(() => import("../views/entity")),
  review: lazy(() => import("../views/review")),
  datasets: lazy(() => import("../views/datasets")),
  access: lazy(() => import("../views/access")),
  audit: lazy(() => import("../views/audit")),
  tour: lazy(() => import("../views/tour")),
  network: lazy(() => import("../views/network")),
  flows: lazy(() => import("../views/flows")),
  timeline: lazy(() => import("../views/timeline")),
  map: lazy(() => import("../views/map")),
};

const PURPOSE_KEY = "vizier.purpose";
const LANG_KEY = "vizier.lang";

function readCookie(name: string): string | undefined {
  const m = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return m ? decodeURIComponent(m.slice(name.length + 1)) : undefined;
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() => initialLang(localStorage.getItem(LANG_KEY), navigator.language));
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  /** The password typed at sign-in, kept only until a one-time password has been replaced. */
  const [typed, setTyped] = useState("");
  const [purpose, setPurposeState] = useState<string>(() => sessionStorage.getItem(PURPOSE_KEY) ?? "");
  const [route, navigate] = useHashRoute();
  const t = useMemo(() => translator(MESSAGES, lang), [lang]);

  const setLang = useCallback((l: Lang) => { localStorage.setItem(LANG_KEY, l); setLangState(l); }, []);
  const setPurpose = useCallback((p: string) => { sessionStorage.setItem(PURPOSE_KEY, p); setPurposeState(p); }, []);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);

  const csrf = session?.csrfToken ?? undefined;
  const api = useMemo(() => createClient(window.location.origin, {
    ...(purpose ? { purpose } : {}),
    csrfToken: () => csrf ?? readCookie("vizier_csrf"),
  }), [purpose, csrf]);

  // An existing session cookie signs in without a password (the readable CSRF cookie says there is one;
  // without it, no request is made, so a signed-out page logs no 401).
  useEffect(() => {
    let live = true;
    if (readCookie("vizier_csrf") === undefined) { setSession(null); return; }
    const probe = createClient(window.location.origin);
    probe.api.session.$get().then(unwrap).then((s) => {
      if (!live) return;
      setSession({ actor: s.actor, csrfToken: s.csrfToken, purpose: s.purpose, mustChangePassword: s.mustChangePassword });
      if (!sessionStorage.getItem(PURPOSE_KEY) && s.purpose) setPurpose(s.purpose);
    }, () => { if (live) setSession(null); });
    return () => { live = false; };
  }, [setPurpose]);

  const signOut = useCallback(async () => {
    try { await api.api.session.$delete(); } finally {
      sessionStorage.removeItem(PURPOSE_KEY);
      setSession(null);
    }
  }, [api]);

  if (session === undefined) return <p className="muted" role="status">{t("common.loading")}</p>;
  if (session === null) {
    return <Login t={t} lang={lang} setLang={setLang} onSignedIn={(s, password) => { setPurpose(s.purpose ?? ""); setTyped(s.mustChangePassword ? password : ""); setSession(s); }} />;
  }
  if (session.mustChangePassword) {
    return <SetPassword t={t} api={api} current={typed} onDone={() => { setTyped(""); setSession({ ...session, mustChangePassword: false }); }} onSignOut={() => void signOut()} />;
  }
  const state: AppState = { api, session, purpose, setPurpose, lang, setLang, t, route, navigate, signOut };
  const View = VIEW_COMPONENTS[route.view];
  return (
    <AppContext.Provider value={state}>
      <Shell>
        <Suspense fallback={<p className="muted" role="status">{t("common.loading")}</p>}>
          <View key={`${route.view}/${purpose}`} />
        </Suspense>
      </Shell>
    </AppContext.Provider>
  );
}
