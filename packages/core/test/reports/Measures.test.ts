/**
 * Report measures (distinct people with anonymous beside, rates, change per person), up to four
 * dimensions, and runs consistent across periods and services: compared with naive models over
 * random records on the memory store (the store testkit proves the stores agree with it).
 */
import { Effect, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Periods, Report, Suppression } from "../../src/reports/index.js"
import type { Cell, ReportDefinition, SuppressedTwoWay } from "../../src/reports/index.js"
import * as StoreModule from "../../src/Store.js"
import type { FacetValue, StoredRecord } from "../../src/Store.js"
import { storedRecord } from "./records.js"

const labels = { en: "A report", cs: "Výkaz", lt: "Ataskaita", bg: "Отчет" }
const show = (c: Cell | undefined) => (c?._tag === "Value" ? c.count : "x")
const record = (i: number, fields: Partial<StoredRecord>): StoredRecord =>
  storedRecord(`r-${String(i).padStart(4, "0")}`, fields)
const runOn = (definition: ReportDefinition, records: ReadonlyArray<StoredRecord>, options?: Report.RunOptions) =>
  Effect.runSync(Report.run(definition, StoreModule.memoryOf(records), options))
const define = (query: ReportDefinition["query"], threshold = 5): ReportDefinition =>
  Report.define({ id: "r", labels, question: "how-much", query, suppression: { threshold } })

describe("distinct people, with anonymous participants beside", () => {
  it("counts known people once per cell and sums anonymous ones in a table of their own", () => {
    const records = [
      record(1, { personIds: ["p1", "p2"], facets: { channel: "street", anonymousCount: 4 } }),
      record(2, { personIds: ["p1"], facets: { channel: "street", anonymousCount: 3 } }),
      record(3, { personIds: ["p3"], facets: { channel: "online", anonymousCount: 0 } })
    ]
    const result = runOn(
      define({ kind: "contact", dimensions: [{ by: "channel" }], measure: "people", anonymous: "anonymousCount" }, 1),
      records
    )
    expect(result.table._tag === "OneWay" && result.table.cells.map(show)).toEqual([1, 2])
    expect(result.anonymous?._tag === "OneWay" && result.anonymous.cells.map(show)).toEqual([0, 7])
  })
})

const arbContacts = fc.array(
  fc.record({
    channel: fc.constantFrom("street", "online", "school"),
    first: fc.boolean(),
    people: fc.subarray(["p1", "p2", "p3", "p4", "p5"], { maxLength: 2 }),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 4, max: 6 })
  }),
  { maxLength: 60 }
)
const toRecords = (
  xs: ReadonlyArray<{ channel: string; first: boolean; people: Array<string>; day: number; month: number }>
) =>
  xs.map((x, i) =>
    record(i, {
      personIds: x.people,
      at: new Date(Date.UTC(2026, x.month - 1, x.day, 10)).toISOString(),
      facets: { channel: x.channel, firstContact: x.first }
    })
  )

describe("rates", () => {
  const rate = (of: "records" | "people", threshold: number) =>
    define({
      kind: "contact",
      dimensions: [{ by: "channel", values: ["street", "online", "school"] }],
      measure: { rate: { of, where: [{ by: "firstContact", in: [true] }] } }
    }, threshold)

  it("shows numerator and the rest of the denominator, and the share only where both are shown", () => {
    fc.assert(
      fc.property(
        arbContacts,
        fc.constantFrom("records" as const, "people" as const),
        fc.integer({ min: 1, max: 6 }),
        (xs, of, threshold) => {
          const records = toRecords(xs)
          const result = runOn(rate(of, threshold), records)
          const table = result.table as SuppressedTwoWay
          expect(table.columns.values).toEqual(["numerator", "rest"])
          ;["street", "online", "school"].forEach((channel, i) => {
            const mine = records.filter((r) => r.facets.channel === channel)
            const count = (rs: ReadonlyArray<StoredRecord>) =>
              of === "records" ? rs.length : new Set(rs.flatMap((r) => r.personIds)).size
            const denominator = count(mine)
            const numerator = count(mine.filter((r) => r.facets.firstContact === true))
            const [part, rest] = table.cells[i]!
            const total = table.rowTotals[i]!
            if (part?._tag === "Value") expect(part.count).toBe(numerator)
            if (rest?._tag === "Value") expect(rest.count).toBe(denominator - numerator)
            if (total._tag === "Value") expect(total.count).toBe(denominator)
            const shown = part?._tag === "Value" && total._tag === "Value" && denominator > 0
            expect(result.rates!.rows[i]).toBe(shown ? numerator / denominator : null)
            // A small numerator or denominator is never shown, nor its share.
            if ((numerator > 0 && numerator < threshold) || (denominator > 0 && denominator < threshold)) {
              expect(result.rates!.rows[i]).toBeNull()
            }
          })
        }
      )
    )
  })
})

