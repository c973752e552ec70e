/**
 * The meaning of a person rename (erasure's new id) for stored values and guard keys, and the
 * check of a unit's renames: one meaning that every adapter follows.
 *
 * @internal
 */
import type { UnitOfWork } from "./contract.js"

/**
 * The meaning of a {@link PersonRename} for one JSON value: every string equal to `from`, at any
 * depth, object keys included, becomes `to`.
 * @since 0.2.0
 * @category combinators
 */
export const renameValue = (value: unknown, from: string, to: string): unknown => {
  if (value === from) return to
  // Copy only what changes: parts without the id are shared with the input.
  if (Array.isArray(value)) {
    let out: Array<unknown> | undefined
    for (let i = 0; i < value.length; i++) {
      const v = renameValue(value[i], from, to)
      if (v !== value[i]) (out ??= [...(value as ReadonlyArray<unknown>)])[i] = v
    }
    return out ?? value
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>
    if (Object.hasOwn(record, from)) {
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(record)) out[k === from ? to : k] = renameValue(record[k], from, to)
      return out
    }
    let out: Record<string, unknown> | undefined
    for (const k of Object.keys(record)) {
      const before = record[k]
      const v = renameValue(before, from, to)
      if (v !== before) (out ??= { ...record })[k] = v
    }
    return out ?? value
  }
  return value
}

/**
 * The meaning of a {@link PersonRename} for a guard key: every `/from/` in `/key/` becomes
 * `/to/` (non-overlapping, left to right, as SQL's `replace` does), so `active/p-old/club`
 * becomes `active/p-new/club`.
 * @since 0.2.0
 * @category combinators
 */
export const renameKey = (key: string, from: string, to: string): string =>
  `/${key}/`.replaceAll(`/${from}/`, `/${to}/`).slice(1, -1)

const RENAME_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/

/**
 * What is wrong with a unit's renames, if anything: each names two different ids of the model's
 * id pattern.
 * @since 0.2.0
 * @category guards
 */
export const renameProblem = (unit: UnitOfWork): string | undefined => {
  for (const [i, r] of (unit.renamePeople ?? []).entries()) {
    if (typeof r.from !== "string" || !RENAME_ID.test(r.from)) return `renamePeople[${i}].from must be an id`
    if (typeof r.to !== "string" || !RENAME_ID.test(r.to)) return `renamePeople[${i}].to must be an id`
    if (r.from === r.to) return `renamePeople[${i}] must name two different ids`
  }
  return undefined
}
