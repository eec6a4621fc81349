// The simulator's settings read from environment variables, shared by its CLI and `npm run dev`.

/**
 * A number from `env[name]`, `fallback` when unset or empty; throws, naming the variable, when it is not valid.
 * @param {Record<string, string | undefined>} env @param {string} name @param {number} fallback
 * @param {(value: number) => boolean} valid
 */
export function numberFromEnv(env, name, fallback, valid) {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !valid(value)) throw new Error(`${name} is not valid: ${JSON.stringify(raw)}`);
  return value;
}

/**
 * HWA_TIME_SCALE: plan seconds per real second. Real time unless set, so the facts one just read stay true;
 * more speeds the plan up, 0 freezes it.
 * @param {Record<string, string | undefined>} env
 */
export function timeScaleFromEnv(env) {
  return numberFromEnv(env, "HWA_TIME_SCALE", 1, (value) => value >= 0);
}
