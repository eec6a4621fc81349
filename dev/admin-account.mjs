// Creates the first admin account of a local database. Same hash format as the Worker's
// src/platform/auth/password.ts: PBKDF2-SHA256, 100 000 iterations, 16-byte salt, 32-byte key, base64.
import { createClient } from "@libsql/client";

export const PBKDF2_ITERATIONS = 100_000;

/** @param {string} password @param {Uint8Array} salt @param {number} iterations */
async function derive(password, salt, iterations) {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return Buffer.from(bits).toString("base64");
}

/** A password of 20 characters from an alphabet without look-alikes. */
export function randomPassword() {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * Inserts an account with a PBKDF2 hash of `password`.
 * @param {import("@libsql/client").Client} client
 * @param {{ username: string, password: string, role: "viewer" | "operator" | "admin" }} account
 */
export async function createAccount(client, { username, password, role }) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  const now = Date.now();
  await client.execute({
    sql: `INSERT INTO users (username, role, password_hash, password_salt, password_iterations, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [username, role, hash, Buffer.from(salt).toString("base64"), PBKDF2_ITERATIONS, now, now],
  });
}

/**
 * Creates `username` as admin when the database has no admin yet.
 * @param {{ url: string, authToken?: string, username: string, password: string }} options
 * @returns {Promise<boolean>} whether the account was created
 */
export async function ensureAdmin({ url, authToken, username, password }) {
  const client = createClient({ url, authToken });
  try {
    const admins = await client.execute("SELECT count(*) AS n FROM users WHERE role = 'admin'");
    if (Number(admins.rows[0]?.n ?? 0) > 0) return false;
    await createAccount(client, { username, password, role: "admin" });
    return true;
  } finally {
    client.close();
  }
}
