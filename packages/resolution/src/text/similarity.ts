/**
 * String similarity measures.
 * Jaro-Winkler: W. E. Winkler, "String Comparator Metrics and Enhanced Decision Rules in the
 * Fellegi-Sunter Model of Record Linkage", Proc. Section on Survey Research Methods, ASA, 1990.
 * Damerau-Levenshtein (optimal string alignment variant): F. J. Damerau, "A technique for computer
 * detection and correction of spelling errors", CACM 7(3), 1964.
 */

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

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau-Levenshtein distance (adjacent transpositions count 1). Returns `max + 1` as soon as the
 * distance is known to exceed `max`, which keeps band checks ("at most 1 edit") cheap. Row
 * buffers are reused across calls: this runs in the pairwise hot loop.
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (max === 1) return withinOneEdit(a, b) ? 1 : 2;
  if (rowA.length <= lb) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] as number;
}

/** True when a and b (already known to differ) are one substitution, insertion, deletion or adjacent swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2);
  }
  if (la === lb + 1) return a.slice(i + 1) === b.slice(i);
  if (lb === la + 1) return b.slice(i + 1) === a.slice(i);
  return false;
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
