import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { VizierError } from "@vizier/model";

/**
 * Password hashing with scrypt (RFC 7914), salted, with its parameters recorded in the hash
 * string so they can be raised later without breaking stored hashes:
 * `scrypt$N=32768,r=8,p=1$<salt base64url>$<key base64url>`.
 */

export interface ScryptParams { N: number; r: number; p: number }

/** OWASP's scrypt recommendation (2023): N=2^15, r=8, p=1 (~32 MiB, tens of ms). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 32768, r: 8, p: 1 };
/** Minimum length of a local password (NIST SP 800-63B asks for length, not composition rules). */
export const MIN_PASSWORD_LENGTH = 12;
const KEY_LEN = 32;
/** Upper bounds on parameters read from a stored hash, so a forged hash cannot exhaust memory. */
const MAX_N = 1 << 20;

function derive(password: string, salt: Buffer, p: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, KEY_LEN, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Refuses a password that does not meet the policy (INVALID_ARGUMENT, never logged). */
export function checkPasswordPolicy(password: string): void {
  if ([...password.normalize("NFC")].length < MIN_PASSWORD_LENGTH) {
    throw new VizierError("INVALID_ARGUMENT", `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

/** Hashes a password that meets the policy; returns the self-describing hash string. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  checkPasswordPolicy(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

function parse(hash: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return undefined;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  return { params: { N, r, p }, salt: Buffer.from(m[4]!, "base64url"), key: Buffer.from(m[5]!, "base64url") };
}

/** A fixed hash to compare against when the user does not exist, so timing does not tell. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not-a-real-password-0000");
  return dummy;
}

/** True when `password` matches `hash` (timing-safe). A malformed or empty hash never matches. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parse(hash);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A generated one-time password: 18 random bytes, base64url (24 characters, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
