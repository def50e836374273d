import { describe, expect, it } from "vitest";
import { parseLifetime } from "./duration";
import { hashSecret, looksLikeSecret, newSecret, TOKEN_PREFIX } from "./secrets";

describe("token secrets", () => {
  it("are vz_ + 43 base64url characters, stored only as their sha256", () => {
    const { secret, hash } = newSecret(TOKEN_PREFIX);
    expect(secret).toMatch(/^vz_[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashSecret(secret));
    expect(hash).not.toContain(secret.slice(3));
    expect(newSecret(TOKEN_PREFIX).secret).not.toBe(secret);
  });

  it("recognises their shape before any lookup", () => {
    const { secret } = newSecret(TOKEN_PREFIX);
    expect(looksLikeSecret(secret, TOKEN_PREFIX)).toBe(true);
    expect(looksLikeSecret(secret.slice(0, -1), TOKEN_PREFIX)).toBe(false);
    expect(looksLikeSecret(`xx_${secret.slice(3)}`, TOKEN_PREFIX)).toBe(false);
    expect(looksLikeSecret(`${secret.slice(0, -1)}!`, TOKEN_PREFIX)).toBe(false);
  });
});

describe("lifetimes", () => {
  it("parses minutes, hours, days and never", () => {
    expect(parseLifetime("90d")).toBe(90 * 86_400_000);
    expect(parseLifetime("12h")).toBe(12 * 3_600_000);
    expect(parseLifetime("30m")).toBe(30 * 60_000);
    expect(parseLifetime("never")).toBeUndefined();
  });

  it("refuses malformed, zero and absurd lifetimes", () => {
    for (const bad of ["", "90", "d", "1y", "0d", "-1d", "3651d", "1.5d"]) {
      expect(() => parseLifetime(bad), bad).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }) as Error);
    }
  });
});
