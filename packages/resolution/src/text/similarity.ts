/**
 * String similarity measures.
 * Jaro-Winkler: W. E. Winkler, "String Comparator Metrics and Enhanced Decision Rules in the
 * Fellegi-Sunter Model of Record Linkage", Proc. Section on Survey Research Methods, ASA, 1990.
 * Damerau-Levenshtein (optimal string alignment variant): F. J. Damerau, "A technique for computer
 * detection and correction of spelling errors", CACM 7(3), 1964.
 */

// Edit distances live in @vizier/model (the embedded store's fuzzy search uses them too).
export { damerauLevenshtein, withinOneEdit } from "@vizier/model";

// Match marks as generation stamps: no clearing between calls in the hot loop.
let markA = new Int32Array(64);
let markB = new Int32Array(64);
let generation = 0;

/** Jaro-Winkler similarity in [0, 1] with the standard prefix scale 0.1 and prefix cap 4. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (markA.length < la || markB.length < lb) {
    markA = new Int32Array(Math.max(la, markA.length * 2));
    markB = new Int32Array(Math.max(lb, markB.length * 2));
    generation = 0;
  }
  if (++generation >= 0x7fffffff) {
    markA.fill(0);
    markB.fill(0);
    generation = 1;
  }
  const g = generation;
  let range = ((la > lb ? la : lb) >> 1) - 1;
  if (range < 0) range = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > range ? i - range : 0;
    const hi = i + range + 1 < lb ? i + range + 1 : lb;
    const c = a.charCodeAt(i);
    for (let j = lo; j < hi; j++) {
      if (markB[j] !== g && b.charCodeAt(j) === c) {
        markA[i] = g;
        markB[j] = g;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (markA[i] !== g) continue;
    while (markB[k] !== g) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = la < lb ? (la < 4 ? la : 4) : lb < 4 ? lb : 4;
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
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
