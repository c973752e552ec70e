/**
 * The shape of a plugin as a Schema, for plugins written in JavaScript or built from data: the
 * required fields and their types (labels excepted: `missingLabels` checks those, in every
 * language). The registry decodes each plugin with every error collected and turns each issue
 * into a `MalformedPlugin` naming the field and what it expects; a plugin's values never appear.
 *
 * @internal
 */
import { Exit, Schema, type SchemaIssue } from "effect"
import { extensibleKinds } from "../../model/CustomFields.js"
import * as Errors from "../errors.js"

const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,40}$/

/** A schema that expects `expected` (the text of a `MalformedPlugin`), also when its key is missing. */
const expecting = <S extends Schema.Top>(expected: string, schema: S) =>
  schema.annotate({ message: expected }).annotateKey({ messageMissingKey: expected })

const optional = <S extends Schema.Top>(expected: string, schema: S) =>
  Schema.optional(expecting(`${expected} when present`, schema)).annotate({ message: `${expected} when present` })

const isFunction = (u: unknown): u is (...args: ReadonlyArray<never>) => unknown => typeof u === "function"
const isObject = (u: unknown): u is object => u !== null && typeof u === "object" && !Array.isArray(u)

const AnObject = Schema.declare(isObject)
const AFunction = expecting("a function", Schema.declare(isFunction))
const Strings = (expected: string) => Schema.Array(Schema.String).annotate({ message: expected })
const item = <F extends Schema.Struct.Fields>(fields: F) => Schema.Struct(fields).annotate({ message: "an object" })

const Scale = Schema.Union([
  Schema.Struct({ _tag: Schema.Literal("YesNo") }),
  Schema.Struct({ _tag: Schema.Literal("Ladder"), min: Schema.Int, max: Schema.Int }),
  Schema.Struct({ _tag: Schema.Literal("Category"), categories: Schema.Array(Schema.String) })
])

const RuleShape = item({
  id: expecting("a string", Schema.String),
  principle: expecting("a principle", Schema.Struct({ id: Schema.String })),
  appliesTo: expecting(
    "\"*\" or an array of command tags",
    Schema.Union([Schema.Literal("*"), Schema.Array(Schema.String)])
  ),
  except: expecting("an array of command tags", Strings("an array of command tags")),
  reads: expecting("an array of fact paths", Strings("an array of fact paths")),
  verdicts: expecting("an array of verdict tags", Strings("an array of verdict tags")),
  verdict: expecting("a verdict builder (define rules with defineRule)", AnObject),
  check: AFunction
})

const Operation = expecting(
  "an operation (PluginOperation.write)",
  Schema.Struct({
    tag: expecting("a string", Schema.String),
    kind: expecting("\"write\" or \"read\"", Schema.Literals(["write", "read"])),
    input: expecting("a schema", Schema.declare((u): u is unknown => u !== undefined)),
    subject: expecting("a subject (Operation.newIn, Operation.existing, …)", AnObject),
    decide: Schema.optional(AFunction),
    answer: Schema.optional(AFunction)
  })
).check(
  Schema.makeFilter((op) => {
    const run = op.kind === "read" ? "answer" : "decide"
    return op[run] === undefined ? { path: [run], issue: "a function" } : undefined
  })
)

const FieldDeclaration = Schema.declare((u): u is object =>
  isObject(u) && Schema.isSchema((u as Record<string, unknown>)["schema"]) &&
  typeof (u as Record<string, unknown>)["personal"] === "boolean" &&
  typeof (u as Record<string, unknown>)["facet"] === "boolean"
).annotate({
  message: "a field declaration saying its schema, personal and facet (PluginField.reportable or PluginField.personal)"
})

/**
 * Custom fields: decoded on their own, with excess keys refused (a record kind plugins may not
 * extend, a field name that is not camelCase).
 */
const Fields = Schema.Struct(
  Object.fromEntries(
    extensibleKinds.map((kind) => [
      kind,
      optional(
        "an object of field declarations",
        Schema.Record(Schema.String.check(Schema.isPattern(FIELD_NAME)), FieldDeclaration).annotate({
          messageUnexpectedKey: "a field name of letters and digits (camelCase)"
        })
      )
    ])
  )
).annotate({
  message: "an object when present",
  messageUnexpectedKey: `a record kind plugins may extend (${extensibleKinds.join(", ")})`
})

