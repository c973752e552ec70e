/**
 * Distinct people counted by the shared code (`peopleByShape`): the encoded rows against a naive
 * model (a set per group, keyed as the store keys its rows), with bit sets and with hash sets.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { countPeople, type ShapeGroup, shapeIds } from "../src/internal/people.js"

const arbRows = fc.array(
  fc.record({
    shape: fc.integer({ min: 0, max: 12 }),
    month: fc.constantFrom("\"2026-01\"", "\"2026-02\"", "null"),
    people: fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 3 })
  }),
  { maxLength: 60 }
)

/** Shapes 0-9 fall in one or two groups (by a tag and a facet); shapes 10-12 are filtered out. */
const arbShapes = fc.array(
  fc.record({
    values: fc.subarray(["\"a\"", "\"b\"", "\"c\""], { minLength: 1, maxLength: 2 }),
    part: fc.boolean()
  }),
  { minLength: 10, maxLength: 10 }
)

describe("countPeople", () => {
  it("counts each group's distinct people and its part's as a naive model does (bit sets and hash sets)", () => {
    fc.assert(
      fc.property(arbRows, arbShapes, fc.boolean(), fc.constantFrom(0, 1, 1 << 20), (rows, shapes, byMonth, budget) => {
        // Groups: [tag, month] when by month (the month's slot filled from each row), else [tag].
        const groups = new Map<number, Array<ShapeGroup>>(
          shapes.map((s, id) => [id, s.values.map((v) => ({ values: byMonth ? [v, ""] : [v], part: s.part }))])
        )
        const encoded = rows.map((r) => `${r.shape}|${byMonth ? r.month : ""}|${JSON.stringify(r.people)}`).join(";")
        const { ids, maxPerson } = shapeIds(encoded)
        expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.shape)))
        expect(maxPerson).toBe(Math.max(0, ...rows.flatMap((r) => r.people)))
        const naive = new Map<string, [Set<number>, Set<number>]>()
        for (const r of rows) {
          for (const g of groups.get(r.shape) ?? []) {
            const key = JSON.stringify(byMonth ? [g.values[0], r.month] : g.values)
            const sets = naive.get(key) ?? [new Set<number>(), new Set<number>()]
            naive.set(key, sets)
            for (const p of r.people) {
              sets[0].add(p)
              if (g.part) sets[1].add(p)
            }
          }
        }
        const counted = countPeople(encoded, groups, byMonth ? 1 : undefined, maxPerson, budget)
        expect(new Map([...counted].map(([k, v]) => [k, [...v]]))).toEqual(
          new Map([...naive].map(([k, [all, part]]) => [k, [all.size, part.size]]))
        )
      })
    )
  })

  it("reads no rows from an empty text", () => {
    expect(countPeople("", new Map([[1, [{ values: ["\"a\""], part: false }]]]), undefined, 0)).toEqual(new Map())
    expect(shapeIds("")).toEqual({ ids: [], maxPerson: 0 })
  })
})
