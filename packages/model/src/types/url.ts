import { fail, ok, type Cleaned } from "./result";

const SCHEMES = new Set(["http:", "https:", "ftp:"]);

/**
 * A web address, as FollowTheMoney's url type takes it (rigour's `clean_url`): a bare host such as
 * `www.example.org/path` gets `http://`; only http, https and ftp addresses with a host are
 * accepted. An address with its scheme is kept as written (trimmed), as before, so values already
 * stored keep their form.
 */
export function cleanUrl(raw: string): Cleaned {
  const text = raw.trim();
  if (/\s/.test(text)) return fail(`invalid URL "${raw}" (contains spaces)`);
  const schemed = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+\.[^:/]+:\d/.test(text);
  // Without a scheme, only something that starts like a host name is taken for one.
  const candidate = schemed ? text : /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+([:/?#]|$)/u.test(text) ? `http://${text}` : undefined;
  if (candidate === undefined) return fail(`invalid URL "${raw}"`);
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fail(`invalid URL "${raw}"`);
  }
  if (!SCHEMES.has(url.protocol)) return fail(`invalid URL "${raw}" (only http, https and ftp)`);
  if (url.hostname === "") return fail(`invalid URL "${raw}" (no host)`);
  return ok(candidate);
}
