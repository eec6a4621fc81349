import { SELF } from "cloudflare:test";
import { sign } from "hono/jwt";
import { describe, expect, it, vi } from "vitest";
import { forgetRevocationAnswers, revokeTokensOf } from "../../../src/platform/auth/revocation";
import { verifyToken } from "../../../src/platform/auth/tokens";
import { readConfig } from "../../../src/platform/env/config";
import { bearer, createUser, ORIGIN, tokenFor } from "../../helpers/accounts";
import { bindings, problemOf } from "../../helpers/worker";

const secret = bindings.JWT_SECRET!;
const now = () => Math.floor(Date.now() / 1000);

function base64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function claims(overrides: Record<string, unknown> = {}) {
  return {
    sub: "admin",
    role: "admin",
    iat: now(),
    exp: now() + 600,
    jti: crypto.randomUUID(),
    iss: bindings.JWT_ISSUER,
    aud: bindings.JWT_AUDIENCE,
    typ: "access",
    ...overrides,
  };
}

async function me(token: string) {
  return SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: bearer(token) });
}

describe("JWT verification", () => {
  it("accepts a token signed by the service", async () => {
    expect((await me(await sign(claims(), secret, "HS256"))).status).toBe(200);
  });

  const refused: [string, () => Promise<string>][] = [
    ["alg none", async () => `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims())}.`],
    ["another algorithm (HS512)", () => sign(claims(), secret, "HS512")],
    ["a wrong key", () => sign(claims(), "another-secret-of-at-least-32-characters!", "HS256")],
    ["an expired token", () => sign(claims({ iat: now() - 7200, exp: now() - 3600 }), secret, "HS256")],
    ["a token not yet valid", () => sign(claims({ nbf: now() + 600 }), secret, "HS256")],
    ["a token issued in the future", () => sign(claims({ iat: now() + 600 }), secret, "HS256")],
    ["another issuer", () => sign(claims({ iss: "someone-else" }), secret, "HS256")],
    ["another audience", () => sign(claims({ aud: "other-api" }), secret, "HS256")],
    [
      "no expiry",
      () => sign(Object.fromEntries(Object.entries(claims()).filter(([k]) => k !== "exp")), secret, "HS256"),
    ],
    ["an unknown role", () => sign(claims({ role: "root" }), secret, "HS256")],
    ["a session token used as Bearer", () => sign(claims({ typ: "session", csrf: "n" }), secret, "HS256")],
    [
      "a tampered payload",
      async () => {
        const [header, , signature] = (await sign(claims({ role: "viewer" }), secret, "HS256")).split(".");
        return `${header}.${base64url(claims({ role: "admin" }))}.${signature}`;
      },
    ],
  ];

  for (const [name, make] of refused) {
    it(`refuses ${name} with 401`, async () => {
      const response = await me(await make());
      expect(response.status).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      await problemOf(response);
    });
  }

  it("refuses a request without credentials with 401", async () => {
    const response = await SELF.fetch(`${ORIGIN}/api/v1/auth/me`);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toBe("Authentication is required");
  });
});

describe("logout", () => {
  it("revokes the token, and the revocation is visible to an isolate that never saw it", async () => {
    const user = await createUser("viewer");
    const token = await tokenFor(user);
    expect((await me(token)).status).toBe(200);
    const out = await SELF.fetch(`${ORIGIN}/api/v1/auth/logout`, { method: "POST", headers: bearer(token) });
    expect(out.status).toBe(204);
    expect((await me(token)).status).toBe(401);
    forgetRevocationAnswers();
    expect((await me(token)).status).toBe(401);
  });

  it("leaves the user's other tokens valid", async () => {
    const user = await createUser("viewer");
    const first = await tokenFor(user);
    const second = await tokenFor(user);
    await SELF.fetch(`${ORIGIN}/api/v1/auth/logout`, { method: "POST", headers: bearer(first) });
    expect((await me(second)).status).toBe(200);
  });
});

describe("verified tokens are remembered per isolate, never past what verification allows", () => {
  const config = () => readConfig(bindings);

  it("accepts a remembered token until its expiry, and not a second after", async () => {
    const token = await sign(claims({ exp: now() + 60 }), secret, "HS256");
    expect(await verifyToken(config(), token, "access")).toMatchObject({ sub: "admin", typ: "access" });
    expect(await verifyToken(config(), token, "access")).toMatchObject({ sub: "admin", typ: "access" });
    const expiry = (now() + 60) * 1000;
    const clock = vi.spyOn(Date, "now").mockReturnValue(expiry);
    try {
      expect(await verifyToken(config(), token, "access")).toBeNull();
    } finally {
      clock.mockRestore();
    }
  });

  it("remembers a token for its own kind only: an access token is still no session", async () => {
    const token = await sign(claims(), secret, "HS256");
    expect(await verifyToken(config(), token, "access")).not.toBeNull();
    expect(await verifyToken(config(), token, "session")).toBeNull();
  });

  it("lends a remembered token's signature to no other payload", async () => {
    const viewer = await sign(claims({ role: "viewer" }), secret, "HS256");
    expect((await me(viewer)).status).toBe(200);
    const [header, , signature] = viewer.split(".");
    expect((await me(`${header}.${base64url(claims({ role: "admin" }))}.${signature}`)).status).toBe(401);
  });

  it("refuses a remembered token once its user's tokens are revoked (role change, password reset)", async () => {
    const user = await createUser("viewer");
    const token = await sign(claims({ sub: user.username, role: "viewer", iat: now() - 5 }), secret, "HS256");
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    await revokeTokensOf(bindings.CACHE, user.username, 3600);
    expect((await me(token)).status).toBe(401);
    forgetRevocationAnswers();
    expect((await me(token)).status).toBe(401);
  });
});
