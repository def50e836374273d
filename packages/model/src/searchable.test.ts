import { describe, expect, it } from "vitest";
import { defaultModel } from "./registry";
import { SEARCHABLE_PROPS, SEARCHABLE_TYPES, searchKind } from "./searchable";

describe("searchable values", () => {
  it("searches names and name parts as names, identifiers, phones and e-mail addresses as identifiers", () => {
    const kinds = [["name", "name"], ["alias", "name"], ["firstName", "string"], ["lastName", "string"], ["middleName", "string"],
      ["fatherName", "string"], ["idNumber", "identifier"], ["phone", "phone"], ["email", "email"], ["birthDate", "date"],
      ["nationality", "country"], ["owner", "entity"], ["notes", "text"]].map(([prop, type]) => searchKind(prop!, type!));
    expect(kinds).toEqual(["name", "name", "name", "name", "name", "name", "identifier", "identifier", "identifier", undefined, undefined, undefined, undefined]);
  });

  it("agrees with its sets: searched exactly when the type or the property is listed", () => {
    for (const type of ["name", "identifier", "phone", "email", "string", "date", "entity"]) {
      for (const prop of ["firstName", "lastName", "name", "title", "idNumber"]) {
        expect(searchKind(prop, type) !== undefined).toBe(SEARCHABLE_TYPES.has(type) || SEARCHABLE_PROPS.has(prop));
      }
    }
  });

  it("names only properties the model's Person has, typed as plain strings there", () => {
    const person = defaultModel().getSchema("Person");
    expect([...SEARCHABLE_PROPS].map((p) => person.hasProperty(p) && person.getProperty(p).type)).toEqual([...SEARCHABLE_PROPS].map(() => "string"));
  });
});
