/**
 * Registration checks of plugin operations (each has an access row, and neither its method name
 * nor its tag is one core or another plugin already uses) and of custom fields (never personal
 * and a facet at once). Their shape is `shape.ts`'s.
 *
 * @internal
 */
import { operations as core } from "../../casework/operations/index.js"
import * as Errors from "../errors.js"
import type { Plugins } from "../Plugin.js"

const coreNames: ReadonlySet<string> = new Set([...Object.keys(core), "batch"])
const coreTags: ReadonlySet<string> = new Set(Object.values(core).map((op) => op.tag))

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
