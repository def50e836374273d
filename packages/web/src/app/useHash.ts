import { useCallback, useEffect, useState } from "react";
import { parseHash, type Route } from "./routes";

/** The parsed location hash, following back/forward and links. */
export function useHashRoute(): [Route, (hash: string) => void] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  const navigate = useCallback((to: string) => {
    if (window.location.hash !== to) window.location.hash = to;
  }, []);
  return [parseHash(hash), navigate];
}
