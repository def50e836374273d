/**
 * What a search box finds: the one rule both stores index by (store-sqlite's search documents,
 * store-postgres's `names` / `idents` columns and its fuzzy-search dictionary), so the same data
 * is found the same way whichever store holds it.
 */

/** Property types whose values are searchable names or identifiers. */
export const SEARCHABLE_TYPES: ReadonlySet<string> = new Set(["name", "identifier", "phone", "email"]);

/**
 * Name parts are searchable (as names) whatever their declared type: FtM types a Person's
 * firstName, secondName, middleName, lastName, fatherName and motherName as `string`, and a
 * source that has only those columns must still be found by name. Spanish and Latin American
 * sources give two surnames (the second often mapped to secondName or motherName), Russian and
 * Arabic ones patronymics (fatherName). Titles and suffixes ("Dr", "Jr") are not names.
 */
export const SEARCHABLE_PROPS: ReadonlySet<string> = new Set(["firstName", "secondName", "middleName", "lastName", "fatherName", "motherName"]);

/** Name parts added to SEARCHABLE_PROPS after stores existed: their upgrades index these in stored blocks. */
export const NAME_PARTS_ADDED_V2: readonly string[] = ["secondName", "motherName"];

/**
 * How a value is searched: "name" (words, and misspellings through the fuzzy dictionary),
 * "identifier" (identifiers, phones and e-mail addresses: words only), or undefined when it is
 * not searched at all.
 */
export function searchKind(prop: string, propType: string): "name" | "identifier" | undefined {
  if (propType === "name" || SEARCHABLE_PROPS.has(prop)) return "name";
  return SEARCHABLE_TYPES.has(propType) ? "identifier" : undefined;
}
