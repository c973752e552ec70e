/**
 * Aggregates counted by the shared code (`byShape`): the encoded rows against a naive model (per
 * group, keyed as the store keys its rows: records, sums, a set of people, and the same of the
 * part), with bit sets and with hash sets.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { countByShape, shapeCounter, type ShapeGroup, shapeIds } from "../src/internal/people.js"

const arbRows = fc.array(
  fc.record({
    shape: fc.integer({ min: 0, max: 12 }),
    month: fc.constantFrom("\"2026-01\"", "\"2026-02\"", "null"),
    people: fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 3 }),
    // SQLite may keep a person number as a real (`1.0`).
    reals: fc.boolean()
  }),
  { maxLength: 60 }
)

/** Shapes 0-9 fall in one or two groups (by a tag); shapes 10-12 are filtered out. */
const arbShapes = fc.array(
  fc.record({
    values: fc.subarray(["\"a\"", "\"b\"", "\"c\""], { minLength: 1, maxLength: 2 }),
    part: fc.boolean(),
    // Two summed facets: a number (quarter hours, exact in binary) or not a number.
    sums: fc.tuple(fc.option(fc.integer({ min: 0, max: 40 }).map((n) => n / 4)), fc.constant(null))
  }),
  { minLength: 10, maxLength: 10 }
)

interface Naive {
  records: number
  partRecords: number
  sums: [number, number]
  all: Set<number>
  part: Set<number>
}

describe("countByShape", () => {
  it("counts each group's records, sums and distinct people, and its part's, as a naive model does", () => {
    fc.assert(
      fc.property(
        arbRows,
        arbShapes,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(0, 1, 1 << 20),
        (rows, shapes, byMonth, people, bitBudget) => {
          // Groups: [tag, month] when by month (the month's slot filled from each row), else [tag].
          const groups = new Map<number, Array<ShapeGroup>>(
            shapes.map((s, id) => [
              id,
              s.values.map((v) => ({ values: byMonth ? [v, ""] : [v], part: s.part, sums: s.sums }))
            ])
          )
          const encoded = rows.map((r) =>
            `${r.shape}|${byMonth ? r.month : ""}|[${
              people ? r.people.map((p) => (r.reals ? `${p}.0` : String(p))).join(",") : ""
            }]`
          ).join(";")
          const { ids, maxPerson } = shapeIds(encoded)
          expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.shape)))
          expect(maxPerson).toBe(people ? Math.max(0, ...rows.flatMap((r) => r.people)) : 0)
          const naive = new Map<string, Naive>()
          for (const r of rows) {
            const shape = shapes[r.shape]
            for (const g of groups.get(r.shape) ?? []) {
              const key = JSON.stringify(byMonth ? [g.values[0], r.month] : g.values)
              const c = naive.get(key) ??
                { records: 0, partRecords: 0, sums: [0, 0], all: new Set<number>(), part: new Set<number>() }
              naive.set(key, c)
              c.records++
              c.sums[0] += shape?.sums[0] ?? 0
              if (g.part) c.partRecords++
              for (const p of people ? r.people : []) {
                c.all.add(p)
                if (g.part) c.part.add(p)
              }
            }
          }
          const counted = countByShape(encoded, groups, {
            monthAt: byMonth ? 1 : undefined,
            people,
            maxPerson,
            sums: 2,
            bitBudget
          })
          expect(counted).toEqual(
            new Map(
              [...naive].map(([k, c]) => [k, {
                records: c.records,
                partRecords: c.partRecords,
                sums: c.sums,
                people: c.all.size,
                partPeople: c.part.size
              }])
            )
          )
        }
      )
    )
  })

  it("reads a person number written as a real (1.0, as SQLite keeps a bound number) as the integer", () => {
    const groups = new Map([[7, [{ values: ["\"a\""], part: false, sums: [] }]]])
    const encoded = "7||[1.0,12];7||[1];7||[12.0]"
    expect(shapeIds(encoded)).toEqual({ ids: [7], maxPerson: 12 })
    expect(countByShape(encoded, groups, { monthAt: undefined, people: true, maxPerson: 12, sums: 0 })).toEqual(
      new Map([["[\"\\\"a\\\"\"]", { records: 3, partRecords: 0, sums: [], people: 2, partPeople: 0 }]])
    )
  })

  it("reads no rows from an empty text", () => {
    const groups = new Map([[1, [{ values: ["\"a\""], part: false, sums: [] }]]])
    expect(countByShape("", groups, { monthAt: undefined, people: true, maxPerson: 0, sums: 0 })).toEqual(new Map())
    expect(shapeIds("")).toEqual({ ids: [], maxPerson: 0 })
  })

  it("counting chunk after chunk, with people numbered above the bits, gives the counts of one text", () => {
    fc.assert(
      fc.property(
        arbRows,
        arbShapes,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat({ max: 200 }),
        (rows, shapes, cuts, max) => {
          const groups = new Map<number, Array<ShapeGroup>>(
            shapes.map((s, id) => [id, s.values.map((v) => ({ values: [v], part: s.part, sums: s.sums }))])
          )
          const encode = (part: typeof rows) => part.map((r) => `${r.shape}||[${r.people.join(",")}]`).join(";")
          const options = { monthAt: undefined, people: true, maxPerson: 200, sums: 2 }
          const whole = countByShape(encode(rows), groups, options)
          // Chunks at the cuts; bit sets sized for `max` only (a person above it goes to a hash set).
          const counter = shapeCounter(groups, { ...options, maxPerson: max })
          let from = 0
          for (const cut of [...cuts.map((c) => c % (rows.length + 1)), rows.length].sort((a, b) => a - b)) {
            counter.add(encode(rows.slice(from, cut)))
            from = cut
          }
          expect(counter.result()).toEqual(whole)
        }
      )
    )
  })

  it("with classes (people by code), a group's people are its distinct classes", () => {
    fc.assert(
      fc.property(arbRows, arbShapes, fc.func(fc.integer({ min: 0, max: 5 })), (rows, shapes, codeOf) => {
        const groups = new Map<number, Array<ShapeGroup>>(
          shapes.map((s, id) => [id, s.values.map((v) => ({ values: [v], part: s.part, sums: s.sums }))])
        )
        // Numbers below 100 have a code (0-5); the first number of a code stands for it.
        const first = new Map<number, number>()
        for (let n = 0; n < 100; n++) if (!first.has(codeOf(n))) first.set(codeOf(n), n)
        const classOf = (n: number) => (n < 100 ? first.get(codeOf(n))! : n)
        const counter = shapeCounter(groups, { monthAt: undefined, people: true, maxPerson: 200, sums: 2 })
        counter.add(rows.map((r) => `${r.shape}||[${r.people.join(",")}]`).join(";"))
        const naive = new Map<string, { all: Set<number>; part: Set<number> }>()
        for (const r of rows) {
          for (const g of groups.get(r.shape) ?? []) {
            const key = JSON.stringify(g.values)
            const c = naive.get(key) ?? { all: new Set<number>(), part: new Set<number>() }
            naive.set(key, c)
            for (const p of r.people) {
              c.all.add(classOf(p))
              if (g.part) c.part.add(classOf(p))
            }
          }
        }
        const counted = counter.result(classOf)
        expect(new Map([...counted].map(([k, c]) => [k, [c.people, c.partPeople]]))).toEqual(
          new Map([...naive].map(([k, c]) => [k, [c.all.size, c.part.size]]))
        )
      })
    )
  })
})
