/**
 * `mapFields` (the walk sealing and opening use over a record's personal paths) against a model:
 * the same mapping applied to a deep copy, path by path. The input is never changed.
 */
import { Effect, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { locate, mapFields, mapFieldsNow, REMOVE } from "../../src/privacy/internal/paths.js"

/** The model: every value on the paths of a deep copy replaced (or removed) in turn. */
const model = (data: unknown, paths: ReadonlyArray<string>, f: (field: string, value: unknown) => unknown) => {
  const clone: unknown = structuredClone(data)
  for (const path of paths) {
    for (const t of locate(clone, path)) {
      const v = f(t.field, t.value)
      if (v === REMOVE) t.remove()
      else t.set(v)
    }
  }
  return clone
}

// Record-shaped data over a few names, so that the paths below often hold values.
const name = fc.constantFrom("a", "b", "c", "d")
const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null))
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(name, tie("value"), { maxKeys: 4 })
  )
}))
const record = fc.dictionary(name, value, { maxKeys: 4 })
// Paths as the catalogue declares them: none is a prefix of another.
const pathSets: ReadonlyArray<ReadonlyArray<string>> = [
  ["a"],
  ["a", "b"],
  ["a.b", "a.c", "d"],
  ["a[]", "b.c"],
  ["a[].b", "a[].c[].d", "b"],
  ["c.d[]", "a.b.c"],
  ["x", "a.b[].c"]
]

describe("mapFields", () => {
  it("gives what the mapping gives on a deep copy, leaves its input unchanged, and copies only on the paths (model, property)", async () => {
    let mapped = 0
    await fc.assert(
      fc.asyncProperty(record, fc.constantFrom(...pathSets), fc.integer({ min: 2, max: 5 }), async (data, paths, n) => {
        const before = structuredClone(data)
        // Removes some values, wraps the others (a new object each time, like an envelope).
        const f = (field: string, v: unknown) => (field.length % n === 0 ? REMOVE : { field, v })
        const got = await Effect.runPromise(mapFields(data, paths, (field, v) => Effect.sync(() => f(field, v))))
        expect(got).toEqual(model(data, paths, f))
        // The synchronous walk gives the same, or the first failure.
        const now = mapFieldsNow(data, paths, (field, v) => Result.succeed(f(field, v)))
        expect(now).toEqual(Result.succeed(got))
        const failing = mapFieldsNow(
          data,
          paths,
          (field, v) => (field.length % n === 1 ? Result.fail(field) : Result.succeed(v))
        )
        const first = paths.flatMap((p) => locate(data, p)).find((t) => t.field.length % n === 1)
        expect(failing).toEqual(
          first === undefined ? Result.succeed(model(data, paths, (_, v) => v)) : Result.fail(first.field)
        )
        expect(data).toEqual(before)
        const found = paths.some((p) => locate(data, p).length > 0)
        if (found) {
          mapped++
          expect(got).not.toBe(data)
        } else {
          expect(got).toBe(data)
        }
      }),
      { numRuns: 2000 }
    )
    expect(mapped).toBeGreaterThan(100)
  })

  it("passes each value's concrete field and its path pattern", async () => {
    const seen: Array<[string, unknown, string]> = []
    await Effect.runPromise(
      mapFields({ a: [{ b: 1 }, { b: 2 }, {}], c: 3 }, ["a[].b", "c"], (field, v, path) =>
        Effect.sync(() => {
          seen.push([field, v, path])
          return v
        }))
    )
    expect(seen).toEqual([["a[0].b", 1, "a[].b"], ["a[1].b", 2, "a[].b"], ["c", 3, "c"]])
  })
})
