import type { EngineRole, Role } from "../db/schema";

/** Who is calling, as proven by a verified token. */
export interface Identity {
  username: string;
  role: Role;
  /** The token's id: revoked on logout. */
  jti: string;
  /** Issue and expiry times of the token, epoch seconds. */
  iat: number;
  exp: number;
  /** How the caller authenticated: cookies carry ambient credentials and need CSRF protection. */
  via: "bearer" | "cookie";
  /** The session's CSRF nonce (cookie sessions only). */
  csrfNonce?: string;
  /** The engine the user's HWA requests go to when they name none. */
  defaultEngine?: string;
  /** Per-engine roles (engine name in lower case) replacing `role` on that engine's HWA routes. */
  engineRoles?: Readonly<Record<string, EngineRole>>;
}

/** The role `identity` has on one engine's HWA routes: its grant there, else its role. */
export function roleOnEngine(
  identity: { role: Role; engineRoles?: Readonly<Record<string, EngineRole>> },
  engineNameKey: string,
): Role {
  return identity.engineRoles?.[engineNameKey] ?? identity.role;
}

const rank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** Whether `role` includes everything `required` may do. */
export function roleAllows(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}
