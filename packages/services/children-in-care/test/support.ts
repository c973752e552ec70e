import { Activity, Contact, type Facts, Records, Report, type Store } from "@pomoc/core"
import { storeOfIndexed } from "@pomoc/core/testing"
import { Effect, Schema } from "effect"

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

/** A memory store over indexed records (core's GROUP BY, not a hand-written one). */
export const storeOf = (records: ReadonlyArray<Indexed>): Store.StoreShape => storeOfIndexed(records)

/** Runs a report over indexed records. */
export const runReport = (definition: Report.ReportDefinition, records: ReadonlyArray<Indexed>) =>
  Effect.runSync(Report.run(definition, storeOf(records)))

/** Facts with a service of a given type. */
export const withService = (facts: Facts.Facts, type: string): Facts.Facts => ({
  ...facts,
  service: { ...facts.service, type }
})

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