describe("rates of sums: the share one facet makes of another", () => {
  const share = (threshold: number) =>
    define({
      kind: "contact",
      dimensions: [{ by: "channel", values: ["street", "online", "school"] }],
      measure: { rate: { sum: { part: "newToService", whole: "participants" } } }
    }, threshold)
  const arbReached = fc.array(
    fc.record({ channel: fc.constantFrom("street", "online", "school"), participants: fc.integer({ min: 0, max: 40 }) })
      .chain((c) => fc.integer({ min: 0, max: c.participants }).map((newToService) => ({ ...c, newToService }))),
    { maxLength: 40 }
  )

  it("shows the part, the rest of the whole and the share per cell (model: sums per channel)", () => {
    fc.assert(
      fc.property(arbReached, fc.integer({ min: 1, max: 6 }), (xs, threshold) => {
        const records = xs.map((x, i) => record(i, { facets: x }))
        const result = runOn(share(threshold), records)
        const table = result.table as SuppressedTwoWay
        expect(table.columns.values).toEqual(["numerator", "rest"])
        ;["street", "online", "school"].forEach((channel, i) => {
          const mine = xs.filter((x) => x.channel === channel)
          const part = mine.reduce((n, x) => n + x.newToService, 0)
          const whole = mine.reduce((n, x) => n + x.participants, 0)
          const [shownPart, rest] = table.cells[i]!
          if (shownPart?._tag === "Value") expect(shownPart.count).toBe(part)
          if (rest?._tag === "Value") expect(rest.count).toBe(whole - part)
          const shown = shownPart?._tag === "Value" && table.rowTotals[i]!._tag === "Value" && whole > 0
          expect(result.rates!.rows[i]).toBe(shown ? part / whole : null)
        })
      })
    )
  })

  it("refuses a part or whole that is not a facet name, and needs no filters", () => {
    const bad = define({
      kind: "contact",
      dimensions: [{ by: "channel" }],
      measure: { rate: { sum: { part: "new to service", whole: "participants" } } }
    })
    const exit = Effect.runSyncExit(Report.run(bad, StoreModule.memoryOf([])))
    expect(JSON.stringify(exit)).toContain("query.measure.rate.sum")
    expect(Report.numeratorQuery(share(1))).toBeUndefined()
    expect(Report.toAggregateQuery(share(1)).sum).toEqual(["newToService", "participants"])
  })
})

describe("a rate in one aggregate", () => {
  const rate = define({
    kind: "contact",
    dimensions: [{ by: "channel" }],
    measure: { rate: { of: "people", where: [{ by: "firstContact", in: [true] }] } }
  }, 1)

  it("counts the numerator in the denominator's pass (the aggregate's part)", () => {
    fc.assert(
      fc.property(arbContacts, (xs) => {
        const store = StoreModule.memoryOf(toRecords(xs))
        const queries: Array<StoreModule.AggregateQuery> = []
        const counted = { aggregate: (q: StoreModule.AggregateQuery) => (queries.push(q), store.aggregate(q)) }
        const once = Effect.runSync(Report.run(rate, counted))
        expect(queries).toHaveLength(1)
        expect(queries[0]!.part).toEqual([{ by: "firstContact", in: [true] }])
        // The same table as the numerator asked for in an aggregate of its own.
        const { part: _, ...denominator } = queries[0]!
        const separate = Report.tabulate(
          rate,
          Effect.runSync(store.aggregate(denominator)),
          Effect.runSync(store.aggregate(Report.numeratorQuery(rate)!))
        )
        const combined = Report.tabulate(rate, Effect.runSync(store.aggregate(queries[0]!)))
        expect(Result.getOrThrow(combined)).toEqual(Result.getOrThrow(separate))
        expect(once.table._tag).toBe("TwoWay")
      })
    )
  })

  it("refuses a store's rows without the part, naming the field", () => {
    const store = StoreModule.memoryOf(
      toRecords([{ channel: "street", first: true, people: ["p1"], day: 1, month: 4 }])
    )
    const partless = {
      aggregate: (q: StoreModule.AggregateQuery) =>
        Effect.map(store.aggregate(q), (rows) => rows.map(({ part: _, ...row }) => row))
    }
    const error = Effect.runSync(Effect.flip(Report.run(rate, partless)))
    expect(error._tag === "InvalidReport" && [error.field, error.rule]).toEqual([
      "rows[0].part",
      "returned by the store when a rate is counted"
    ])
  })
})

