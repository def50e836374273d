/**
 * Folding of names and free text to a comparable Latin form: diacritics removed (Unicode NFD,
 * combining marks dropped) and Cyrillic, Greek and Arabic transliterated with our own tables.
 * The tables follow the simple romanisations used on travel documents (ICAO Doc 9303 for Cyrillic,
 * ELOT 743 for Greek, a consonantal UNGEGN-style table for Arabic); they aim at matching, not at
 * reversible transcription, so several letters intentionally collapse to one.
 */

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "iu", я: "ia",
  і: "i", ї: "i", є: "ie", ґ: "g", ў: "u", ђ: "dj", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz",
};

const GREEK: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l",
  μ: "m", ν: "n", ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f",
  χ: "ch", ψ: "ps", ω: "o",
};

const ARABIC: Record<string, string> = {
  "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
  "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
  "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
  "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "ء": "", "ؤ": "", "ئ": "",
  "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y",
};

/** Latin letters that NFD does not decompose. */
const LATIN_SPECIAL: Record<string, string> = {
  ß: "ss", æ: "ae", ø: "o", œ: "oe", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ŀ: "l", ĸ: "k",
};

const TABLE: Map<string, string> = new Map(
  Object.entries({ ...CYRILLIC, ...GREEK, ...ARABIC, ...LATIN_SPECIAL }),
);

// Greek diaeresis/tonos and Arabic harakat are combining marks too, so one regex strips them all.
const COMBINING = /[\u0300-\u036f\u064b-\u065f\u0670]/g;

/**
 * Lower-cases, strips diacritics, transliterates non-Latin scripts and turns every run of
 * non-alphanumerics into one space. Pure and idempotent.
 */
export function fold(input: string): string {
  const s = input.toLowerCase().normalize("NFD").replace(COMBINING, "");
  let out = "";
  let pendingSpace = false;
  for (const ch of s) {
    const mapped = TABLE.get(ch);
    const piece = mapped ?? ch;
    if (mapped === undefined && !/[a-z0-9]/.test(ch)) {
      // Apostrophes inside names ("o'brien", "lonn'le") join rather than split.
      if (ch !== "'" && ch !== "\u2019") pendingSpace = out.length > 0;
      continue;
    }
    if (piece.length === 0) continue;
    if (pendingSpace) out += " ";
    pendingSpace = false;
    out += piece;
  }
  return out;
}

/** Tokens of the folded form. */
export function tokens(input: string): string[] {
  const f = fold(input);
  return f.length === 0 ? [] : f.split(" ");
}

/** Consonant skeleton (vowels and y/w dropped, doubles collapsed): bridges unvocalised Arabic. */
export function skeleton(folded: string): string {
  let out = "";
  for (const ch of folded) {
    if ("aeiouyw ".includes(ch)) continue;
    if (out.endsWith(ch)) continue;
    out += ch;
  }
  return out;
}
