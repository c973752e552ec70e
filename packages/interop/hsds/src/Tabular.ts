/**
 * The tabular form of HSDS 3.0: one table of flat rows per object type, children pointing at
 * their parents (`service.organization_id`, `schedule.location_id`, `attribute.link_id` …), and
 * its serialisation as a Frictionless tabular data package (CSV files and `datapackage.json`).
 *
 * @since 0.2.0
 */
import type { Json } from "./Export.js"
import * as Csv from "./internal/csv.js"
import { datapackage } from "./internal/schemas.js"

/**
 * Tables of flat rows, keyed by HSDS table name (`organization`, `service`, `schedule`, …).
 * @since 0.2.0
 * @category models
 */
export type Tables = { readonly [table: string]: ReadonlyArray<Json> }

// Nested arrays and objects of the API form, by the table they belong to.
const arrays: Readonly<Record<string, string>> = {
  services: "service",
  locations: "location",
  programs: "program",
  funding: "funding",
  phones: "phone",
  contacts: "contact",
  organization_identifiers: "organization_identifier",
  schedules: "schedule",
  service_areas: "service_area",
  service_at_locations: "service_at_location",
  languages: "language",
  cost_options: "cost_option",
  required_documents: "required_document",
  addresses: "address",
  accessibility: "accessibility",
  attributes: "attribute",
  metadata: "metadata"
}
const objects: Readonly<Record<string, string>> = {
  organization: "organization",
  program: "program",
  location: "location",
  service: "service",
  taxonomy_term: "taxonomy_term",
  taxonomy_detail: "taxonomy"
}

const origins = new WeakMap<object, string>()

/**
 * Where a nested object assembled by {@link fromTables} came from (`$.<table>[<row>]`).
 * @since 0.2.0
 * @category combinators
 */
export const originOf = (value: object): string | undefined => origins.get(value)

/**
 * Flattens API-form documents of one kind (`organization`, `service`, `service_at_location`,
 * `location`) into tables. Rows keep their order of first appearance; an object met twice (a
 * location listed by the organisation and by a service) becomes one row.
 * @since 0.2.0
 * @category combinators
 */
export const toTables = (kind: string, documents: ReadonlyArray<Json>): Record<string, Array<Json>> => {
  const out: Record<string, Array<Json>> = {}
  const seen = new Map<string, Set<unknown>>()
  const visit = (table: string, value: Json, parent?: { table: string; id: unknown }, linkKey?: string): void => {
    const row: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) {
      if (Array.isArray(v) && arrays[key] !== undefined) continue
      if (v !== null && typeof v === "object" && !Array.isArray(v) && objects[key] !== undefined) continue
      row[key] = v
    }
    if (parent !== undefined && linkKey !== "up") {
      if (table === "attribute") {
        row["link_id"] ??= parent.id
        row["link_entity"] ??= parent.table
      } else row[`${parent.table}_id`] ??= parent.id
    }
    const ids = seen.get(table) ?? new Set()
    seen.set(table, ids)
    if (!ids.has(row["id"])) {
      ids.add(row["id"])
      ;(out[table] ??= []).push(row)
    }
    for (const [key, v] of Object.entries(value)) {
      if (Array.isArray(v) && arrays[key] !== undefined) {
        for (const child of v) {
          if (child !== null && typeof child === "object") {
            visit(arrays[key], child as Json, { table, id: value["id"] })
          }
        }
      } else if (v !== null && typeof v === "object" && !Array.isArray(v) && objects[key] !== undefined) {
        const child = v as Json
        const childTable = objects[key]
        // A nested single object is referenced by id from this row (service.organization → organization_id).
        if (childTable === "taxonomy_term") row["taxonomy_term_id"] ??= child["id"]
        else if (childTable === "taxonomy") row["taxonomy_id"] ??= child["id"]
        else row[`${childTable}_id`] ??= child["id"]
        visit(childTable, child, undefined, "up")
      }
    }
  }
  for (const d of documents) visit(kind, d)
  return out
}

const groupBy = (rows: ReadonlyArray<Json> | undefined, key: string): Map<unknown, Array<Json>> => {
  const m = new Map<unknown, Array<Json>>()
  for (const r of rows ?? []) if (r[key] !== undefined) m.set(r[key], [...(m.get(r[key]) ?? []), r])
  return m
}

/**
 * Assembles API-form organisations (with services, locations, programmes) from tables. Each
 * assembled object remembers its row (see {@link originOf}). Services and locations whose
 * organisation is not in the tables are returned apart.
 * @since 0.2.0
 * @category combinators
 */
