/**
 * Validation against the official HSDS 3.0 JSON Schemas (shipped with this package), the way
 * upstream validates: JSON Schema 2020-12 with `additionalProperties: false` on every object,
 * formats (`uuid`, `email`, `uri`, `date-time`) asserted.
 *
 * @since 0.2.0
 */
import type { Problem } from "./Errors.js"
import { addFormats, Ajv2020, closed, type ErrorObject, type ValidateFunction } from "./internal/ajv.js"
import { datapackage, objectSchemas } from "./internal/schemas.js"

const resources =
  (datapackage as unknown as { readonly resources: ReadonlyArray<{ readonly name: string; readonly path: string }> })
    .resources

/**
 * The kinds of HSDS document this package reads, writes and validates: the API ("nested") forms
 * of an organisation (with its services), a service, a service at a location, a location, a
 * taxonomy and a taxonomy term; their paginated lists; and the tabular form (one array of flat
 * rows per table, keyed by table name).
 * @since 0.2.0
 * @category models
 */
export type DocumentKind =
  | "organization"
  | "service"
  | "service_at_location"
  | "location"
  | "taxonomy"
  | "taxonomy_term"
  | "organization_list"
  | "service_list"
  | "service_at_location_list"
  | "taxonomy_list"
  | "taxonomy_term_list"
  | "tabular"

const BASE = "https://pomoc.invalid/hsds/3.0/"

type Json = Record<string, unknown>

const withProperties = (schema: object, id: string, extra: Json, required: ReadonlyArray<string> = []): Json => {
  const s = schema as Json
  return {
    ...s,
    $id: BASE + id,
    properties: { ...(s["properties"] as Json), ...extra },
    required: [...((s["required"] as Array<string> | undefined) ?? []), ...required]
  }
}

const page = (id: string, item: string): Json => ({
  $id: BASE + id,
  type: "object",
  properties: {
    total_items: { type: "integer" },
    total_pages: { type: "integer" },
    page_number: { type: "integer" },
    size: { type: "integer" },
    first_page: { type: "boolean" },
    last_page: { type: "boolean" },
    empty: { type: "boolean" },
    contents: { type: "array", items: { $ref: `${item}.json` } }
  },
  required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]
})

/** The tables of the tabular form, in the order of `datapackage.json`. */
export const tables: ReadonlyArray<string> = [
  "organization",
  "program",
  "service",
  "attribute",
  "service_at_location",
  "location",
  "phone",
  "contact",
  "address",
  "schedule",
  "funding",
  "service_area",
  "required_document",
  "language",
  "accessibility",
  "taxonomy_term",
  "metadata",
  "meta_table_description",
  "cost_option",
  "organization_identifier",
  "taxonomy"
]

let compiled: ((kind: DocumentKind | `row:${string}`) => ValidateFunction) | undefined

const validator = (kind: DocumentKind | `row:${string}`): ValidateFunction => {
  if (compiled === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true })
    addFormats(ajv)
    for (const [name, schema] of Object.entries(objectSchemas)) {
      ajv.addSchema(closed({ ...schema, $id: `${BASE}${name}.json` }) as Json)
    }
    // The API forms: an organisation lists its services, a service at a location names its service.
    ajv.addSchema(closed(withProperties(objectSchemas["organization"]!, "organization_full.json", {
      services: { type: "array", items: { $ref: "service.json" } }
    })) as Json)
    ajv.addSchema(closed(withProperties(objectSchemas["service_at_location"]!, "service_at_location_full.json", {
      service: { $ref: "service.json" }
    })) as Json)
    for (const item of ["organization", "service", "service_at_location_full", "taxonomy", "taxonomy_term"]) {
      ajv.addSchema(page(`${item.replace("_full", "")}_list.json`, item))
    }
    // A tabular row: the object's own fields (nested arrays are separate tables), with the
    // foreign keys upstream marks `tabular_required`.
    for (const table of tables) {
      const s = objectSchemas[table] as Json
      ajv.addSchema(
        closed(
          withProperties(s, `${table}_row.json`, {}, (s["tabular_required"] as Array<string> | undefined) ?? [])
        ) as Json
      )
    }
    const ids: Record<string, string> = {
      organization: "organization_full.json",
      service_at_location: "service_at_location_full.json"
    }
    const cache = new Map<string, ValidateFunction>()
    compiled = (k) => {
      const id = k.startsWith("row:") ? `${k.slice(4)}_row.json` : ids[k] ?? `${k}.json`
      let v = cache.get(id)
      if (v === undefined) {
        v = ajv.getSchema(BASE + id)
        if (v === undefined) throw new Error(`no HSDS schema ${id}`)
        cache.set(id, v)
      }
      return v
    }
  }
  return compiled(kind)
}

const pathOf = (prefix: string, instancePath: string): string =>
  prefix +
  instancePath.split("/").slice(1).map((
    s
  ) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replaceAll("~1", "/").replaceAll("~0", "~")}`)).join("")

/** Ajv's messages name the rule (type, format, pattern, enum), never the value found. */
const problemOf = (prefix: string) => (e: ErrorObject): Problem =>
  e.keyword === "required"
    ? {
      path: pathOf(prefix, e.instancePath) + `.${String((e.params as { missingProperty: string }).missingProperty)}`,
      rule: "is required"
    }
    : e.keyword === "additionalProperties"
    ? { path: pathOf(prefix, e.instancePath), rule: "has a property HSDS 3.0 does not define" }
    : { path: pathOf(prefix, e.instancePath), rule: e.message ?? e.keyword }

/**
 * A tabular document keyed by file name (`organizations.csv`, as the official `tabular.json`
 * example is) keyed by table name (`organizations`) instead; any other value as it is.
 * @since 0.2.0
 * @category combinators
 */
export const byTableName = (document: unknown): unknown => {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return document
  if (!Object.keys(document).some((k) => k.endsWith(".csv"))) return document
  const tableOf = new Map(resources.map((r) => [r.path, r.name]))
  return Object.fromEntries(Object.entries(document).map(([k, v]) => [tableOf.get(k) ?? k, v]))
}

/**
 * Every way `document` breaks the HSDS 3.0 schema of its kind (empty when valid). Paths start at
 * `$`; a tabular document's rows are `$.<table>[<row>]` (tables keyed by table or file name).
 *
 * @example
 * ```ts
 * Schemas.validate("organization", { id: "not a uuid", name: "Klub" })
 * // [{ path: "$.description", rule: "is required" }, { path: "$.id", rule: "must match format \"uuid\"" }]
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const validate = (kind: DocumentKind, given: unknown): ReadonlyArray<Problem> => {
  if (kind !== "tabular") {
    const v = validator(kind)
    return v(given) ? [] : (v.errors ?? []).map(problemOf("$"))
  }
  const document = byTableName(given)
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    return [{ path: "$", rule: "must be an object of tables" }]
  }
  const problems: Array<Problem> = []
  for (const [table, rows] of Object.entries(document)) {
    if (!tables.includes(table)) {
      problems.push({ path: "$", rule: "has a table HSDS 3.0 does not define" })
      continue
    }
    if (!Array.isArray(rows)) {
      problems.push({ path: `$.${table}`, rule: "must be an array of rows" })
      continue
    }
    const v = validator(`row:${table}`)
    rows.forEach((row, i) => {
      if (!v(row)) problems.push(...(v.errors ?? []).map(problemOf(`$.${table}[${i}]`)))
    })
  }
  return problems
}
