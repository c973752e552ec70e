/**
 * Report plans: on a fresh database with realistic data (several services, several years), every
 * report-shaped aggregate reads no more stored rows than the records of its kind, service and
 * period, before the database has statistics and after. A plan driven from elsewhere (from the
 * tags, say, with the period range-scanned per tag row) reads many times more and fails.
 * @since 0.2.0
 */
import type { Store } from "@pomoc/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { write } from "../Arbitraries.js"
import type { Check, RawProbe } from "../Harness.js"
import { storeCheck } from "../Harness.js"

const SERVICES = 8
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const
const channels = ["in-person", "phone", "online", "street"] as const
const interventions = ["conversation", "information", "crisis", "leisure", "referral", "counselling"] as const

/** Contacts spread over services and years (and their people), as a year of work in many services. */
const contacts = (from: number, count: number): Array<Store.RecordWrite> =>
  Array.from({ length: count }, (_, k) => {
    const n = from + k
    const year = YEARS[Math.floor(n / SERVICES) % YEARS.length]!
    const at = new Date(Date.UTC(year, 0, 1) + ((n * 7919) % (365 * 24 * 60)) * 60_000).toISOString()
    return write("contact", `contact-${n}`, 0, {
      serviceId: `service-${n % SERVICES}`,
      personIds: [`person-${n % 997}`],
      at,
      facets: {
        channel: channels[n % channels.length]!,
        participants: 1 + (n % 3),
        firstContactChannel: n % 11 === 0 ? "street" : null
      },
      tags: [interventions[n % interventions.length]!, interventions[(n >> 2) % interventions.length]!]
    })
  })

const people = (count: number): Array<Store.RecordWrite> =>
  Array.from({ length: count }, (_, n) =>
    write("person", `person-${n}`, 0, {
      serviceId: `service-${n % SERVICES}`,
      personIds: [`person-${n}`],
      at: new Date(Date.UTC(YEARS[Math.floor(n / SERVICES) % YEARS.length]!, n % 12, 1 + (n % 28))).toISOString(),
      facets: {
        ageBand: ["15-17", "18-20", "21-26"][n % 3]!,
        identityLevel: n % 2 === 0 ? "anonymous" : "pseudonymous"
      },
      tags: [interventions[n % interventions.length]!]
    }))

const year = { from: "2025-01-01T00:00:00.000Z", to: "2026-01-01T00:00:00.000Z" }

/** Report-shaped queries, as the service plugins' reports run them. */
const reports: ReadonlyArray<Store.AggregateQuery> = [
  { kind: "contact", serviceId: "service-3", ...year, groupBy: ["tag"], sum: ["participants"] },
  { kind: "contact", serviceId: "service-3", ...year, groupBy: ["tag"], distinctPeople: true },
  { kind: "contact", serviceId: "service-3", ...year, groupBy: ["firstContactChannel", "tag"], sum: ["participants"] },
  { kind: "contact", serviceId: "service-3", ...year, groupBy: ["channel"], sum: ["participants"] },
  { kind: "contact", serviceId: "service-3", ...year, groupBy: ["month"], sum: ["participants"] },
  { kind: "person", serviceId: "service-3", ...year, groupBy: ["identityLevel", "ageBand"], distinctPeople: true },
  // Across the organisation: the period's records of every service.
  { kind: "contact", ...year, groupBy: ["tag"], sum: ["participants"] }
]

const inPeriod = (records: ReadonlyArray<Store.RecordWrite>, q: Store.AggregateQuery): number =>
  records.filter((r) =>
    r.kind === q.kind && (q.serviceId === undefined || r.serviceId === q.serviceId) && r.at !== null &&
    (q.from === undefined || r.at >= q.from) && (q.to === undefined || r.at < q.to)
  ).length

const expectPeriodDriven = (probe: RawProbe, records: ReadonlyArray<Store.RecordWrite>, when: string) =>
  Effect.forEach(reports, (query) =>
    Effect.gen(function*() {
      const { plan, rowsRead } = yield* Effect.promise(() => probe.aggregatePlan!(query))
      const limit = inPeriod(records, query)
      expect(limit).toBeGreaterThan(0)
      expect(
        rowsRead,
        `${when}: ${JSON.stringify(query)} reads ${rowsRead} rows for ${limit} records in the period; plan:\n${plan}`
      )
        .toBeLessThanOrEqual(limit)
    }), { discard: true })

/**
 * The report-plan sub-suite (runs when the probe has `aggregatePlan`).
 * @since 0.2.0
 * @category constructors
 */
export const reportPlans: ReadonlyArray<Check> = [
  storeCheck(
    "every report reads only its service's and period's records, after small commits and after a bulk import (probe.aggregatePlan)",
    (store, probe) =>
      Effect.gen(function*() {
        if (probe?.aggregatePlan === undefined) return
        const written: Array<Store.RecordWrite> = people(997)
        yield* store.commit({ writes: written, audit: [] })
        // Small commits first, as a service records its work (on SQLite: no statistics yet).
        for (let n = 0; n < 4000; n += 250) {
          const batch = contacts(n, 250)
          yield* store.commit({ writes: batch, audit: [] })
          written.push(...batch)
        }
        yield* expectPeriodDriven(probe, written, "after small commits")
        // Then a bulk import, after which a store refreshes its statistics.
        const bulk = contacts(4000, 12_000)
        yield* store.commit({ writes: bulk, audit: [] })
        written.push(...bulk)
        yield* expectPeriodDriven(probe, written, "after a bulk import")
      })
  )
]

const sampleQueries: ReadonlyArray<Store.AggregateQuery> = [
  { kind: "contact", groupBy: ["tag"], sum: ["n"], distinctPeople: true },
  {
    kind: "contact",
    serviceId: "service-1",
    from: "2026-01-01T00:00:00.000Z",
    to: "2027-01-01T00:00:00.000Z",
    groupBy: ["channel", "month"],
    sum: ["n"]
  }
]

/**
 * A few records (a repeated tag, fractional sums, several people, another service) and the
 * answers of report queries over them: for an adapter's migration tests, whose reports must
 * answer the same after a schema upgrade. `record` commits the records and answers; `answer`
 * only answers. By tag, `a` counts 1 record and 2 people, `b` 2 records and 3 people.
 * @since 0.2.0
 * @category constructors
 */
export const reportSample = {
  /** Writes the sample records, then answers the sample report queries. */
  record: (store: Store.StoreShape) =>
    Effect.andThen(
      store.commit({
        writes: [
          write("contact", "c1", 0, {
            serviceId: "service-1",
            at: "2026-02-03T10:00:00.000Z",
            tags: ["a", "b", "a"],
            personIds: ["p1", "p2"],
            facets: { channel: "visit", n: 2 }
          }),
          write("contact", "c2", 0, {
            serviceId: "service-1",
            at: "2026-03-01T00:00:00.000Z",
            tags: ["b"],
            personIds: ["p3"],
            facets: { channel: "phone", n: 1.5 }
          }),
          write("contact", "c3", 0, { serviceId: "service-2", at: "2026-02-03T10:00:00.000Z", personIds: ["p1"] })
        ],
        audit: []
      }),
      reportSample.answer(store)
    ),
  /** Answers the sample report queries over what is stored. */
  answer: (store: Store.StoreShape) => Effect.forEach(sampleQueries, (q) => store.aggregate(q))
}
