/**
 * The OpenAPI 3.1 document of the HTTP API: effect's document of the generated endpoints, with
 * each operation's request body described by the JSON Schema of its input schema in the
 * operations table (the pipeline decodes the body, so the HTTP layer takes any JSON).
 *
 * @since 0.2.0
 */
import { Casework } from "@pomoc/core"
import { Schema } from "effect"
import { OpenApi } from "effect/http-api"
import { api, type OperationName, operationNames, pathOf } from "./Api.js"

/**
 * A JSON object (an OpenAPI document or a JSON Schema).
 * @since 0.2.0
 * @category models
 */
export type Json = Record<string, unknown>

const warning = {
  type: "object",
  properties: {
    principle: { type: "string" },
    rule: { type: "string" },
    reason: { type: "string" },
    messageKey: { type: "string" }
  },
  required: ["principle", "rule", "reason", "messageKey"]
}

const rewriteRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (value === null || typeof value !== "object") return value
  const out: Json = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewriteRefs(v)
  }
  return out
}

/**
 * The JSON Schema of an operation's input (what its request body holds), with the definitions
 * it refers to; `undefined` for an input decoded by a function (its schema is the docs').
 * @since 0.2.0
 * @category models
 */
export const inputSchema = (name: OperationName): { readonly schema: Json; readonly definitions: Json } | undefined => {
  const input = (Casework.operations[name] as { readonly input: unknown }).input
  if (!Schema.isSchema(input)) return undefined
  const document = Schema.toJsonSchemaDocument(input)
  return { schema: rewriteRefs(document.schema) as Json, definitions: rewriteRefs(document.definitions) as Json }
}

/**
 * The OpenAPI 3.1 document of the HTTP API.
 * @since 0.2.0
 * @category constructors
 */
export const openApi = (): Json => {
  const spec = OpenApi.fromApi(api) as unknown as Json & {
    paths: Record<string, Record<string, Json>>
    components: Json & { schemas?: Json }
  }
  const schemas: Json = { ...spec.components.schemas }
  for (const name of operationNames) {
    const operation = spec.paths[pathOf(name)]?.["post"]
    if (operation === undefined) continue
    const described = inputSchema(name)
    const schema = described?.schema ?? { description: "See docs/casework.md for this operation's input." }
    if (described !== undefined) Object.assign(schemas, described.definitions)
    operation["requestBody"] = { required: true, content: { "application/json": { schema } } }
    // A write answers the stored entity (its input, completed) and the principles' warnings.
    const isWrite = (Casework.operations[name] as { readonly kind: string }).kind === "write"
    const ok = (operation["responses"] as Record<string, Json> | undefined)?.["200"]
    if (isWrite && ok !== undefined && described !== undefined) {
      ok["content"] = {
        "application/json": {
          schema: {
            type: "object",
            properties: { value: described.schema, warnings: { type: "array", items: warning } },
            required: ["value", "warnings"]
          }
        }
      }
    }
  }
  return { ...spec, components: { ...spec.components, schemas } }
}
