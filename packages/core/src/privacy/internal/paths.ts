/**
 * Field paths of encoded records (`a.b`, `goals[].steps[].description`): finding the values on a
 * path, and mapping them in a deep copy.
 * @internal
 */
import { Effect } from "effect"

/** One present value on a path: its concrete path, a setter and a remover into the root. */
export interface Target {
  readonly field: string
  readonly value: unknown
  readonly set: (value: unknown) => void
  readonly remove: () => void
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Every present value on a path pattern, with its concrete path and a setter into `root`. */
export const locate = (root: unknown, pattern: string): Array<Target> => {
  const segments = pattern.split(".").map((
    s
  ) => (s.endsWith("[]") ? { name: s.slice(0, -2), each: true } : { name: s, each: false }))
  const out: Array<Target> = []
  const walk = (value: unknown, index: number, prefix: string): void => {
    const segment = segments[index]
    if (segment === undefined || !isObject(value) || !Object.hasOwn(value, segment.name)) return
    const here = prefix === "" ? segment.name : `${prefix}.${segment.name}`
    const child = value[segment.name]
    const last = index === segments.length - 1
    if (segment.each) {
      if (!Array.isArray(child)) return
      child.forEach((element, i) => {
        const at = `${here}[${i}]`
        if (last) out.push({ field: at, value: element, set: (v) => (child[i] = v), remove: () => (child[i] = null) })
        else walk(element, index + 1, at)
      })
    } else if (last) {
      out.push({
        field: here,
        value: child,
        set: (v) => (value[segment.name] = v),
        remove: () => delete value[segment.name]
      })
    } else {
      walk(child, index + 1, here)
    }
  }
  walk(root, 0, "")
  return out
}

/** What a mapping function returns to remove the field instead of replacing it. */
export const REMOVE: unique symbol = Symbol.for("@pomoc/core/privacy/remove")

/**
 * Applies `f` to every value on the paths of a deep copy of `data`, one after another (the
 * cipher is synchronous: forking a fiber per field would cost more than the field's cipher).
 */
export const mapFields = <E, R>(
  data: unknown,
  paths: ReadonlyArray<string>,
  f: (field: string, value: unknown, path: string) => Effect.Effect<unknown, E, R>
): Effect.Effect<unknown, E, R> =>
  Effect.suspend(() => {
    const clone: unknown = structuredClone(data)
    const targets = paths.flatMap((p) => locate(clone, p).map((t) => ({ ...t, path: p })))
    return Effect.as(
      Effect.forEach(targets, (t) =>
        Effect.map(f(t.field, t.value, t.path), (v) => (v === REMOVE ? t.remove() : t.set(v))), { discard: true }),
      clone
    )
  })
