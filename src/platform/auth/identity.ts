import type { Role } from "../db/schema";

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
}

const rank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** Whether `role` includes everything `required` may do. */
export function roleAllows(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}
