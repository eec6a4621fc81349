import { signatureOf } from "../platform/auth/hmac";
import type { Config } from "../platform/env/config";

/**
 * A webhook's signing secret: derived from the subscription's id and a random nonce under the Worker's key, so the
 * database never holds it (rotating is a new nonce). Rotating JWT_SECRET changes every webhook's secret.
 */
export async function webhookSecret(config: Config, subscriptionId: string, nonce: string): Promise<string> {
  return `whsec_${await signatureOf(config.JWT_SECRET, "webhook-secret", `${subscriptionId}\n${nonce}`)}`;
}

export const newNonce = () => crypto.randomUUID();