describe("change per person", () => {
  const arbMeasurements = fc.array(
    fc.record({
      person: fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6"),
      indicator: fc.constantFrom("debt", "housing"),
      value: fc.integer({ min: 1, max: 4 }),
      day: fc.integer({ min: 1, max: 28 })
    }),
    { maxLength: 40 }
  )

  it("counts each person's first against last measurement per indicator: improved, same, worse", () => {
    fc.assert(
      fc.property(arbMeasurements, (xs) => {
        const records = xs.map((x, i) =>
          record(i, {
            kind: "measurement",
            personIds: [x.person],
            at: new Date(Date.UTC(2026, 4, x.day, 10)).toISOString(),
            facets: { indicator: x.indicator, value: x.value }
          })
        )
        const result = runOn(
          define({
            kind: "measurement",
            dimensions: [{ by: "indicator", values: ["debt", "housing"] }],
            measure: { change: "value" }
          }, 1),
          records
        )
        const table = result.table as SuppressedTwoWay
        expect(table.columns.values).toEqual(["improved", "same", "worse"])
        ;["debt", "housing"].forEach((indicator, i) => {
          const expected = [0, 0, 0]
          for (const person of new Set(records.map((r) => r.personIds[0]!))) {
            const theirs = records
              .filter((r) => r.facets.indicator === indicator && r.personIds[0] === person)
              .sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : a.id < b.id ? -1 : 1))
            if (theirs.length === 0) continue
            const first = theirs[0]!.facets.value as number
            const last = theirs[theirs.length - 1]!.facets.value as number
            expected[last > first ? 0 : last === first ? 1 : 2]! += 1
          }
          expect(table.cells[i]!.map(show)).toEqual(expected)
        })
      })
    )
  })

  it("ranks categories by the definition's order, worst first", () => {
    const m = (i: number, person: string, day: number, value: FacetValue) =>
      record(i, {
        kind: "measurement",
        personIds: [person],
        at: `2026-05-${day}T10:00:00.000Z`,
        facets: { indicator: "housing", value }
      })
    const result = runOn(
      define({
        kind: "measurement",
        dimensions: [{ by: "indicator" }],
        measure: { change: "value", order: ["street", "shelter", "flat"] }
      }, 1),
      [
        m(1, "p1", 10, "street"),
        m(2, "p1", 20, "flat"),
        m(3, "p2", 10, "flat"),
        m(4, "p2", 20, "shelter"),
        m(5, "p3", 11, "unknown")
      ]
    )
    expect((result.table as SuppressedTwoWay).cells[0]!.map(show)).toEqual([1, 0, 1])
  })
})

describe("up to four dimensions", () => {
  it("lays out the last dimension as columns and every combination of the others as a row", () => {
    fc.assert(
      fc.property(arbContacts, (xs) => {
        const records = toRecords(xs)
        const result = runOn(
          define({ kind: "contact", dimensions: [{ by: "month" }, { by: "firstContact" }, { by: "channel" }] }, 1),
          records
        )
        const table = result.table as SuppressedTwoWay
        result.rowKeys.forEach(([month, first], i) => {
          table.columns.values.forEach((channel, j) => {
            const naive = records.filter((r) =>
              r.at!.slice(0, 7) === month && r.facets.firstContact === first && r.facets.channel === channel
            ).length
            expect(show(table.cells[i]![j])).toBe(naive)
          })
        })
        expect(show(table.total)).toBe(records.length)
      })
    )
  })

  it("refuses a fifth dimension and a repeated one, naming the field", () => {
    const exit = Effect.runSyncExit(Report.run(
      define({
        kind: "contact",
        dimensions: [{ by: "a" }, { by: "b" }, { by: "c" }, { by: "d" }, { by: "e" }] as never
      }),
      StoreModule.memoryOf([])
    ))
    expect(JSON.stringify(exit)).toContain("query.dimensions")
  })
})

