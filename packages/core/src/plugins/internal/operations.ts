/**
 * Registration checks of plugin operations (each has an access row, and neither its method name
 * nor its tag is one core or another plugin already uses) and of custom fields (well-formed, and
 * never personal and a facet at once).
 *
 * @internal
 */
import { Schema } from "effect"
import { operations as core } from "../../casework/operations/index.js"
import { extensibleKinds } from "../../model/CustomFields.js"
import * as Errors from "../errors.js"
import type { Plugins } from "../Plugin.js"

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

const coreNames: ReadonlySet<string> = new Set([...Object.keys(core), "batch"])
const coreTags: ReadonlySet<string> = new Set(Object.values(core).map((op) => op.tag))

/** Malformed operations (not an object with a tag, a kind, an input, a subject and a decide or answer). */
export const malformedOperations = (plugin: unknown): ReadonlyArray<Errors.MalformedPlugin> => {
  if (!isRecord(plugin) || plugin["operations"] === undefined) return []
  const id = typeof plugin["id"] === "string" ? plugin["id"] : "?"
  const ops = plugin["operations"]
  if (!isRecord(ops)) {
    return [new Errors.MalformedPlugin({ plugin: id, field: "operations", expected: "an object when present" })]
  }
  const problems: Array<Errors.MalformedPlugin> = []
  for (const [name, op] of Object.entries(ops)) {
    const field = `operations.${name}`
    if (!isRecord(op)) {
      problems.push(new Errors.MalformedPlugin({ plugin: id, field, expected: "an operation (PluginOperation.write)" }))
      continue
    }
    const expect = (key: string, ok: boolean, expected: string) => {
      if (!ok) problems.push(new Errors.MalformedPlugin({ plugin: id, field: `${field}.${key}`, expected }))
    }
    expect("tag", typeof op["tag"] === "string", "a string")
    expect("kind", op["kind"] === "write" || op["kind"] === "read", "\"write\" or \"read\"")
    expect("input", op["input"] !== undefined, "a schema")
    expect("subject", isRecord(op["subject"]), "a subject (Operation.newIn, Operation.existing, …)")
    const run = op["kind"] === "read" ? "answer" : "decide"
    expect(run, typeof op[run] === "function", "a function")
  }
  return problems
}

/** Operations without an access row, and names or tags already used by core or another plugin. */
export const operationProblems = (
  plugins: Plugins
): ReadonlyArray<Errors.OperationWithoutAccess | Errors.DuplicateCode> => {
  const problems: Array<Errors.OperationWithoutAccess | Errors.DuplicateCode> = []
  const names = new Map<string, string>()
  const tags = new Map<string, string>()
  const seen = new Set<string>()
  for (const plugin of plugins) {
    // A plugin registered twice is DuplicatePlugin, not a clash of its operations with themselves.
    if (seen.has(plugin.id)) continue
    seen.add(plugin.id)
    for (const [name, op] of Object.entries(plugin.operations ?? {})) {
      if (op.access === undefined) {
        problems.push(new Errors.OperationWithoutAccess({ plugin: plugin.id, operation: name, tag: op.tag }))
      }
      const clash = (field: string, code: string, used: ReadonlySet<string>, by: Map<string, string>) => {
        const other = used.has(code) ? "core" : by.get(code)
        if (other !== undefined) {
          problems.push(new Errors.DuplicateCode({ plugin: plugin.id, field, code, otherPlugin: other }))
        }
        by.set(code, plugin.id)
      }
      clash("operations", name, coreNames, names)
      clash(`operations.${name}.tag`, op.tag, coreTags, tags)
    }
  }
  return problems
}

/** The access rows of every plugin operation, by tag. */
export const accessRowsOf = (plugins: Plugins) =>
  Object.fromEntries(
    plugins.flatMap((p) =>
      Object.values(p.operations ?? {}).flatMap((op) => op.access === undefined ? [] : [[op.tag, op.access.row]])
    )
  )

const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,40}$/

/** Malformed custom-field declarations: an unknown record kind, a bad name, no schema. */
export const malformedFields = (plugin: unknown): ReadonlyArray<Errors.MalformedPlugin> => {
  if (!isRecord(plugin) || plugin["fields"] === undefined) return []
  const id = typeof plugin["id"] === "string" ? plugin["id"] : "?"
  const fields = plugin["fields"]
  if (!isRecord(fields)) {
    return [new Errors.MalformedPlugin({ plugin: id, field: "fields", expected: "an object when present" })]
  }
  const problems: Array<Errors.MalformedPlugin> = []
  const fail = (field: string, expected: string) =>
    problems.push(new Errors.MalformedPlugin({ plugin: id, field, expected }))
  for (const [kind, ofKind] of Object.entries(fields)) {
    if (!(extensibleKinds as ReadonlyArray<string>).includes(kind)) {
      fail(`fields.${kind}`, `a record kind plugins may extend (${extensibleKinds.join(", ")})`)
      continue
    }
    if (!isRecord(ofKind)) {
      fail(`fields.${kind}`, "an object of field declarations")
      continue
    }
    for (const [name, def] of Object.entries(ofKind)) {
      const at = `fields.${kind}.${name}`
      if (!FIELD_NAME.test(name)) fail(at, "a field name of letters and digits (camelCase)")
      if (!isRecord(def) || !Schema.isSchema(def["schema"])) {
        fail(at, "a field declaration (PluginField.reportable or PluginField.personal)")
      } else if (typeof def["personal"] !== "boolean" || typeof def["facet"] !== "boolean") {
        fail(at, "a field declaration saying personal and facet (PluginField.reportable or PluginField.personal)")
      }
    }
  }
  return problems
}

/** Custom fields declared personal and a report facet at once. */
export const personalFacets = (plugins: Plugins): ReadonlyArray<Errors.PersonalFieldAsFacet> =>
  plugins.flatMap((plugin) =>
    Object.entries(plugin.fields ?? {}).flatMap(([kind, ofKind]) =>
      Object.entries(ofKind ?? {}).flatMap(([name, def]) =>
        def.personal && def.facet
          ? [new Errors.PersonalFieldAsFacet({ plugin: plugin.id, field: `${kind}.${name}` })]
          : []
      )
    )
  )
