// Binding a statement's positional and named Hrana arguments to its SQL parameters.
import { ProtocolError, StatementError } from "./errors.mjs";
import { asObject } from "./shapes.mjs";
import { valueFromHrana } from "./values.mjs";

/**
 * The values to bind, one per parameter slot (unbound slots are null).
 * @param {import("./sql-text.mjs").SqlStatement} statement
 * @param {unknown[]} args
 * @param {unknown[]} namedArgs
 * @returns {import("./values.mjs").SqlValue[]}
 */
export function bindArguments(statement, args, namedArgs) {
  if (args.length > 0 && namedArgs.length > 0) {
    throw new StatementError(
      "Specifying both positional and named arguments is not supported",
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
    );
  }
  const { params } = statement;
  if (args.length > params.length) {
    throw new StatementError(
      `Arguments do not match SQL parameters: the statement has ${params.length} parameters, got ${args.length} arguments`,
      "ARGS_INVALID",
    );
  }
  const bindings = params.map((_, index) => (index < args.length ? valueFromHrana(args[index]) : null));
  for (const rawArg of namedArgs) {
    const { name, value } = asObject(rawArg, "named argument");
    if (typeof name !== "string") throw new ProtocolError("A named argument needs a string name");
    // A name without its prefix matches the parameter with any prefix (":a", "@a", "$a").
    const candidates = /^[:@$]/.test(name) ? [name] : [`:${name}`, `@${name}`, `$${name}`];
    const indexes = params.flatMap((param, index) => (param !== null && candidates.includes(param) ? [index] : []));
    if (indexes.length === 0) {
      throw new StatementError(`Arguments do not match SQL parameters: no parameter named ${name}`, "ARGS_INVALID");
    }
    for (const index of indexes) bindings[index] = valueFromHrana(value);
  }
  return bindings;
}
