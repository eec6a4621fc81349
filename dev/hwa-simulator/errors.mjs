// The engine's error body, `{ exceptionName, messages: ["AWSJ...E ..."] }`, as HWA sends it (and HCL's samples read it).

export class EngineError extends Error {
  /**
   * @param {number} status HTTP status
   * @param {string} exceptionName the engine's Java exception class
   * @param {string} message the message, starting with its AWSJ code
   */
  constructor(status, exceptionName, message) {
    super(message);
    this.name = "EngineError";
    this.status = status;
    this.exceptionName = exceptionName;
  }

  get body() {
    return { exceptionName: this.exceptionName, messages: [this.message] };
  }
}

const exceptions = "com.hcl.wa.ws.rest.exceptions";

/** @param {string} what e.g. "job" @param {string} id */
export function notFound(what, id) {
  return new EngineError(
    404,
    `${exceptions}.ObjectNotFoundException`,
    `AWSJPL506E No ${what} with the provided ID "${id}" was found in the plan.`,
  );
}

/** @param {string} message */
export function invalidParameter(message) {
  return new EngineError(400, `${exceptions}.InvalidParameterException`, `AWSJPL713E ${message}`);
}

/** @param {string} query @param {string} reason */
export function oqlSyntaxError(query, reason) {
  return new EngineError(
    400,
    `${exceptions}.OQLParserException`,
    `AWSJQL001E OQL_FILTER_SYNTAX_ERROR The OQL filter "${query}" is not valid: ${reason}`,
  );
}

/** An action the job's state does not allow, e.g. confirming a running job. @param {string} message */
export function actionNotAllowed(message) {
  return new EngineError(400, `${exceptions}.ActionNotAllowedException`, `AWSJPL725E ${message}`);
}

export function notAuthorized() {
  return new EngineError(
    401,
    `${exceptions}.NotAuthorizedException`,
    "AWSJSE001E The user is not authorized: the credentials are missing or not valid.",
  );
}

/** @param {string | undefined} contentType */
export function unsupportedMediaType(contentType) {
  return new EngineError(
    415,
    `${exceptions}.UnsupportedMediaTypeException`,
    `AWSJRS415E The content type "${contentType ?? ""}" is not supported: send application/json.`,
  );
}

/** @param {string} method @param {string} path */
export function noSuchResource(method, path) {
  return new EngineError(
    404,
    `${exceptions}.ResourceNotFoundException`,
    `AWSJRS404E No resource answers ${method} ${path}.`,
  );
}

/** What fault injection answers with: the status is the test's choice, the body is the engine's shape. */
/** @param {number} status */
export function injectedFailure(status) {
  const reason =
    status === 429
      ? "Too many requests: retry later."
      : status === 503
        ? "The engine is not available."
        : "An internal error occurred in the engine.";
  return new EngineError(status, `${exceptions}.EngineException`, `AWSJCO999E ${reason}`);
}