export const fromTables = (tables: Tables): {
  readonly organizations: ReadonlyArray<Json>
  readonly services: ReadonlyArray<Json>
  readonly locations: ReadonlyArray<Json>
} => {
  const byParent = (table: string, parent: string) => groupBy(tables[table], `${parent}_id`)
  const terms = new Map<unknown, Json>((tables["taxonomy_term"] ?? []).map((t) => [t["id"], t]))
  const attributesOf = groupBy(tables["attribute"], "link_id")
  const assemble = (table: string, i: number, row: Json, children: Record<string, Map<unknown, Array<Json>>>): Json => {
    const out: Record<string, unknown> = { ...row }
    const attrs = attributesOf.get(row["id"])
    if (attrs !== undefined) {
      out["attributes"] = attrs.map((a) => {
        const term = terms.get(a["taxonomy_term_id"])
        const assembled = term === undefined ? { ...a } : { ...a, taxonomy_term: term }
        origins.set(assembled, `$.attribute[${(tables["attribute"] ?? []).indexOf(a)}]`)
        return assembled
      })
    }
    for (const [key, group] of Object.entries(children)) {
      const list = group.get(row["id"])
      if (list !== undefined) {
        const childTable = arrays[key]!
        out[key] = list.map((c) => {
          const copy = { ...c }
          origins.set(copy, `$.${childTable}[${(tables[childTable] ?? []).indexOf(c)}]`)
          return copy
        })
      }
    }
    origins.set(out, `$.${table}[${i}]`)
    return out
  }
  const serviceChildren = {
    phones: byParent("phone", "service"),
    schedules: byParent("schedule", "service"),
    service_areas: byParent("service_area", "service"),
    service_at_locations: byParent("service_at_location", "service"),
    languages: byParent("language", "service"),
    cost_options: byParent("cost_option", "service"),
    funding: byParent("funding", "service")
  }
  const locationChildren = {
    phones: byParent("phone", "location"),
    schedules: byParent("schedule", "location"),
    languages: byParent("language", "location"),
    addresses: byParent("address", "location")
  }
  const services = (tables["service"] ?? []).map((r, i) => assemble("service", i, r, serviceChildren))
  const locations = (tables["location"] ?? []).map((r, i) => assemble("location", i, r, locationChildren))
  // Funding rows and programmes carry attributes of their own.
  for (const s of services) {
    if (Array.isArray(s["funding"])) {
      ;(s as Record<string, unknown>)["funding"] = s["funding"].map((f: Json) => withAttributes(f, attributesOf, terms))
    }
  }
  const organizations = (tables["organization"] ?? []).map((r, i) => {
    const org = assemble("organization", i, r, { phones: byParent("phone", "organization") }) as Record<string, unknown>
    org["programs"] = (tables["program"] ?? []).filter((p) => p["organization_id"] === r["id"]).map((p) => {
      const program = withAttributes(p, attributesOf, terms)
      origins.set(program, `$.program[${(tables["program"] ?? []).indexOf(p)}]`)
      return program
    })
    org["services"] = services.filter((s) => s["organization_id"] === r["id"])
    org["locations"] = locations.filter((l) => l["organization_id"] === r["id"])
    origins.set(org, `$.organization[${i}]`)
    return org
  })
  const known = new Set((tables["organization"] ?? []).map((o) => o["id"]))
  return {
    organizations,
    services: services.filter((s) => !known.has(s["organization_id"])),
    locations: locations.filter((l) => !known.has(l["organization_id"]))
  }
}

const withAttributes = (row: Json, attributesOf: Map<unknown, Array<Json>>, terms: Map<unknown, Json>): Json => {
  const attrs = attributesOf.get(row["id"])
  if (attrs === undefined) return row
  const out = {
    ...row,
    attributes: attrs.map((
      a
    ) => (terms.has(a["taxonomy_term_id"]) ? { ...a, taxonomy_term: terms.get(a["taxonomy_term_id"]) } : a))
  }
  const origin = origins.get(row)
  if (origin !== undefined) origins.set(out, origin)
  return out
}

interface Resource {
  readonly name: string
  readonly path: string
  readonly schema: {
    readonly fields: ReadonlyArray<
      { readonly name: string; readonly type: string; readonly constraints?: { readonly required?: boolean } }
    >
  }
}
const resources = (datapackage as unknown as { resources: ReadonlyArray<Resource> }).resources

