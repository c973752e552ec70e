/**
 * Decoding unknown input into the model. Decoding never throws: it yields the value or an
 * {@link InvalidInput} error that names every offending path and the rule it broke. Errors never
 * carry the input values themselves, so personal data cannot leak through them.
 *
 * @since 0.1.0
 */
import { Effect, Exit, Result, Schema, SchemaIssue } from "effect"

/**
 * One problem found in the input: where (a JSON-pointer-like path) and which rule it broke.
 * @since 0.1.0
 * @category models
 */
export const Problem = Schema.Struct({ path: Schema.String, rule: Schema.String })
/**
 * @since 0.1.0
 * @category models
 */
export type Problem = typeof Problem.Type

/**
 * Input that does not decode into the expected entity. `problems` lists every path and rule.
 * @since 0.1.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>("@pomoc/core/InvalidInput")("InvalidInput", {
  entity: Schema.String,
  problems: Schema.Array(Problem)
}) {
  override get message(): string {
    return `Invalid ${this.entity}: ` + this.problems.map((p) => `${p.path || "(root)"}: ${p.rule}`).join("; ")
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const pathToString = (path: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>): string =>
  path.map((segment) => {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment
    return typeof key === "number" ? `[${key}]` : `.${String(key)}`
  }).join("").replace(/^\./, "")

/**
 * Turns a schema issue into the list of problems (paths and rules, never values).
 * @since 0.1.0
 * @category combinators
 */
export const problemsOf = (issue: SchemaIssue.Issue): Array<Problem> =>
  formatter(issue).issues.map((i) => {
    const path = i.path ?? []
    // The name of an unexpected key is input too (it could be a name): report its place, not it.
    if (i.message === "Expected no excess property" && path.length > 0) {
      return { path: pathToString([...path.slice(0, -1), "<unexpected key>"]), rule: "is not a known field" }
    }
    return { path: pathToString(path), rule: i.message }
  })

const options = { errors: "all", onExcessProperty: "error" } as const

/**
 * Builds a decoder for a schema: unknown input in, the entity or an {@link InvalidInput} out.
 *
 * @example
 * ```ts
 * import { Decode, Contact } from "@pomoc/core"
 * const decodeContact = Decode.decoder(Contact)
 * const result = decodeContact({ nonsense: true }) // Result.fail(InvalidInput)
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const decoder = <S extends Schema.Top & { readonly DecodingServices: never }>(schema: S, entity?: string) => {
  const decode = Schema.decodeUnknownExit(schema as never)
  const name = entity ?? schema.ast.annotations?.identifier?.toString().replace(/^@pomoc\/core\//, "") ?? "input"
  return (input: unknown): Result.Result<S["Type"], InvalidInput> => {
    let exit: Exit.Exit<S["Type"], Schema.SchemaError>
    try {
      exit = decode(input, options)
    } catch {
      // A getter that throws, a revoked proxy: hostile input is still only a typed error.
      return Result.fail(new InvalidInput({ entity: name, problems: [{ path: "", rule: "input could not be read" }] }))
    }
    if (Exit.isSuccess(exit)) return Result.succeed(exit.value)
    const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
    const issue = failure !== undefined && failure._tag === "Fail" ? failure.error.issue : undefined
    return Result.fail(
      new InvalidInput({
        entity: name,
        problems: issue ? problemsOf(issue) : [{ path: "", rule: "input could not be decoded" }]
      })
    )
  }
}

/**
 * Decodes unknown input as an Effect that fails with {@link InvalidInput}.
 * @since 0.1.0
 * @category combinators
 */
export const decodeEffect = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  entity?: string
) => {
  const run = decoder(schema, entity)
  return (input: unknown): Effect.Effect<S["Type"], InvalidInput> => Effect.fromResult(run(input))
}
