// Accounts for a benchmark's own database, created with the launcher's code (same hash format as the Worker's).
import { createClient } from "@libsql/client";
import { createAccount } from "../../dev/admin-account.mjs";

/**
 * Creates the accounts with `role`, a few at a time (PBKDF2 runs in Node's thread pool).
 * @param {string} libsqlUrl
 * @param {{ username: string, password: string }[]} accounts
 * @param {"viewer" | "operator" | "admin"} role
 */
export async function seedAccounts(libsqlUrl, accounts, role) {
  const client = createClient({ url: libsqlUrl });
  try {
    for (let i = 0; i < accounts.length; i += 8) {
      await Promise.all(accounts.slice(i, i + 8).map((account) => createAccount(client, { ...account, role })));
    }
  } finally {
    client.close();
  }
}
