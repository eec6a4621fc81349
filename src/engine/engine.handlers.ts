import { jsonText, setCacheHeaders } from "../platform/http/cached-read";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import type { EngineFacts } from "./reads";
import type { engine } from "./engine.routes";
import { readEngine } from "./reads";

export const engineInfo: AppRouteHandler<typeof engine> = async (c) => {
  const read = await readEngine(scopeOf(c));
  setCacheHeaders(c, read);
  return jsonText<EngineFacts>(c, read.json);
};