describe("runs consistent across periods and services", () => {
  const definition = define({
    kind: "contact",
    dimensions: [{ by: "channel", values: ["street", "online", "school"] }]
  })
  /** Each cell of a result (margins included) by its values: its count, or undefined when hidden. */
  const cellsOf = (result: Report.ReportResult) => {
    const t = result.table
    if (t._tag !== "OneWay") throw new Error("expected a one-way table")
    const out = new Map<string, number | undefined>()
    t.cells.forEach((c, i) => out.set(JSON.stringify(result.rowKeys[i]), c._tag === "Value" ? c.count : undefined))
    out.set("total", t.total._tag === "Value" ? t.total.count : undefined)
    return out
  }
  /**
   * The differencing attacker: for every cell the whole shows, the whole minus the parts that
   * show it is what the hiding parts add up to; it must not be small (0 included) when a part
   * hides it. And a cell the whole hides must be hidden in some part, or everything is hidden.
   */
  const expectConsistent = (whole: Report.ReportResult, parts: ReadonlyArray<Report.ReportResult>) => {
    const w = cellsOf(whole)
    const ps = parts.map(cellsOf)
    const all = [...w.values()].every((v) => v === undefined)
    for (const [key, value] of w) {
      const hiding = ps.filter((p) => p.has(key) && p.get(key) === undefined).length
      if (value !== undefined && hiding > 0) {
        const residual = value - ps.reduce((acc, p) => acc + (p.get(key) ?? 0), 0)
        expect(residual, key).toBeGreaterThanOrEqual(whole.threshold)
      }
      if (value === undefined && !all) expect(hiding, key).toBeGreaterThan(0)
    }
  }

  it("a quarter minus its other months never gives a hidden cell of a month away", () => {
    fc.assert(
      fc.property(arbContacts, (xs) => {
        const store = StoreModule.memoryOf(toRecords(xs))
        const run = (period: string) =>
          Effect.runSync(Periods.runConsistent(definition, store, { serviceId: "club", period }))
        expectConsistent(run("2026-Q2"), ["2026-04", "2026-05", "2026-06"].map(run))
      }),
      { numRuns: 80 }
    )
  })

  it("a year minus what its quarters and their months show never gives a month's hidden cell away", () => {
    // The attacker has every run of the year: the year, its quarters and their months. For a cell
    // the year shows, the most they can subtract is each quarter's value where it shows, else the
    // values its months show; what is left is what the hiding months add up to, and it must not
    // be small (below the threshold) when some month hides the cell.
    const arbYear = fc.array(
      fc.record({
        channel: fc.constantFrom("street", "online", "school"),
        first: fc.boolean(),
        people: fc.constant([] as Array<string>),
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.integer({ min: 1, max: 12 })
      }),
      { maxLength: 200 }
    )
    // Found by hand first: December's one street contact, October's and November's five each.
    const dense = (month: number, n: number) =>
      Array.from(
        { length: n },
        (_, day) => ({ channel: "street" as const, first: false, people: [] as Array<string>, day: day + 1, month })
      )
    const handMade = [...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap((m) => dense(m, 5)), ...dense(12, 1)]
    let leaksFound = 0
    fc.assert(
      fc.property(arbYear, (xs) => {
        const store = StoreModule.memoryOf(toRecords(xs))
        const run = (period: string) =>
          cellsOf(Effect.runSync(Periods.runConsistent(definition, store, { serviceId: "club", period })))
        const year = Effect.runSync(Periods.runConsistent(definition, store, { serviceId: "club", period: "2026" }))
        const quarters = Periods.partsOf("2026").map((q) => ({ q: run(q), months: Periods.partsOf(q).map(run) }))
        for (const [key, value] of cellsOf(year)) {
          if (value === undefined) continue
          let shown = 0
          let hiding = 0
          for (const { months, q } of quarters) {
            const inQuarter = q.get(key)
            if (inQuarter !== undefined) shown += inQuarter
            for (const m of months) {
              if (m.has(key) && m.get(key) === undefined) hiding++
              else if (inQuarter === undefined) shown += m.get(key) ?? 0
            }
          }
          if (hiding > 0 && value - shown < year.threshold) leaksFound++
          if (hiding > 0) expect(value - shown, key).toBeGreaterThanOrEqual(year.threshold)
        }
      }),
      { numRuns: 80, examples: [[handMade]] }
    )
    expect(leaksFound).toBe(0)
  })

  it("an organisation-wide total minus the other services never gives a service's hidden cell away", () => {
    fc.assert(
      fc.property(arbContacts, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (xs, which) => {
        const records = toRecords(xs).map((r, i) => ({ ...r, serviceId: which[i] ? "club" : "street" }))
        const store = StoreModule.memoryOf(records)
        const run = (serviceId?: string) =>
          Effect.runSync(Periods.runConsistent(definition, store, {
            period: "2026-05",
            ...(serviceId !== undefined ? { serviceId } : { services: ["club", "street"] })
          }))
        expectConsistent(run(), [run("club"), run("street")])
      }),
      { numRuns: 60 }
    )
  })

  it("names the period of a window that bounds one exactly, and refuses none other", () => {
    expect(Periods.periodOf("2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z")).toBe("2026-05")
    expect(Periods.periodOf("2026-04-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z")).toBe("2026-Q2")
    expect(Periods.periodOf("2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z")).toBe("2026")
    expect(Periods.periodOf("2026-05-01T00:00:00.000Z", "2026-05-21T00:00:00.000Z")).toBeUndefined()
    expect(Periods.partsOf("2026")).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
    expect(Periods.partsOf("2026-Q2")).toEqual(["2026-04", "2026-05", "2026-06"])
    expect(Periods.partsOf("2026-05")).toEqual([])
    void Suppression
  })
})