const Taxonomy = AnObject

/**
 * The shape of a plugin (without `fields`, which {@link Fields} checks).
 *
 * @internal
 */
export const PluginShape = Schema.Struct({
  id: expecting("a string", Schema.String),
  version: expecting("a string", Schema.String),
  requires: expecting(
    "an object",
    Schema.Struct({ core: expecting("a version range string", Schema.String) })
  ),
  dependencies: optional("an object", AnObject),
  labels: expecting("an object", AnObject),
  taxonomies: expecting(
    "an object",
    Schema.Struct({
      interventions: expecting("an object", Taxonomy),
      channels: expecting("an object", Taxonomy),
      firstContactChannels: expecting("an object", Taxonomy),
      locationKinds: optional("an object", Taxonomy),
      needs: optional("an object", Taxonomy),
      activityTopics: optional("an object", Taxonomy)
    })
  ),
  targetGroup: expecting("an object", AnObject),
  config: optional("an object", AnObject),
  messages: optional("an object", AnObject),
  principles: expecting("an array", Schema.Array(expecting("a principle id", Schema.String))),
  indicators: expecting(
    "an array",
    Schema.Array(item({
      code: expecting("a code", Schema.String),
      scale: expecting("a YesNo, Ladder or Category scale", Scale)
    }))
  ),
  goals: expecting(
    "an array",
    Schema.Array(item({
      code: expecting("a code", Schema.String),
      indicators: expecting("an array of indicator codes", Strings("an array of indicator codes"))
    }))
  ),
  reports: expecting("an array", Schema.Array(item({ id: expecting("a string", Schema.String) }))),
  extraPrinciples: optional("an array", Schema.Array(item({ id: expecting("a string", Schema.String) }))),
  rules: optional("an array", Schema.Array(RuleShape)),
  removes: optional("an array", Schema.Array(expecting("a rule id", Schema.String))),
  eligibility: optional("an array", Schema.Array(RuleShape)),
  derivations: optional(
    "an array",
    Schema.Array(item({
      id: expecting("a string", Schema.String),
      indicator: expecting("an indicator code", Schema.String),
      derive: AFunction
    }))
  ),
  languages: optional("an array", Schema.Array(expecting("a BCP 47 language tag", Schema.String))),
  operations: optional("an object", Schema.Record(Schema.String, Operation))
})

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((key) => typeof key === "number" ? `[${key}]` : `.${String(key)}`).join("").replace(/^\./, "")

const messageOf = (annotations: { readonly [key: string]: unknown } | undefined, key = "message") => {
  const text = annotations?.[key]
  return typeof text === "string" ? text : undefined
}

/** A place and what it expects. */
interface Problem {
  readonly path: ReadonlyArray<PropertyKey>
  readonly expected: string
}

/**
 * The problems of one issue: each leaf at its path with its own text, or else at the nearest
 * enclosing part that says what it expects (a scale, an operation), once.
 */
