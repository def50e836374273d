/** Search terms of the API benchmarks: common names (each ~5% of the persons), two-word names (~0.25%), a first-name prefix, a pair that never co-occurs. */
export const TERMS = ["jansen", "de vries", "bakker", "gomez", "yilmaz", "fatima", "lucas", "kowalski", "novak", "sophie", "jan visser", "emma smit", "moham", "peters dekker"];
