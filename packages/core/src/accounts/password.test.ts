import { describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { checkPasswordPolicy, generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";

const FAST = { N: 1024, r: 8, p: 1 };

describe("password hashing (scrypt)", () => {
  it("records its parameters and a fresh salt, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse battery", FAST);
    const b = await hashPassword("correct horse battery", FAST);
    expect(a).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  it("uses the parameters stored in the hash, so defaults can be raised later", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h.startsWith("scrypt$N=32768,r=8,p=1$")).toBe(true);
    expect(await verifyPassword("correct horse battery", h)).toBe(true);
  });

  it("never matches a malformed, empty or oversized-parameter hash", async () => {
    const h = await hashPassword("correct horse battery", FAST);
    for (const bad of ["", "plain", h.replace("N=1024", "N=1000"), h.replace("N=1024", "N=4194304"), h.replace("scrypt$", "bcrypt$"), h.slice(0, -2)]) {
      expect(await verifyPassword("correct horse battery", bad), bad).toBe(false);
    }
  });

  it("refuses passwords shorter than the policy minimum", async () => {
    const short = "x".repeat(MIN_PASSWORD_LENGTH - 1);
    expect(() => checkPasswordPolicy(short)).toThrow();
    await expect(hashPassword(short, FAST)).rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
    expect(() => checkPasswordPolicy("x".repeat(MIN_PASSWORD_LENGTH))).not.toThrow();
  });

  it("generates one-time passwords that meet the policy and differ", () => {
    const a = generatePassword();
    expect(a.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    expect(a).not.toBe(generatePassword());
    expect(() => checkPasswordPolicy(a)).not.toThrow();
  });
});
