import { Activity, Contact, type Facts, Records, Report, type Store, Volunteer, VolunteerHours } from "@pomoc/core"
import { storeOfIndexed } from "@pomoc/core/testing"
import { Effect, Schema } from "effect"

/** An activity decoded from its encoded form, with defaults. */
export const activity = (fields: Partial<typeof Activity.Encoded>): Activity =>
  Schema.decodeUnknownSync(Activity)({
    id: "a-1",
    serviceId: "cc",
    kind: "event",
    title: "Event",
    startsAt: "2026-05-02T15:00:00.000Z",
    audience: "all",
    forExternalStaff: false,
    attendees: [],
    anonymousAttendance: 10,
    ...fields
  })

/** A volunteer decoded from its encoded form, with defaults. */
export const volunteer = (fields: Partial<typeof Volunteer.Encoded>): Volunteer =>
  Schema.decodeUnknownSync(Volunteer)({
    id: "v-1",
    organisationId: "org",
    displayName: "V",
    kind: "volunteer",
    ageGroup: "youth",
    since: "2026-01-01T00:00:00.000Z",
    skills: [],
    ...fields
  })

/** Volunteer hours decoded from their encoded form, with defaults. */
export const hours = (fields: Partial<typeof VolunteerHours.Encoded>): VolunteerHours =>
  Schema.decodeUnknownSync(VolunteerHours)({
    id: "h-1",
    volunteerId: "v-1",
    serviceId: "cc",
    on: "2026-05-02T00:00:00.000Z",
    hours: 4,
    ...fields
  })

type Indexed = Records.RecordIndex & { readonly kind: Store.RecordKind }

/** Records as the case-work API indexes them. */
export const indexed = {
  activity: (a: Activity): Indexed => ({ kind: "activity", ...Records.mappings.activity.index(a) }),
  volunteer: (v: Volunteer): Indexed => ({ kind: "volunteer", ...Records.mappings.volunteer.index(v) }),
  hours: (h: VolunteerHours): Indexed => ({ kind: "volunteer-hours", ...Records.mappings["volunteer-hours"].index(h) })
}

/** A memory store over indexed records (core's GROUP BY, not a hand-written one). */
export const storeOf = (records: ReadonlyArray<Indexed>): Store.StoreShape => storeOfIndexed(records)

/** Runs a report over indexed records. */
export const runReport = (definition: Report.ReportDefinition, records: ReadonlyArray<Indexed>) =>
  Effect.runSync(Report.run(definition, storeOf(records)))

/** Facts with the service's programme (and type) set. */
export const inProgramme = (facts: Facts.Facts, programme: string, type = "community-centre"): Facts.Facts => ({
  ...facts,
  service: { ...facts.service, type, config: { ...facts.service.config, programme } }
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
