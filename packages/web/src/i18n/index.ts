import { en } from "./en";
import { nl } from "./nl";

export type Lang = "nl" | "en";
export const LANGS: readonly Lang[] = ["nl", "en"];
export type Messages = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * A view's own texts: `packages/web/src/views/<view>/i18n.ts` exports `nl` and `en`
 * (Record<string, string>, keys prefixed with the view's name, e.g. "network.layout").
 */
export interface ViewMessages { nl?: Messages; en?: Messages }

/** Merges the core texts with every view's (a view's key never overrides a core key). */
export function mergeMessages(core: Record<Lang, Messages>, views: readonly ViewMessages[]): Record<Lang, Messages> {
  const out: Record<Lang, Messages> = { nl: {}, en: {} };
  for (const lang of LANGS) {
    for (const v of views) Object.assign(out[lang], v[lang] ?? {});
    Object.assign(out[lang], core[lang]);
  }
  return out;
}

/** `{name}` placeholders filled from vars; a missing key falls back to the other language, then the key. */
export function translator(messages: Record<Lang, Messages>, lang: Lang): Translate {
  const other: Lang = lang === "nl" ? "en" : "nl";
  return (key, vars) => {
    const text = messages[lang][key] ?? messages[other][key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  };
}

const viewModules = import.meta.glob<ViewMessages>("../views/*/i18n.ts", { eager: true });

/** Core texts plus every view's i18n.ts. */
export const MESSAGES = mergeMessages({ nl, en }, Object.values(viewModules));

/** The browser's language when it is Dutch or English, else Dutch. */
export function initialLang(stored: string | null, navigatorLang: string | undefined): Lang {
  if (stored === "nl" || stored === "en") return stored;
  return navigatorLang?.toLowerCase().startsWith("en") ? "en" : "nl";
}