/**
 * The file name of a table in the data package (`service` → `services.csv`).
 * @since 0.2.0
 * @category combinators
 */
export const fileOf = (table: string): string | undefined => resources.find((r) => r.name === table)?.path

const cell = (v: unknown): string =>
  typeof v === "string"
    ? v
    : typeof v === "number" || typeof v === "boolean"
    ? String(v)
    : v === undefined || v === null
    ? ""
    : JSON.stringify(v)

/**
 * Tables as a Frictionless tabular data package: `datapackage.json` (the HSDS 3.0 descriptor)
 * and one RFC 4180 CSV file per non-empty table, its columns in the descriptor's order.
 * @since 0.2.0
 * @category combinators
 */
export const toDataPackage = (tables: Tables): Record<string, string> => {
  const files: Record<string, string> = { "datapackage.json": JSON.stringify(datapackage, null, 2) + "\n" }
  for (const r of resources) {
    const rows = tables[r.name]
    if (rows === undefined || rows.length === 0) continue
    const columns = r.schema.fields.map((f) => f.name)
    files[r.path] = Csv.write([columns, ...rows.map((row) => columns.map((c) => cell(row[c])))])
  }
  return files
}

/**
 * Reads the CSV files of a data package back into tables: empty cells are absent (but empty
 * texts in the columns the descriptor requires, as CSV cannot tell the two apart), `number` and
 * `integer` columns become numbers, `boolean` columns booleans. Problems (a file that is not
 * CSV, a column the descriptor does not define, a number that is not one) name the file, row
 * and column.
 * @since 0.2.0
 * @category combinators
 */
export const fromDataPackage = (
  files: Readonly<Record<string, string>>
): { readonly tables: Tables; readonly problems: ReadonlyArray<{ readonly path: string; readonly rule: string }> } => {
  const tables: Record<string, Array<Json>> = {}
  const problems: Array<{ path: string; rule: string }> = []
  for (const [file, text] of Object.entries(files)) {
    if (file === "datapackage.json") continue
    const r = resources.find((x) => x.path === file)
    if (r === undefined) {
      problems.push({ path: file, rule: "is not a table of the HSDS 3.0 data package" })
      continue
    }
    const rows = Csv.read(text)
    if (rows === undefined) {
      problems.push({ path: file, rule: "is not valid CSV (a quote is never closed)" })
      continue
    }
    const [header = [], ...body] = rows
    const types = new Map(r.schema.fields.map((f) => [f.name, f.type]))
    // A required text column is present in every row: an empty cell there is an empty text.
    const requiredText = new Set(
      r.schema.fields.filter((f) => f.type === "string" && f.constraints?.required === true).map((f) => f.name)
    )
    header.forEach((c, j) => {
      if (!types.has(c)) problems.push({ path: `${file} column ${j + 1}`, rule: "is not a column of this table" })
    })
    tables[r.name] = body.flatMap((cells, i) => {
      if (cells.every((c) => c === "")) return []
      const row: Record<string, unknown> = {}
      header.forEach((column, j) => {
        const cell = cells[j] ?? ""
        if (cell === "" && requiredText.has(column)) row[column] = ""
        if (cell === "" || !types.has(column)) return
        const type = types.get(column)
        if (type === "number" || type === "integer") {
          const n = Number(cell)
          if (cell.trim() === "" || !Number.isFinite(n) || (type === "integer" && !Number.isInteger(n))) {
            problems.push({
              path: `${file} row ${i + 2} column ${column}`,
              rule: `must be ${type === "integer" ? "an integer" : "a number"}`
            })
          } else row[column] = n
        } else if (type === "boolean") {
          if (cell !== "true" && cell !== "false") {
            problems.push({ path: `${file} row ${i + 2} column ${column}`, rule: "must be true or false" })
          } else row[column] = cell === "true"
        } else row[column] = cell
      })
      return [row]
    })
  }
  return { tables, problems }
}

/**
 * Turns a tabular path (`$.service[3].minimum_age`) into the data package's file, row and column
 * (`services.csv row 5 column minimum_age`), the header being row 1.
 * @since 0.2.0
 * @category combinators
 */
export const csvPath = (path: string): string => {
  const m = /^\$\.([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?/.exec(path)
  if (m === null) return path
  const file = fileOf(m[1]!) ?? m[1]!
  return `${file} row ${Number(m[2]) + 2}${m[3] === undefined ? "" : ` column ${m[3]}`}`
}
