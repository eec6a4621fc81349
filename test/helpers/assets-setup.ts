// vitest globalSetup (runs in Node): the static assets of wrangler.toml's [assets], built from node_modules before
// the Worker's pool starts — it reads wrangler.toml then and needs the directory (and web/public/_headers) to exist.
import { buildAssets } from "../../web/build.mjs";

export default async function setup() {
  await buildAssets();
}