const problemsOf = (issue: SchemaIssue.Issue): ReadonlyArray<Problem> => {
  const problems: Array<Problem> = []
  const add = (problem: Problem) => {
    const key = pathText(problem.path)
    if (!problems.some((p) => pathText(p.path) === key)) problems.push(problem)
  }
  const walk = (issue: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>, owner: Problem | undefined): void => {
    switch (issue._tag) {
      case "Pointer":
        return walk(issue.issue, [...path, ...issue.path], owner)
      case "Encoding":
        return walk(issue.issue, path, owner)
      case "Composite": {
        const own = messageOf(issue.ast.annotations)
        const next = own === undefined ? owner : { path, expected: own }
        return issue.issues.forEach((inner) => walk(inner, path, next))
      }
      case "AnyOf": {
        // No member fits: the union's own text (a scale, an optional field's type), else the
        // enclosing part's; a member that fits in part says where it does not.
        const own = messageOf(issue.ast.annotations)
        const next = own === undefined ? owner : { path, expected: own }
        if (issue.issues.length > 0) return issue.issues.forEach((inner) => walk(inner, path, next))
        return add(next ?? { path, expected: "a valid value" })
      }
      case "Filter": {
        const own = messageOf(issue.filter.annotations)
        if (own !== undefined) return add({ path, expected: own })
        return walk(issue.issue, path, owner)
      }
      case "MissingKey":
      case "UnexpectedKey": {
        const own = messageOf(
          issue._tag === "MissingKey" ? issue.annotations : issue.ast.annotations,
          issue._tag === "MissingKey" ? "messageMissingKey" : "messageUnexpectedKey"
        )
        return add(own !== undefined ? { path, expected: own } : owner ?? { path, expected: "a known field" })
      }
      default: {
        const own = messageOf("ast" in issue ? issue.ast.annotations : issue.annotations)
        return add(own !== undefined ? { path, expected: own } : owner ?? { path, expected: "a valid value" })
      }
    }
  }
  walk(issue, [], undefined)
  return problems
}

const decodeShape = Schema.decodeUnknownExit(PluginShape)
const decodeFields = Schema.decodeUnknownExit(Fields)

const issuesOf = (exit: Exit.Exit<unknown, Schema.SchemaError>): ReadonlyArray<SchemaIssue.Issue> =>
  Exit.isSuccess(exit)
    ? []
    : exit.cause.reasons.flatMap((reason) => reason._tag === "Fail" ? [reason.error.issue] : [])

/**
 * The required fields a plugin lacks, or has with the wrong type (labels excepted: those are
 * `missingLabels`), as the plugin Schema finds them with all errors collected. A missing object
 * names each field it requires too, so the author sees everything to write at once.
 */
export const malformedParts = (plugin: unknown): ReadonlyArray<Errors.MalformedPlugin> => {
  if (!isObject(plugin)) return [new Errors.MalformedPlugin({ plugin: "?", field: "(plugin)", expected: "an object" })]
  const record = plugin as Record<string, unknown>
  const id = typeof record["id"] === "string" ? record["id"] : "?"
  let issues: ReadonlyArray<readonly [ReadonlyArray<PropertyKey>, SchemaIssue.Issue]>
  try {
    issues = [
      ...issuesOf(decodeShape(plugin, { errors: "all" })).map((i) => [[], i] as const),
      ...(record["fields"] === undefined
        ? []
        : issuesOf(decodeFields(record["fields"], { errors: "all", onExcessProperty: "error" })).map((i) =>
          [["fields"], i] as const
        ))
    ]
  } catch {
    // A getter that throws: the plugin cannot be read, which is a malformed plugin too.
    return [new Errors.MalformedPlugin({ plugin: id, field: "(plugin)", expected: "an object that can be read" })]
  }
  return issues.flatMap(([prefix, issue]) =>
    problemsOf(issue).flatMap((problem) => {
      const path = [...prefix, ...problem.path]
      return [
        new Errors.MalformedPlugin({ plugin: id, field: pathText(path) || "(plugin)", expected: problem.expected }),
        ...requiredWithin(path).map(({ expected, field }) =>
          new Errors.MalformedPlugin({ plugin: id, field, expected })
        )
      ]
    })
  )
}

/** The required object fields of a missing object of the plugin (the taxonomies a plugin must define). */
const requiredWithin = (
  path: ReadonlyArray<PropertyKey>
): ReadonlyArray<{ readonly field: string; readonly expected: string }> => {
  const name = path[0]
  if (path.length !== 1 || typeof name !== "string" || !Object.hasOwn(PluginShape.fields, name)) return []
  const ast = PluginShape.fields[name as keyof typeof PluginShape.fields].ast
  if (ast._tag !== "Objects") return []
  return ast.propertySignatures
    .filter((ps) => ps.type.context?.isOptional !== true)
    .map((ps) => ({
      field: `${name}.${String(ps.name)}`,
      expected: messageOf(ps.type.context?.annotations, "messageMissingKey") ?? "a value"
    }))
}
