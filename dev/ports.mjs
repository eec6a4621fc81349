import net from "node:net";

/**
 * Resolves when `port` on `host` can be bound; rejects with a message that names the variable to change.
 * @param {string} host @param {number} port @param {string} variable
 */
export function ensurePortFree(host, port, variable) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) => {
      const inUse = /** @type {NodeJS.ErrnoException} */ (error).code === "EADDRINUSE";
      reject(
        new Error(inUse ? `port ${port} on ${host} is already in use (set ${variable} to use another)` : error.message),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}

/**
 * `count` distinct ports that were free a moment ago on `host`. All are held open until every one is known, so the
 * system cannot hand the same port out twice (closing a probe before opening the next one lets it reuse the port).
 * @param {number} count @param {string} [host] @returns {Promise<number[]>}
 */
export async function freePorts(count, host = "127.0.0.1") {
  /** @type {net.Server[]} */
  const probes = [];
  try {
    for (let i = 0; i < count; i++) {
      const probe = net.createServer();
      probes.push(probe);
      await new Promise((resolve, reject) => {
        probe.once("error", reject);
        probe.listen(0, host, () => resolve(undefined));
      });
    }
    return probes.map((probe) => /** @type {net.AddressInfo} */ (probe.address()).port);
  } finally {
    await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(() => resolve(undefined)))));
  }
}
