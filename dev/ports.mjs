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
