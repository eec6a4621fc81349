import { engineAlias } from "../engines/alias.routes";
import { openapiWithRememberedQuery } from "../platform/http/remembered-query";
import { createRouter } from "../platform/http/router";
import { listJobStreams, showJobStream } from "./jobstreams.handlers";
import { list, show } from "./jobstreams.routes";

export const jobStreamRoutes = createRouter();
openapiWithRememberedQuery(jobStreamRoutes, list, listJobStreams);
jobStreamRoutes.openapi(show, showJobStream);
openapiWithRememberedQuery(jobStreamRoutes, engineAlias(list), listJobStreams as never);
jobStreamRoutes.openapi(engineAlias(show), showJobStream as never);
