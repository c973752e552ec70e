import { Effect, Exit, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { PluginReport } from "../../src/plugins/Plugin.js"
import { Report, Suppression } from "../../src/reports/index.js"
import type { Cell, ReportDefinition, SuppressedOneWay, SuppressedTwoWay } from "../../src/reports/index.js"
import * as StoreModule from "../../src/Store.js"
import type { AggregateQuery, FacetValue, RecordKind, StoreShape } from "../../src/Store.js"

/** A record as the fake store keeps it: only what `aggregate` reads. */
interface FakeRecord {
  readonly kind: RecordKind
  readonly serviceId: string
  readonly at: string
  readonly personIds: ReadonlyArray<string>
  readonly facets: Readonly<Record<string, FacetValue>>
  readonly tags: ReadonlyArray<string>
}

/** The memory store over the records, remembering the aggregate queries it got. */
const fakeStore = (records: ReadonlyArray<FakeRecord>) => {
  const queries: Array<AggregateQuery> = []
  const store = StoreModule.memoryOf(
    records.map((r, i) => ({ ...r, id: (r as { readonly id?: string }).id ?? `r-${i}`, version: 1, data: null }))
  )
  const aggregate = (q: AggregateQuery) =>
    Effect.suspend(() => {
      queries.push(q)
      return store.aggregate(q)
    })
  return { aggregate, queries }
}

const labels = {
  en: "Contacts by channel",
  cs: "Kontakty podle kanálu",
  lt: "Kontaktai pagal kanalą",
  bg: "Контакти по канал"
}
const contact = (channel: string, at: string, extra: Partial<FakeRecord> = {}): FakeRecord => ({
  kind: "contact",
  serviceId: "club",
  at,
  personIds: [],
  facets: { channel },
  tags: [],
  ...extra
})
const repeat = (n: number, make: (i: number) => FakeRecord) => Array.from({ length: n }, (_, i) => make(i))
const show = (c: Cell) => (c._tag === "Value" ? c.count : "x")
const run = (def: ReportDefinition, records: ReadonlyArray<FakeRecord>, options?: Report.RunOptions) => {
  const store = fakeStore(records)
  return { result: Effect.runSync(Report.run(def, store, options)), queries: store.queries }
}

const byChannel = Report.define({
  id: "contacts-by-channel",
  labels,
  question: "how-much",
  query: { kind: "contact", dimensions: [{ by: "channel", values: ["in-person", "phone", "social-network"] }] }
})

describe("Report.define", () => {
  it("keeps the id's literal type and satisfies the plugin contract", () => {
    const asPluginReport: PluginReport = byChannel
    const id: "contacts-by-channel" = byChannel.id
    expect(asPluginReport.question).toBe("how-much")
    expect(id).toBe("contacts-by-channel")
  })
})

describe("Report.run", () => {
  const records = [
    ...repeat(12, (i) => contact("in-person", `2026-03-${String(1 + i).padStart(2, "0")}T10:00:00Z`)),
    ...repeat(2, () => contact("phone", "2026-03-05T10:00:00Z")),
    ...repeat(9, () => contact("online-game", "2026-03-06T10:00:00Z")),
    contact("in-person", "2026-04-01T10:00:00Z"), // outside the period
    contact("in-person", "2026-03-01T10:00:00Z", { serviceId: "other" }) // another service
  ]

  it("aggregates through the store with the definition's grouping and the run's scope, then suppresses", () => {
    const { queries, result } = run(byChannel, records, { serviceId: "club", from: "2026-03-01", to: "2026-04-01" })
    expect(queries).toEqual([{
      kind: "contact",
      groupBy: ["channel"],
      serviceId: "club",
      from: "2026-03-01",
      to: "2026-04-01"
    }])
    const table = result.table as SuppressedOneWay
    // Declared values first (a declared value nobody used shows 0), then the data's own, sorted.
    expect(table.dimension.values).toEqual(["in-person", "phone", "social-network", "online-game"])
    expect(table.cells.map(show)).toEqual([12, "x", 0, "x"])
    expect(show(table.total)).toBe(23)
    expect(result).toMatchObject({
      reportId: "contacts-by-channel",
      question: "how-much",
      measure: "records",
      threshold: 5,
      suppressZeros: false,
      smallestVisibleCount: 12,
      scope: { serviceId: "club", from: "2026-03-01", to: "2026-04-01" }
    })
  })

  it("never lets a run lower the definition's threshold, but lets it raise it", () => {
    const strict = { ...byChannel, suppression: { threshold: 10 } }
    expect(run(strict, records, { threshold: 3 }).result.threshold).toBe(10)
    expect(run(strict, records, { threshold: 14 }).result.threshold).toBe(14)
    // In the club: in-person 13, phone 2, social-network 0, online-game 9, total 24.
    expect(
      (run(strict, records, { threshold: 13, serviceId: "club" }).result.table as SuppressedOneWay).cells.map(show)
    ).toEqual([13, "x", 0, "x"])
    expect(
      (run(strict, records, { threshold: 14, serviceId: "club" }).result.table as SuppressedOneWay).cells.map(show)
    ).toEqual(["x", "x", 0, "x"])
  })

  it("counts distinct people in a two-way table (age band × month)", () => {
    const people = [
      ...repeat(
        8,
        (i) => ({ ...contact("in-person", "2026-01-10T10:00:00Z"), personIds: [`p${i}`], facets: { ageBand: "15-17" } })
      ),
      // The same person twice in one month counts once.
      ...repeat(
        2,
        () => ({ ...contact("in-person", "2026-01-11T10:00:00Z"), personIds: ["p0"], facets: { ageBand: "15-17" } })
      ),
      ...repeat(
        6,
        (i) => ({ ...contact("in-person", "2026-02-10T10:00:00Z"), personIds: [`q${i}`], facets: { ageBand: "15-17" } })
      ),
      ...repeat(
        3,
        (i) => ({ ...contact("in-person", "2026-01-10T10:00:00Z"), personIds: [`r${i}`], facets: { ageBand: "18-26" } })
      ),
      ...repeat(
        7,
        (i) => ({ ...contact("in-person", "2026-02-10T10:00:00Z"), personIds: [`s${i}`], facets: { ageBand: "18-26" } })
      )
    ]
    const def = Report.define({
      id: "people-by-age-and-month",
      labels,
      question: "how-much",
      query: { kind: "contact", dimensions: [{ by: "ageBand" }, { by: "month" }], measure: "people" }
    })
    const { queries, result } = run(def, people)
    expect(queries[0]).toEqual({ kind: "contact", groupBy: ["ageBand", "month"], distinctPeople: true })
    const t = result.table as SuppressedTwoWay
    expect(t.rows.values).toEqual(["15-17", "18-26"])
    expect(t.columns.values).toEqual(["2026-01", "2026-02"])
    // 3 is small; its row and column need complements, and the 2×2 rectangle closes it.
    expect(t.cells.map((r) => r.map(show))).toEqual([["x", "x"], ["x", "x"]])
    expect(t.rowTotals.map(show)).toEqual([14, 10])
    expect(t.columnTotals.map(show)).toEqual([11, 13])
    expect(show(t.total)).toBe(24)
  })

  it("counts people by code (peopleBy: \"code\"): people whose records hold the same code count once", () => {
    // Twelve people in May; p0..p5 were registered twice each (p0 and p1 hold one code, ...).
    const people = repeat(12, (i) => ({ ...contact("in-person", "2026-05-03T10:00:00Z"), personIds: [`p${i}`] }))
    const persons = repeat(12, (i) => ({
      ...contact("in-person", "2026-01-01T00:00:00Z"),
      kind: "person" as const,
      id: `p${i}`,
      personIds: [`p${i}`],
      facets: {},
      ...(i < 6 ? { lookup: [`ps1-code${Math.floor(i / 2)}.code`, `ps1-nick${i}`] } : {})
    }))
    const byId = Report.define({
      id: "people",
      labels,
      question: "how-much",
      query: { kind: "contact", dimensions: [{ by: "channel" }], measure: "people" }
    })
    const byCode = Report.define({ ...byId, query: { ...byId.query, peopleBy: "code" } })
    const counted = (def: ReportDefinition) => {
      const { queries, result } = run(def, [...people, ...persons], { threshold: 1 })
      const t = result.table as SuppressedOneWay
      return { query: queries[0], cells: t.cells.map(show) }
    }
    expect(counted(byId)).toEqual({
      query: { kind: "contact", groupBy: ["channel"], distinctPeople: true },
      cells: [12]
    })
    // p0..p5 are three people by their codes; p6..p11 (no code) six by id.
    expect(counted(byCode)).toEqual({
      query: { kind: "contact", groupBy: ["channel"], distinctPeople: true, distinctBy: "code" },
      cells: [9]
    })
  })

  it("sums a numeric facet (anonymous visitors) and groups by tag", () => {
    const visits = [
      ...repeat(
        3,
        () => ({
          ...contact("in-person", "2026-05-01T10:00:00Z"),
          facets: { anonymousCount: 4 },
          tags: ["information", "leisure"]
        })
      ),
      ...repeat(
        1,
        () => ({
          ...contact("in-person", "2026-05-02T10:00:00Z"),
          facets: { anonymousCount: 2 },
          tags: ["crisis-intervention"]
        })
      )
    ]
    const def = Report.define({
      id: "anonymous-by-intervention",
      labels,
      question: "how-much",
      query: { kind: "contact", dimensions: [{ by: "tag" }], measure: { sum: "anonymousCount" } },
      suppression: { threshold: 3 }
    })
    const { queries, result } = run(def, visits)
    expect(queries[0]).toEqual({ kind: "contact", groupBy: ["tag"], sum: ["anonymousCount"] })
    const t = result.table as SuppressedOneWay
    expect(t.dimension.values).toEqual(["crisis-intervention", "information", "leisure"])
    // crisis-intervention 2 is small; of the two 12s the first is its complement.
    expect(t.cells.map(show)).toEqual(["x", "x", 12])
    expect(show(t.total)).toBe(26)
  })

  it("refuses a malformed definition with a typed error naming the field, before asking the store", () => {
    const bad = (query: ReportDefinition["query"], suppression?: ReportDefinition["suppression"]) => {
      const store = fakeStore([])
      const exit = Effect.runSyncExit(
        Report.run({ ...byChannel, query, ...(suppression ? { suppression } : {}) }, store)
      )
      expect(store.queries).toEqual([])
      if (Exit.isSuccess(exit)) throw new Error("expected a failure")
      const error = exit.cause.reasons[0]
      return error?._tag === "Fail" && error.error._tag === "InvalidReport" ? error.error.field : "other"
    }
    expect(bad({ kind: "contact", dimensions: [{ by: "channel; DROP TABLE" }] })).toBe("query.dimensions[0].by")
    expect(bad({ kind: "contact", dimensions: [{ by: "channel" }, { by: "channel" }] })).toBe("query.dimensions[1].by")
    expect(bad({ kind: "contact", dimensions: [{ by: "channel" }], measure: { sum: "1x" } })).toBe("query.measure.sum")
    expect(bad({ kind: "contact", dimensions: [] as never })).toBe("query.dimensions")
    expect(bad({ kind: "contact", dimensions: [{ by: "channel" }] }, { threshold: 0 })).toBe("suppression.threshold")
  })

  it("refuses a store answer it cannot count, without repeating the value", () => {
    const store: Pick<StoreShape, "aggregate"> = {
      aggregate: () => Effect.succeed([{ group: { channel: "phone" }, count: -42, sums: {} }])
    }
    const exit = Effect.runSyncExit(Report.run(byChannel, store).pipe(Effect.flip))
    expect(Exit.isSuccess(exit) && exit.value._tag === "InvalidReport" && exit.value.field).toBe("rows[0]")
    expect(Exit.isSuccess(exit) && exit.value.message).not.toContain("42")
  })

  it("passes the store's typed error through", () => {
    const store: Pick<StoreShape, "aggregate"> = {
      aggregate: () => Effect.fail(StoreModule.fail("aggregate", new StoreModule.Busy({ detail: "locked" })))
    }
    const error = Effect.runSync(Report.run(byChannel, store).pipe(Effect.flip))
    expect(error._tag).toBe("StoreError")
  })

  it("runs against the Store service of the context (runInStore)", () => {
    const store = fakeStore(records)
    const shape = { ...store, name: "fake" } as unknown as StoreShape
    const result = Effect.runSync(
      Report.runInStore(byChannel, { serviceId: "club" }).pipe(Effect.provideService(StoreModule.Store, shape))
    )
    expect(show(result.table.total)).toBe(24)
  })
})

describe("Report.run on random data (property)", () => {
  const channels = ["in-person", "phone", "e-mail", "social-network"]
  const months = ["2026-01", "2026-02", "2026-03"]
  const arbRecords = fc.array(
    fc.record({
      channel: fc.constantFrom(...channels),
      month: fc.constantFrom(...months),
      day: fc.integer({ min: 10, max: 28 })
    }),
    { maxLength: 60 }
  ).map((rs) => rs.map((r) => contact(r.channel, `${r.month}-${r.day}T12:00:00Z`)))

  it("shows exactly the naive counts where it shows anything, and nothing small", () => {
    const def = Report.define({
      id: "contacts-by-channel-and-month",
      labels,
      question: "how-much",
      query: { kind: "contact", dimensions: [{ by: "channel", values: channels }, { by: "month", values: months }] }
    })
    fc.assert(
      fc.property(arbRecords, fc.integer({ min: 1, max: 8 }), (records, threshold) => {
        const t = run({ ...def, suppression: { threshold } }, records).result.table as SuppressedTwoWay
        channels.forEach((ch, i) =>
          months.forEach((m, j) => {
            const naive = records.filter((r) => r.facets["channel"] === ch && r.at.startsWith(m)).length
            const c = t.cells[i]![j]!
            if (c._tag === "Value") {
              expect(c.count).toBe(naive)
              expect(naive === 0 || naive >= threshold).toBe(true)
            }
          })
        )
        expect(t.total).toEqual(
          records.length === 0 || records.length >= threshold
            ? { _tag: "Value", count: records.length }
            : { _tag: "Suppressed" }
        )
        // Same as suppressing the naive table directly.
        const naiveTable = {
          _tag: "TwoWay" as const,
          rows: { name: "channel", values: channels },
          columns: { name: "month", values: months },
          counts: channels.map((ch) =>
            months.map((m) => records.filter((r) => r.facets["channel"] === ch && r.at.startsWith(m)).length)
          )
        }
        expect(t).toEqual(Result.getOrThrow(Suppression.apply(naiveTable, { threshold })))
      }),
      { numRuns: 300 }
    )
  })
})
