/**
 * Bearer tokens from `POST /token`, each login from its own client address (logins are limited per IP).
 * @param {string} baseUrl
 * @param {{ username: string, password: string }[]} accounts
 * @returns {Promise<string[]>}
 */
export async function tokensFor(baseUrl, accounts) {
  const tokens = [];
  for (let i = 0; i < accounts.length; i += 8) {
    const batch = accounts.slice(i, i + 8).map(async (account, j) => {
      const n = i + j + 1;
      const login = () =>
        fetch(`${baseUrl}/token`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": `10.9.${n >> 8}.${n & 255}` },
          body: JSON.stringify(account),
        });
      let response = await login();
      // wrangler dev answers 503 while it restarts the Worker (a watched file changed): once more.
      if (response.status === 503) response = await new Promise((resolve) => setTimeout(resolve, 2_000)).then(login);
      if (response.status !== 200)
        throw new Error(`login of ${account.username}: ${response.status} ${await response.text()}`);
      return (await response.json()).access_token;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}
