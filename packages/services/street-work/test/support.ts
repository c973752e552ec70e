import { Effect, Schema } from "effect"
import { Contact, type Facts, Records, Report, type Store } from "@pomoc/core"

/** A contact decoded from its encoded form, with defaults for what a test does not care about. */
export const contact = (fields: Partial<typeof Contact.Encoded>): Contact =>
  Schema.decodeUnknownSync(Contact)({
    id: "c-1",
    serviceId: "sw",
    at: "2026-03-02T12:00:00.000Z",
    durationMinutes: 20,
    locationKind: "street-area",
    channel: "in-person",
    workers: ["w-1"],
    participants: [],
    anonymousCount: 1,
    interventions: [],
    firstContact: false,
    mode: "individual",
    ...fields
  })

/** Indexed contacts (as the case-work API stores them) behind a tiny `aggregate`. */
export const storeOf = (contacts: ReadonlyArray<Contact>): Pick<Store.StoreShape, "aggregate"> => {
  const records = contacts.map((c) => Records.mappings.contact.index(c))
  return {
    aggregate: (query) =>
      Effect.sync(() => {
        const groups = new Map<string, Store.AggregateRow>()
        for (const record of records) {
          let keys: Array<Record<string, Store.FacetValue>> = [{}]
          for (const name of query.groupBy) {
            const values: ReadonlyArray<Store.FacetValue> = name === "tag" ? record.tags : [record.facets[name] ?? null]
            keys = keys.flatMap((k) => values.map((v) => ({ ...k, [name]: v })))
          }
          for (const group of keys) {
            const id = JSON.stringify(group)
            const row = groups.get(id) ?? { group, count: 0, sums: {} }
            const sums = Object.fromEntries(
              (query.sum ?? []).map((s) => [s, (row.sums[s] ?? 0) + Number(record.facets[s] ?? 0)])
            )
            groups.set(id, { group, count: row.count + 1, sums })
          }
        }
        return [...groups.values()]
      })
  }
}

/** Runs a report over contacts and returns its suppressed table. */
export const runReport = (definition: Report.ReportDefinition, contacts: ReadonlyArray<Contact>) =>
  Effect.runSync(Report.run(definition, storeOf(contacts)))

/** Facts with a service of a given type (and optionally a person in an age band). */
export const withService = (facts: Facts.Facts, type: string): Facts.Facts => ({
  ...facts,
  service: { ...facts.service, type }
})
