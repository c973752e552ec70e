import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Suppression } from "../../src/reports/index.js"
import type { Cell, OneWayTable, SuppressedOneWay, SuppressedTwoWay, TwoWayTable } from "../../src/reports/index.js"
import { feasibleValues, feasibleValuesOneWay, fullGrid, linearlyDetermined } from "./attacker.js"

const dim = (name: string, n: number) => ({ name, values: Array.from({ length: n }, (_, i) => `${name}${i}`) })
const oneWay = (counts: ReadonlyArray<number>): OneWayTable => ({
  _tag: "OneWay",
  dimension: dim("d", counts.length),
  counts
})
const twoWay = (counts: ReadonlyArray<ReadonlyArray<number>>): TwoWayTable => ({
  _tag: "TwoWay",
  rows: dim("r", counts.length),
  columns: dim("c", counts[0]?.length ?? 0),
  counts
})
const ok = <A>(r: Result.Result<A, unknown>): A => Result.getOrThrow(r)
const show = (c: Cell) => (c._tag === "Value" ? c.count : "x")

// Small counts are the interesting ones: bias towards them.
const arbCount = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, {
  weight: 2,
  arbitrary: fc.integer({ min: 0, max: 40 })
})
const arbOptions = fc.record({ threshold: fc.integer({ min: 1, max: 11 }), suppressZeros: fc.boolean() })
const arbOneWay = fc.array(arbCount, { minLength: 0, maxLength: 8 }).map(oneWay)
const arbTwoWay = fc
  .record({ r: fc.integer({ min: 1, max: 6 }), c: fc.integer({ min: 1, max: 6 }) })
  .chain(({ c, r }) => fc.array(fc.array(arbCount, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
  .map(twoWay)

const sum = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0)
/** The full grid of the original table, margins last. */
const truth = (t: TwoWayTable): Array<Array<number>> => [
  ...t.counts.map((row) => [...row, sum(row)]),
  [
    ...Array.from({ length: t.columns.values.length }, (_, j) => sum(t.counts.map((r) => r[j]!))),
    sum(t.counts.map(sum))
  ]
]
/** Every row and every column of the full grid (each an additive relation). */
const lines = <A>(grid: ReadonlyArray<ReadonlyArray<A>>): Array<Array<A>> => [
  ...grid.map((r) => [...r]),
  ...grid[0]!.map((_, j) => grid.map((r) => r[j]!))
]

describe("Suppression.apply, by example", () => {
  it("hides a small cell and its smallest non-zero complement in a one-way table", () => {
    const r = ok(Suppression.apply(oneWay([12, 2, 9, 0]), { threshold: 5 }))
    expect(r.cells.map(show)).toEqual([12, "x", "x", 0])
    expect(show(r.total)).toBe(23)
  })

  it("hides nothing when no count is small, and publishes zeros unless asked", () => {
    expect(ok(Suppression.apply(oneWay([5, 0, 7]))).cells.map(show)).toEqual([5, 0, 7])
    const z = ok(Suppression.apply(oneWay([5, 0, 7]), { suppressZeros: true }))
    expect(z.cells.map(show)).toEqual(["x", "x", 7]) // the zero, and 5 as its smallest non-zero complement
  })

  it("threshold 1 suppresses nothing but (optionally) zeros", () => {
    expect(ok(Suppression.apply(oneWay([1, 1, 1]), { threshold: 1 })).cells.map(show)).toEqual([1, 1, 1])
  })

  it("hides a small total and what would give it away", () => {
    const r = ok(Suppression.apply(oneWay([1, 2]), { threshold: 5 }))
    expect([...r.cells.map(show), show(r.total)]).toEqual(["x", "x", "x"])
  })

  it("in a two-way table, hides a rectangle of cells so that rows and columns give nothing away", () => {
    const r = ok(Suppression.apply(twoWay([[2, 10, 20], [8, 15, 30]]), { threshold: 5 }))
    expect(r.cells.map((row) => row.map(show))).toEqual([["x", "x", 20], ["x", "x", 30]])
    expect(r.rowTotals.map(show)).toEqual([32, 53])
    expect(r.columnTotals.map(show)).toEqual([10, 25, 50])
    expect(show(r.total)).toBe(85)
  })

  it("closes a cycle through a cell that the row-and-column rule alone would leave determined", () => {
    // Two hidden rectangles joined by one hidden cell: each row and column has two hidden cells,
    // but the joining cell equals (rows 0–1 totals) − (columns 0–1 totals).
    const big = 50
    const counts = [
      [1, 1, big, big],
      [1, 1, big, big],
      [big, big, big, big],
      [big, big, big, big]
    ]
    const r = ok(
      Suppression.apply(twoWay(counts), { threshold: 2, suppress: [[1, 2], [2, 2], [2, 3], [3, 2], [3, 3]] })
    )
    expect(linearlyDetermined(r)).toEqual([])
  })
})

describe("Suppression.apply, rejected input", () => {
  it.each([0, -1, 2.5, Number.NaN])("threshold %s is refused naming the field and the rule", (threshold) => {
    const r = Suppression.apply(oneWay([1]), { threshold })
    expect(Result.isFailure(r) && { field: r.failure.field, rule: r.failure.rule }).toEqual({
      field: "threshold",
      rule: "an integer ≥ 1"
    })
  })

  it("refuses negative or fractional counts, ragged rows and positions outside the table", () => {
    const fail = (r: Result.Result<unknown, { field: string }>) => (Result.isFailure(r) ? r.failure.field : "accepted")
    expect(fail(Suppression.apply(oneWay([3, -1])))).toBe("counts[1]")
    expect(fail(Suppression.apply(twoWay([[3, 1.5]])))).toBe("counts[0][1]")
    expect(fail(Suppression.apply({ ...twoWay([[3, 1]]), counts: [[3]] }))).toBe("counts[0]")
    expect(fail(Suppression.apply({ ...oneWay([3]), counts: [3, 4] }))).toBe("counts")
    expect(fail(Suppression.apply(oneWay([3]), { suppress: [4] }))).toBe("suppress[0]")
    expect(fail(Suppression.apply(twoWay([[3]]), { suppress: [[0, "total"], [2, 0]] }))).toBe("suppress[1]")
  })

  it("never puts a count in the error", () => {
    const r = Suppression.apply(oneWay([3, -17]))
    expect(Result.isFailure(r) && r.failure.message).not.toContain("17")
  })
})

describe("Suppression.apply on random one-way tables (properties)", () => {
  it("(a) hides every small count, (b) no relation with a visible total has one hidden member, (c) visible values unchanged, (d) idempotent", () => {
    fc.assert(
      fc.property(arbOneWay, arbOptions, (table, options) => {
        const r = ok(Suppression.apply(table, options))
        const values = [...table.counts, sum(table.counts)]
        const cells = [...r.cells, r.total]
        cells.forEach((c, i) => {
          const v = values[i]!
          if (c._tag === "Value") {
            expect(c.count).toBe(v) // (c)
            expect(v === 0 ? !options.suppressZeros : v >= options.threshold).toBe(true) // (a)
          }
        })
        // (b); a table without cells has only its total, which is 0 by construction.
        if (table.counts.length > 0) expect(cells.filter((c) => c._tag === "Suppressed").length).not.toBe(1)
        expect(Suppression.apply(table, { ...options, suppress: Suppression.hidden(r) })).toEqual(Result.succeed(r)) // (d)
      }),
      { numRuns: 2000 }
    )
  })
})

describe("Suppression.apply on random two-way tables (properties)", () => {
  it("(a) no visible cell or margin is below the threshold except allowed zeros; (c) visible values unchanged", () => {
    fc.assert(
      fc.property(arbTwoWay, arbOptions, (table, options) => {
        const r = ok(Suppression.apply(table, options))
        const grid = fullGrid(r)
        const real = truth(table)
        grid.forEach((row, i) =>
          row.forEach((v, j) => {
            const t = real[i]![j]!
            if (v === undefined) return
            expect(v).toBe(t)
            expect(t === 0 ? !options.suppressZeros : t >= options.threshold).toBe(true)
          })
        )
      }),
      { numRuns: 1000 }
    )
  })

  it("(b) no row or column (margins included) has exactly one hidden member: nothing is recovered by subtraction", () => {
    fc.assert(
      fc.property(arbTwoWay, arbOptions, (table, options) => {
        const r = ok(Suppression.apply(table, options))
        for (const line of lines(fullGrid(r))) expect(line.filter((v) => v === undefined).length).not.toBe(1)
        // Spelled out for inner rows with a visible total, as a reviewer would check it.
        r.cells.forEach((row, i) => {
          if (r.rowTotals[i]!._tag === "Value") expect(row.filter((c) => c._tag === "Suppressed").length).not.toBe(1)
        })
        r.columnTotals.forEach((total, j) => {
          if (total._tag === "Value") expect(r.cells.filter((row) => row[j]!._tag === "Suppressed").length).not.toBe(1)
        })
      }),
      { numRuns: 1000 }
    )
  })

  it("no hidden count is determined by the relations of the table (linear attacker), and with visible zeros every hidden count is ≥ 1", () => {
    fc.assert(
      fc.property(arbTwoWay, fc.integer({ min: 1, max: 11 }), fc.boolean(), (table, threshold, suppressZeros) => {
        const r = ok(Suppression.apply(table, { threshold, suppressZeros }))
        expect(linearlyDetermined(r)).toEqual([])
        if (suppressZeros) return
        const real = truth(table)
        fullGrid(r).forEach((row, i) =>
          row.forEach((v, j) => v === undefined && expect(real[i]![j]).toBeGreaterThan(0))
        )
      }),
      { numRuns: 500 }
    )
  })

  it("(d) is idempotent: suppressing again with the hidden cells forced changes nothing", () => {
    fc.assert(
      fc.property(arbTwoWay, arbOptions, (table, options) => {
        const r = ok(Suppression.apply(table, options))
        expect(Suppression.apply(table, { ...options, suppress: Suppression.hidden(r) })).toEqual(Result.succeed(r))
      }),
      { numRuns: 500 }
    )
  })
})

describe("an attacker with a brute-force solver on tiny tables", () => {
  const tiny = (r: number, c: number) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r })
      .map(twoWay)
  const assertEveryHiddenCellHasTwoValues = (r: SuppressedTwoWay, table: TwoWayTable) => {
    for (const [key, values] of feasibleValues(r, truth(table))) {
      expect(values.size, `hidden cell ${key} of ${JSON.stringify(fullGrid(r))} is determined`).toBeGreaterThanOrEqual(
        2
      )
    }
  }

  it.each([[2, 2], [2, 3], [3, 2]] as const)(
    "%i×%i: every suppressed cell has at least two feasible values",
    (rows, columns) => {
      fc.assert(
        fc.property(tiny(rows, columns), fc.integer({ min: 2, max: 6 }), (table, threshold) => {
          assertEveryHiddenCellHasTwoValues(ok(Suppression.apply(table, { threshold })), table)
        }),
        { numRuns: 300 }
      )
    }
  )

  it("2×3 with suppressZeros: every suppressed cell has at least two feasible values", () => {
    fc.assert(
      fc.property(tiny(2, 3), fc.integer({ min: 2, max: 6 }), (table, threshold) => {
        assertEveryHiddenCellHasTwoValues(ok(Suppression.apply(table, { threshold, suppressZeros: true })), table)
      }),
      { numRuns: 300 }
    )
  })

  it("3×3, with and without zeros suppressed: every suppressed cell moves by one unit (search in ±1)", () => {
    fc.assert(
      fc.property(tiny(3, 3), fc.integer({ min: 2, max: 6 }), fc.boolean(), (table, threshold, suppressZeros) => {
        const r = ok(Suppression.apply(table, { threshold, suppressZeros }))
        for (const [key, values] of feasibleValues(r, truth(table), 1)) {
          expect(values.size, `hidden cell ${key} of ${JSON.stringify(fullGrid(r))} is determined`)
            .toBeGreaterThanOrEqual(2)
        }
      }),
      { numRuns: 200 }
    )
  })

  it("up to 4×4 with many zeros: every suppressed cell moves by one unit (search in ±1)", () => {
    const sparse = fc
      .record({ r: fc.integer({ min: 2, max: 4 }), c: fc.integer({ min: 2, max: 4 }) })
      .chain(({ c, r }) =>
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })), { minLength: c, maxLength: c }), {
          minLength: r,
          maxLength: r
        })
      )
      .map(twoWay)
    fc.assert(
      fc.property(sparse, fc.integer({ min: 2, max: 5 }), fc.boolean(), (table, threshold, suppressZeros) => {
        const r = ok(Suppression.apply(table, { threshold, suppressZeros }))
        fc.pre(r.cells.flat().filter((c) => c._tag === "Suppressed").length <= 9)
        for (const [key, values] of feasibleValues(r, truth(table), 1)) {
          expect(values.size, `hidden cell ${key} of ${JSON.stringify(fullGrid(r))} is determined`)
            .toBeGreaterThanOrEqual(2)
        }
      }),
      { numRuns: 300 }
    )
  })

  it("one-way tables: every suppressed cell has at least two feasible values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 6 }),
        fc.boolean(),
        (counts, threshold, suppressZeros) => {
          const r: SuppressedOneWay = ok(Suppression.apply(oneWay(counts), { threshold, suppressZeros }))
          for (const [key, values] of feasibleValuesOneWay(r, [...counts, sum(counts)])) {
            expect(values.size, `hidden cell ${key} of ${JSON.stringify(r.cells)} is determined`)
              .toBeGreaterThanOrEqual(2)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it("the solver itself finds a leak when one exists (a table protected by primary suppression only)", () => {
    const leaky: SuppressedTwoWay = {
      _tag: "TwoWay",
      rows: dim("r", 2),
      columns: dim("c", 2),
      cells: [[{ _tag: "Suppressed" }, { _tag: "Value", count: 9 }], [{ _tag: "Value", count: 7 }, {
        _tag: "Value",
        count: 8
      }]],
      rowTotals: [{ _tag: "Value", count: 12 }, { _tag: "Value", count: 15 }],
      columnTotals: [{ _tag: "Value", count: 10 }, { _tag: "Value", count: 17 }],
      total: { _tag: "Value", count: 27 }
    }
    expect(feasibleValues(leaky, [[3, 9, 12], [7, 8, 15], [10, 17, 27]]).get("0,0")).toEqual(new Set([3]))
    expect(linearlyDetermined(leaky)).toEqual([[0, 0]])
  })
})

describe("Suppression helpers", () => {
  it("smallestVisibleCount is the smallest non-zero visible count, margins included", () => {
    const r = ok(Suppression.apply(twoWay([[2, 10, 20], [8, 15, 30]]), { threshold: 5 }))
    expect(Suppression.smallestVisibleCount(r)).toBe(10)
    expect(Suppression.smallestVisibleCount(ok(Suppression.apply(oneWay([1, 1]))))).toBeUndefined()
  })
})
