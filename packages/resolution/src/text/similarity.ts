/**
 * String similarity measures.
 * Jaro-Winkler: W. E. Winkler, "String Comparator Metrics and Enhanced Decision Rules in the
 * Fellegi-Sunter Model of Record Linkage", Proc. Section on Survey Research Methods, ASA, 1990.
 * Damerau-Levenshtein (optimal string alignment variant): F. J. Damerau, "A technique for computer
 * detection and correction of spelling errors", CACM 7(3), 1964.
 */

const flagsA = new Uint8Array(256);
const flagsB = new Uint8Array(256);

/** Jaro-Winkler similarity in [0, 1] with the standard prefix scale 0.1 and prefix cap 4. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 1 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  // Scratch buffers are reused for speed; long strings fall back to fresh arrays.
  const fa = la <= 256 ? flagsA : new Uint8Array(la);
  const fb = lb <= 256 ? flagsB : new Uint8Array(lb);
  fa.fill(0, 0, la);
  fb.fill(0, 0, lb);
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (fb[j] === 0 && b.charCodeAt(j) === c) {
        fa[i] = 1;
        fb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (fa[i] === 0) continue;
    while (fb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Damerau-Levenshtein distance (adjacent transpositions count 1). Returns `max + 1` as soon as the
 * distance is known to exceed `max`, which keeps band checks ("at most 1 edit") cheap.
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] ?? 0;
}

/**
 * American Soundex code (R. C. Russell, US patent 1,261,167, 1918; as standardised by the US
 * National Archives), used as a phonetic blocking key.
 */
export function soundex(s: string): string {
  const codes = "01230120022455012623010202"; // a..z
  let out = "";
  let last = "";
  for (let i = 0; i < s.length && out.length < 4; i++) {
    const c = s.charCodeAt(i) - 97;
    if (c < 0 || c > 25) continue;
    const code = codes[c] ?? "0";
    if (out.length === 0) {
      out = s[i] ?? "";
      last = code;
      continue;
    }
    if (code !== "0" && code !== last) out += code;
    // h and w do not separate equal codes; vowels do.
    if (s[i] !== "h" && s[i] !== "w") last = code;
  }
  return out.length === 0 ? "" : out.padEnd(4, "0");
}
