// Holds the simulator to HWA's own contract: every response it sends is checked against the response that
// WA_API3_v2.json declares for that path, method and status (OpenAPI 3.1 = JSON Schema 2020-12, with ajv).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** Where the document is unless HWA_OPENAPI says otherwise: a copy of shared/hwa/WA_API3_v2.json, so a clone is self-contained. */
export const defaultDocumentPath = fileURLToPath(new URL("./contract/WA_API3_v2.json", import.meta.url));
const baseId = "https://hwa-simulator.local/WA_API3_v2.json";

/**
 * DependencyInPlanV2 is `oneOf` eight dependency schemas that each require only `dependencyType` and allow any
 * other property, with no discriminator: any real dependency matches several branches, so `oneOf` (exactly one)
 * rejects every dependency HWA could send. The engine (Jackson) picks the branch by `dependencyType`; so does
 * this repair: each dependency must match the one schema its type names, as strictly as the document says.
 */
const dependencyBranches = {
  INTERNAL: "InternalDependencyInPlanV2",
  EXTERNAL_JOB: "ExternalJobDependencyInPlanV2",
  EXTERNAL_JOBSTREAM: "ExternalJobStreamDependencyInPlanV2",
  JOIN: "JoinDependencyInPlanV2",
  FILE: "FileDependencyInPlanV2",
  INTERNETWORK: "InternetworkDependencyInPlanV2",
  RESOURCE: "ResourceDependencyInPlanV2",
  PROMPT: "PromptDependencyInPlanV2",
};

/** The repairs made to the document, reported beside the violations. */
export const documentRepairs = [
  "DependencyInPlanV2: `oneOf` of 8 overlapping branches without a discriminator replaced by a choice on `dependencyType` (each dependency must match the branch its type names)",
  "format `local-time` (not a JSON Schema format) registered as HH:mm[:ss[.fff]]",
];

/**
 * @typedef {{ check(method: string, pattern: string, status: number, contentType: string | undefined, body: unknown): string[] }} Contract
 *   check: the ways a response breaks the contract (empty when it keeps it).
 */

/**
 * @param {{ documentPath?: string }} [options]
 * @returns {Contract}
 */
export function loadContract({ documentPath = process.env.HWA_OPENAPI || defaultDocumentPath } = {}) {
  if (!existsSync(documentPath)) {
    throw new Error(`contract check needs the HWA OpenAPI document; none at ${documentPath} (set HWA_OPENAPI)`);
  }
  const document = JSON.parse(readFileSync(documentPath, "utf8"));
  const schemas = structuredClone(document.components.schemas);
  repairDependencyInPlan(schemas);

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("local-time", /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/);
  ajv.addSchema({ $id: baseId, components: { schemas } });

  /** @type {Map<string, import("ajv").ValidateFunction>} */
  const validators = new Map();
  /** @param {string} ref */
  const validatorFor = (ref) => {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile(ref.startsWith("#/") ? { $ref: `${baseId}${ref}` } : { $ref: ref });
      validators.set(ref, validate);
    }
    return validate;
  };

  return {
    check(method, pattern, status, contentType, body) {
      const operation = document.paths[pattern]?.[method.toLowerCase()];
      if (!operation) return [`the document has no operation ${method} ${pattern}`];
      const response = operation.responses?.[String(status)] ?? operation.responses?.default;
      if (!response) return status >= 400 ? [] : [`status ${status} is not declared for ${method} ${pattern}`];
      const content = response.content ?? {};
      const declared = Object.keys(content);
      // HWA declares no body for its errors: nothing to hold an error body to.
      if (declared.length === 0) return [];
      const mediaType = declared.find((candidate) => sameMediaType(candidate, contentType));
      if (!mediaType)
        return [`content type ${contentType ?? "(none)"} is not declared (declared: ${declared.join(", ")})`];
      const schema = content[mediaType].schema;
      if (!schema || !mediaType.includes("json")) return [];
      const validate = schema.$ref ? validatorFor(schema.$ref) : ajv.compile(schema);
      if (validate(body)) return [];
      return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is not valid"}`);
    },
  };
}

/** @param {Record<string, any>} schemas */
function repairDependencyInPlan(schemas) {
  const dependency = schemas.DependencyInPlanV2;
  if (!Array.isArray(dependency?.oneOf)) return;
  delete dependency.oneOf;
  dependency.allOf = Object.entries(dependencyBranches).map(([type, branch]) => ({
    if: { properties: { dependencyType: { const: type } }, required: ["dependencyType"] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords, not a thenable
    then: { $ref: `#/components/schemas/${branch}` },
  }));
}

/** `text/plain; charset=utf-8` and `text/plain;charset=UTF-8` are the same media type. */
/** @param {string} declared @param {string | undefined} actual */
function sameMediaType(declared, actual) {
  if (!actual) return false;
  const essence = (/** @type {string} */ text) => text.split(";")[0]?.trim().toLowerCase();
  return essence(declared) === essence(actual);
}
