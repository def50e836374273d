/**
 * The UI's shared state, for every view (B1's and B2's): the typed API client configured with the
 * session cookie, CSRF token and purpose; i18n; navigation. Views use the hooks, never fetch().
 */
import { createContext, useContext } from "react";
import type { VizierClient } from "@vizier/client";
import type { Lang, Translate } from "../i18n";
import type { Route } from "./routes";

export interface Actor { id: string; kind: "user" | "system"; agency: string; roles: string[]; cases: string[] }

export interface SessionInfo {
  actor: Actor;
  csrfToken: string | null;
  /** The session's own purpose (chosen at login). */
  purpose: string | null;
  /** Signed in with a one-time password: the user must set their own before anything else. */
  mustChangePassword: boolean;
}

export interface AppState {
  api: VizierClient;
  session: SessionInfo;
  /** The purpose sent as X-Vizier-Purpose with every request. */
  purpose: string;
  setPurpose: (p: string) => void;
  lang: Lang;
  setLang: (l: Lang) => void;
  t: Translate;
  route: Route;
  navigate: (hash: string) => void;
  signOut: () => Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error("useApp outside <AppContext.Provider>");
  return s;
}

/** The typed client (`api.api.search.$get(…)`; wrap answers in `unwrap`). It changes when the purpose does. */
export const useApi = (): VizierClient => useApp().api;
/** `t("key", { var })` in the chosen language (nl/en). */
export const useT = (): Translate => useApp().t;
/** `navigate(href("entity", { id }))`: goes to a hash route. */
export const useNavigate = (): ((hash: string) => void) => useApp().navigate;
/** The current route (view, id, params). */
export const useRoute = (): Route => useApp().route;
/** The signed-in actor, session purpose and CSRF token. */
export const useSession = (): SessionInfo => useApp().session;
