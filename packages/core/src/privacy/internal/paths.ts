/**
 * Field paths of encoded records (`a.b`, `goals[].steps[].description`): finding the values on a
 * path, and mapping them in a deep copy.
 * @internal
 */
import { Effect, Result } from "effect"

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

/** One present value on a path, with the keys that lead to it from the root. */
interface Found {
  readonly field: string
  readonly value: unknown
  readonly keys: ReadonlyArray<string | number>
  readonly path: string
}

/** Every present value on a path pattern (reading only). */
const find = (root: unknown, pattern: string, out: Array<Found>): void => {
  const segments = pattern.split(".")
  const walk = (value: unknown, index: number, prefix: string, keys: ReadonlyArray<string | number>): void => {
    const segment = segments[index]
    if (segment === undefined) return
    const each = segment.endsWith("[]")
    const name = each ? segment.slice(0, -2) : segment
    if (!isObject(value) || !Object.hasOwn(value, name)) return
    const here = prefix === "" ? name : `${prefix}.${name}`
    const child = value[name]
    const last = index === segments.length - 1
    if (each) {
      if (!Array.isArray(child)) return
      for (let i = 0; i < child.length; i++) {
        const at = `${here}[${i}]`
        if (last) out.push({ field: at, value: child[i], keys: [...keys, name, i], path: pattern })
        else walk(child[i], index + 1, at, [...keys, name, i])
      }
    } else if (last) {
      out.push({ field: here, value: child, keys: [...keys, name], path: pattern })
    } else {
      walk(child, index + 1, here, [...keys, name])
    }
  }
  walk(root, 0, "", [])
}

const shallow = (value: object): Record<PropertyKey, unknown> =>
  (Array.isArray(value) ? [...(value as ReadonlyArray<unknown>)] : { ...value }) as Record<PropertyKey, unknown>

/** Every present value on the paths of `data`. */
const findAll = (data: unknown, paths: ReadonlyArray<string>): Array<Found> => {
  const found: Array<Found> = []
  for (const path of paths) find(data, path, found)
  return found
}

/** `data` with `values[i]` at `found[i]`, copying the objects and arrays on the way. */
const rebuild = (data: unknown, found: ReadonlyArray<Found>, values: ReadonlyArray<unknown>): unknown => {
  const root = shallow(data as object)
  const copies = new Set<unknown>([root])
  for (const [i, { keys }] of found.entries()) {
    let parent = root
    for (let k = 0; k < keys.length - 1; k++) {
      const child = parent[keys[k]!]
      let copy = child as Record<PropertyKey, unknown>
      if (!copies.has(child)) {
        copy = shallow(child as object)
        copies.add(copy)
        parent[keys[k]!] = copy
      }
      parent = copy
    }
    const key = keys[keys.length - 1]!
    const value = values[i]
    if (value !== REMOVE) parent[key] = value
    else if (Array.isArray(parent)) parent[key as number] = null
    else delete parent[key]
  }
  return root
}

/**
 * Applies `f` to every value on the paths of `data`, one after another (the cipher is
 * synchronous: forking a fiber per field would cost more than the field's cipher), and gives
 * `data` with the new values: the objects and arrays on the way to a value are copied, the rest
 * is shared with `data`, which is never changed (`data` itself when no path holds a value). The
 * paths must not overlap (none a prefix of another), as the catalogue's personal paths do not.
 */
export const mapFields = <E, R>(
  data: unknown,
  paths: ReadonlyArray<string>,
  f: (field: string, value: unknown, path: string) => Effect.Effect<unknown, E, R>
): Effect.Effect<unknown, E, R> =>
  Effect.suspend(() => {
    const found = findAll(data, paths)
    if (found.length === 0) return Effect.succeed(data)
    const values = new Array<unknown>(found.length)
    return Effect.map(
      Effect.forEach(found, (t, i) => Effect.map(f(t.field, t.value, t.path), (v) => (values[i] = v)), {
        discard: true
      }),
      () => rebuild(data, found, values)
    )
  })

/**
 * {@link mapFields} with a synchronous `f` (a cipher on a key held as bytes): no effect per field.
 * The first failure stops the walk.
 */
export const mapFieldsNow = <E>(
  data: unknown,
  paths: ReadonlyArray<string>,
  f: (field: string, value: unknown, path: string) => Result.Result<unknown, E>
): Result.Result<unknown, E> => {
  const found = findAll(data, paths)
  if (found.length === 0) return Result.succeed(data)
  const values = new Array<unknown>(found.length)
  for (const [i, t] of found.entries()) {
    const v = f(t.field, t.value, t.path)
    if (Result.isFailure(v)) return v
    values[i] = v.success
  }
  return Result.succeed(rebuild(data, found, values))
}
