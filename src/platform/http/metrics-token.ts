import type { Context } from "hono";
import { secretsEqual } from "../auth/constant-time";
import { readConfig } from "../env/config";
import type { AppEnv } from "./app-env";

/** Whether the request sends `Authorization: Bearer $METRICS_TOKEN` (constant-time); false when none is configured. */
export async function sendsMetricsToken(c: Context<AppEnv>): Promise<boolean> {
  const token = readConfig(c.env).METRICS_TOKEN;
  if (!token) return false;
  const given = /^Bearer (.+)$/i.exec(c.req.header("Authorization") ?? "")?.[1] ?? "";
  return secretsEqual(given, token);
}
