import { Contact, type Facts, Records, Report, type Store } from "@pomoc/core"
import { storeOfIndexed } from "@pomoc/core/testing"
import { Effect, Schema } from "effect"

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

/** Indexed contacts (as the case-work API stores them) in a memory store. */
export const storeOf = (contacts: ReadonlyArray<Contact>): Store.StoreShape =>
  storeOfIndexed(contacts.map((c) => ({ kind: "contact", ...Records.mappings.contact.index(c) })))

/** Runs a report over contacts and returns its suppressed table. */
export const runReport = (definition: Report.ReportDefinition, contacts: ReadonlyArray<Contact>) =>
  Effect.runSync(Report.run(definition, storeOf(contacts)))

/** Facts with a service of a given type (and optionally a person in an age band). */
export const withService = (facts: Facts.Facts, type: string): Facts.Facts => ({
  ...facts,
  service: { ...facts.service, type }
})
