/**
 * Each operation's input, described field by field from its input schema in the operations table
 * (through the JSON Schema the HTTP API's OpenAPI document uses), for the generated operations
 * section of docs/casework.md: a field added to a schema shows up in the docs by itself.
 */
import { Casework } from "@pomoc/core"
import { OpenApiDocument } from "@pomoc/server"

type Json = Readonly<Record<string, unknown>>

const short = (ref: string): string =>
  decodeURIComponent(ref.split("/").pop()!.replaceAll("~1", "/")).replace(/^@pomoc\/core\//, "").replace(/Encoded$/, "")

const resolve = (schema: Json, definitions: Json): Json => {
  const ref = schema["$ref"]
  if (typeof ref !== "string") return schema
  return resolve(definitions[decodeURIComponent(ref.split("/").pop()!.replaceAll("~1", "/"))] as Json, definitions)
}

/** A field's type in a few words. */
/** The named objects a description refers to, explained after it (`Goal`: { … }). */
let named = new Map<string, string>()

const typeOf = (schema: Json, definitions: Json): string => {
  if (typeof schema["$ref"] === "string") {
    const target = resolve(schema, definitions)
    if (target["type"] !== "object" && target["anyOf"] === undefined) return typeOf(target, definitions)
    const name = short(schema["$ref"])
    if (!named.has(name)) {
      named.set(name, "")
      named.set(
        name,
        target["type"] === "object" ? inline(target, definitions) : typeOf({ anyOf: target["anyOf"] }, definitions)
      )
    }
    return name
  }
  const values = schema["enum"] as ReadonlyArray<unknown> | undefined
  if (values !== undefined) return values.map((v) => JSON.stringify(v)).join(" \\| ")
  const anyOf = schema["anyOf"] as ReadonlyArray<Json> | undefined
  if (anyOf !== undefined) return anyOf.map((s) => typeOf(s, definitions)).join(" or ")
  if (schema["type"] === "array") return `array of ${typeOf((schema["items"] ?? {}) as Json, definitions)}`
  if (schema["type"] === "integer") return "integer"
  if (schema["type"] === "string") return "string"
  if (schema["type"] === "number") return "number"
  if (schema["type"] === "boolean") return "boolean"
  if (schema["type"] === "null") return "nothing"
  if (schema["type"] === "object") return inline(schema, definitions)
  return "any JSON"
}

/** An inline object as its keys: `{ _tag: "Consent", consentId }`, `{ kind, name, id? }`. */
const inline = (object: Json, definitions: Json): string => {
  const properties = (object["properties"] ?? {}) as Readonly<Record<string, Json>>
  const required = new Set((object["required"] ?? []) as ReadonlyArray<string>)
  const keys = Object.entries(properties).map(([key, schema]) => {
    const tag = key === "_tag" ? (schema["enum"] as ReadonlyArray<string> | undefined)?.[0] : undefined
    if (tag !== undefined) return `_tag: "${tag}"`
    // Name the objects nested fields refer to, so they are explained too.
    if (typeof schema["$ref"] === "string" || schema["type"] === "array") typeOf(schema, definitions)
    return `${key}${required.has(key) ? "" : "?"}`
  })
  return keys.length === 0 ? "object" : `{ ${keys.join(", ")} }`
}

const fields = (object: Json, definitions: Json, optional: ReadonlySet<string>): string => {
  const properties = (object["properties"] ?? {}) as Readonly<Record<string, Json>>
  const required = new Set((object["required"] ?? []) as ReadonlyArray<string>)
  return Object.entries(properties)
    .map(([name, schema]) =>
      `\`${name}${required.has(name) && !optional.has(name) ? "" : "?"}\` (${typeOf(schema, definitions)})`
    )
    .join(", ")
}

/**
 * The input of an operation in one line: its fields (`name?` when it may be left out: optional,
 * an id the API makes, or an attribution the API takes from the actor), or the variants of a union.
 */
export const describeInput = (name: keyof Casework.Operations): string => {
  named = new Map()
  const text = describe(name)
  const refs = [...named].filter(([, shape]) => shape !== "").map(([n, shape]) => `\`${n}\`: ${shape}`)
  return refs.length === 0 ? text : `${text}; where ${refs.join("; ")}`
}

const describe = (name: keyof Casework.Operations): string => {
  const op = Casework.operations[name] as {
    readonly newId?: boolean
    readonly attribution?: ReadonlyArray<{ readonly path: ReadonlyArray<string | number> }>
  }
  const described = OpenApiDocument.inputSchema(name)
  if (described === undefined) return "decoded by its own decoder: see the example"
  const optional = new Set<string>([
    ...(op.newId === true ? ["id"] : []),
    ...(op.attribution ?? []).filter((a) => a.path.length === 1).map((a) => String(a.path[0]))
  ])
  const schema = resolve(described.schema, described.definitions)
  const variants = schema["anyOf"] as ReadonlyArray<Json> | undefined
  if (variants !== undefined) {
    return "one of: " + variants.map((variant) => {
      const object = resolve(variant, described.definitions)
      if (object["type"] !== "object") return typeOf(variant, described.definitions)
      const tag = ((object["properties"] as Record<string, Json> | undefined)?.["_tag"]?.["enum"] as
        | ReadonlyArray<string>
        | undefined)?.[0]
      return `${tag === undefined ? "" : `\`${tag}\`: `}${
        fields(object, described.definitions, optional) || "no fields"
      }`
    }).join("; or ")
  }
  if (schema["type"] === "object") return fields(schema, described.definitions, optional)
  return typeOf(schema, described.definitions)
}
