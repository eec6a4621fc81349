import { jsonText, setCacheHeaders } from "../platform/http/cached-read";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { readWorkstations, type Workstation } from "./reads";
import type { list } from "./workstations.routes";

export const listWorkstations: AppRouteHandler<typeof list> = async (c) => {
  const read = await readWorkstations(scopeOf(c));
  setCacheHeaders(c, read);
  return jsonText<{ items: Workstation[] }>(c, `{"items":${read.json}}`);
};
