/**
 * Decoding hostile input: arbitrary JSON, objects with an entity's keys and random values, valid
 * values with one part replaced or removed, and all of these carrying `__proto__` and
 * `constructor` keys as `JSON.parse` creates them. The decoder must never throw, must fail only
 * with an `InvalidInput` naming a path and a rule for each problem, and must leave
 * `Object.prototype` as it was.
 */
import { Decode, InvalidInput } from "@pomoc/core"
import { entities, type EntityArbitrary } from "@pomoc/core/testing"
import * as fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const RUNS = 10_000

type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }

const isObject = (value: Json): value is { [key: string]: Json } =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Every container (object or array) in a JSON value, the root first. */
const containers = (value: Json, into: Array<{ [key: string]: Json } | Array<Json>> = []) => {
  if (Array.isArray(value)) {
    into.push(value)
    value.forEach((v) => containers(v, into))
  } else if (isObject(value)) {
    into.push(value)
    Object.values(value).forEach((v) => containers(v, into))
  }
  return into
}

const junk = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>

/** A valid value with one slot (picked by `pick`) replaced by junk, or removed. */
const mutated = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<Json> =>
  fc.tuple(valid, fc.nat(), fc.nat(), junk, fc.boolean()).map(
    ([value, pickContainer, pickSlot, replacement, remove]) => {
      const copy = structuredClone(value) as Json
      const all = containers(copy)
      const target = all[pickContainer % all.length]
      if (target === undefined) return replacement
      if (Array.isArray(target)) {
        if (target.length === 0 || !remove) target.push(replacement)
        else target.splice(pickSlot % target.length, 1)
        return copy
      }
      const keys = Object.keys(target)
      const key = keys[pickSlot % Math.max(keys.length, 1)]
      if (key === undefined) target["extra"] = replacement
      else if (remove) delete target[key]
      else target[key] = replacement
      return copy
    }
  )

/** An object with (some of) the entity's keys, every value random. */
const keyed = (keys: ReadonlyArray<string>): fc.Arbitrary<Json> =>
  fc.dictionary(fc.constantFrom(...keys), junk, { maxKeys: keys.length, noNullPrototype: true })

const HOSTILE_KEYS = [
  `"__proto__":{"polluted":"yes"}`,
  `"constructor":{"prototype":{"polluted":"yes"}}`,
  `"__proto__":{"__proto__":{"polluted":"yes"}},"constructor":{"prototype":{"polluted":"yes"}}`,
  `"__proto__":null`,
  `"__proto__":[1,{"polluted":"yes"}]`,
  `"prototype":{"polluted":"yes"}`
]
const PLACEHOLDER = "__hostile_placeholder__"

/**
 * A value with `__proto__` / `constructor` own keys in one of its objects, made the way an
 * attacker would: through `JSON.parse`.
 */
const hostile = (base: fc.Arbitrary<Json>): fc.Arbitrary<unknown> =>
  fc.tuple(base, fc.nat(), fc.constantFrom(...HOSTILE_KEYS)).map(([value, pick, text]) => {
    const copy = structuredClone(value)
    const objects = containers(copy).filter((c): c is { [key: string]: Json } => !Array.isArray(c))
    const target = objects[pick % Math.max(objects.length, 1)]
    if (target === undefined) return JSON.parse(`{${text}}`)
    target[PLACEHOLDER] = 0
    const json = JSON.stringify(copy).replace(`${JSON.stringify(PLACEHOLDER)}:0`, text)
    return JSON.parse(json)
  })

/** The top-level keys the entity's values use (the union over many samples, for unions). */
const keysOf = (arbitrary: fc.Arbitrary<unknown>): Array<string> => [
  ...new Set(fc.sample(arbitrary, { numRuns: 200, seed: 42 }).flatMap((v) => Object.keys(v as object)))
]

const inputs = ({ arbitrary }: EntityArbitrary): fc.Arbitrary<unknown> => {
  const valid = arbitrary as fc.Arbitrary<Json>
  const withKeys = keyed(keysOf(arbitrary))
  const broken = mutated(valid)
  return fc.oneof(
    { weight: 2, arbitrary: junk },
    { weight: 2, arbitrary: withKeys },
    { weight: 3, arbitrary: broken },
    { weight: 1, arbitrary: hostile(valid) },
    { weight: 1, arbitrary: hostile(withKeys) },
    { weight: 1, arbitrary: hostile(broken) }
  )
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort()

describe("decoding hostile input", () => {
  let before: Array<string> = []
  beforeAll(() => {
    before = prototypeKeys()
  })
  afterAll(() => {
    // Checked once more after every entity ran, in case pollution shows only later.
    expect(prototypeKeys()).toEqual(before)
  })

  it.each(entities.map((e) => [e.name, e] as const))(
    "%s: 10,000 inputs get only typed errors and leave Object.prototype alone",
    (name, entry) => {
      const decode = Decode.decoder(entry.schema, name)
      let failures = 0
      fc.assert(
        fc.property(inputs(entry), (input) => {
          const result = decode(input)
          if (result._tag === "Failure") {
            failures++
            const error = result.failure
            if (!(error instanceof InvalidInput)) throw new Error(`not an InvalidInput: ${String(error)}`)
            if (error.problems.length === 0) throw new Error("an InvalidInput without problems")
            for (const problem of error.problems) {
              if (typeof problem.path !== "string") throw new Error("a problem without a path")
              if (typeof problem.rule !== "string" || problem.rule.length === 0) {
                throw new Error(`a problem without a rule at '${problem.path}'`)
              }
              // The decoder turns a throw (or a defect in a check) into these rules: plain JSON must
              // never make the model throw.
              if (problem.rule === "input could not be read" || problem.rule === "input could not be decoded") {
                throw new Error(`decoding threw on plain JSON at '${problem.path}'`)
              }
            }
          }
          if (({} as { polluted?: unknown }).polluted !== undefined) throw new Error("Object.prototype polluted")
        }),
        { numRuns: RUNS }
      )
      expect(failures, "the fuzzer should mostly produce invalid input").toBeGreaterThan(RUNS / 2)
      expect(prototypeKeys()).toEqual(before)
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty("polluted")
    }
  )
})
