import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";

const compatibility = { compatibilityDate: "2026-04-20", compatibilityFlags: ["nodejs_compat"] };

export default defineConfig({
  test: {
    projects: [
      {
        // The local libSQL server, driven only through @libsql/client from inside workerd.
        plugins: [cloudflareTest({ miniflare: compatibility })],
        test: {
          name: "libsql-server",
          include: ["test/dev/**/*.test.ts"],
          globalSetup: ["test/helpers/libsql-server-setup.ts"],
        },
      },
    ],
  },
});
