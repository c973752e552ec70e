import { Effect, Schema } from "effect"
import { Activity, Contact, type Facts, Records, Report, type Store } from "@pomoc/core"

/** An activity decoded from its encoded form, with defaults. */
export const activity = (fields: Partial<typeof Activity.Encoded>): Activity =>
  Schema.decodeUnknownSync(Activity)({
    id: "a-1",
    serviceId: "cic",
    kind: "training",
    title: "Training",
    startsAt: "2026-04-10T09:00:00.000Z",
    audience: "youth",
    forExternalStaff: false,
    attendees: [],
    anonymousAttendance: 10,
    ...fields
  })

type Indexed = Records.RecordIndex & { readonly kind: Store.RecordKind }

/** An activity as the case-work API indexes it. */
export const indexedActivity = (a: Activity): Indexed => ({ kind: "activity", ...Records.mappings.activity.index(a) })

/** A tiny `aggregate` over indexed records (group by facets or `tag`; sums). */
export const storeOf = (records: ReadonlyArray<Indexed>): Pick<Store.StoreShape, "aggregate"> => ({
  aggregate: (query) =>
    Effect.sync(() => {
      const groups = new Map<string, Store.AggregateRow>()
      for (const record of records) {
        if (record.kind !== query.kind) continue
        let keys: Array<Record<string, Store.FacetValue>> = [{}]
        for (const name of query.groupBy) {
          const values: ReadonlyArray<Store.FacetValue> = name === "tag" ? record.tags : [record.facets[name] ?? null]
          keys = keys.flatMap((k) => values.map((v) => ({ ...k, [name]: v })))
        }
        for (const group of keys) {
          const id = JSON.stringify(group)
          const row = groups.get(id) ?? { group, count: 0, sums: {} }
          const sums = Object.fromEntries((query.sum ?? []).map((s) => [s, (row.sums[s] ?? 0) + Number(record.facets[s] ?? 0)]))
          groups.set(id, { group, count: row.count + 1, sums })
        }
      }
      return [...groups.values()]
    })
})

/** Runs a report over indexed records. */
export const runReport = (definition: Report.ReportDefinition, records: ReadonlyArray<Indexed>) =>
  Effect.runSync(Report.run(definition, storeOf(records)))

/** Facts with a service of a given type. */
export const withService = (facts: Facts.Facts, type: string): Facts.Facts => ({ ...facts, service: { ...facts.service, type } })

/** A contact decoded from its encoded form, with defaults. */
export const contact = (fields: Partial<typeof Contact.Encoded>): Contact =>
  Schema.decodeUnknownSync(Contact)({
    id: "c-1",
    serviceId: "s-1",
    at: "2026-05-02T12:00:00.000Z",
    durationMinutes: 30,
    locationKind: "office",
    channel: "in-person",
    workers: ["w-1"],
    participants: [],
    anonymousCount: 1,
    interventions: [],
    firstContact: false,
    mode: "individual",
    ...fields
  })
