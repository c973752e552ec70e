/**
 * The column mappings of a club's spreadsheets, written once for the import property test and
 * `bench/import` (which loads this file at run time): its young people, and its contacts.
 */
import { Mapping } from "../src/index.js"

/** People: `ID`, `Nickname`, `Age` (an age band); pseudonymous, of the club. */
export const people = Mapping.make({
  target: "person",
  fixed: {
    serviceId: "club",
    identityLevel: "pseudonymous",
    gender: "not-stated",
    registeredAt: "2026-01-01T00:00:00.000Z"
  },
  columns: [{ column: "ID", field: "id" }, { column: "Nickname", field: "nickname" }, {
    column: "Age",
    field: "ageBand"
  }]
})

/** Contacts at the club's premises, in person. */
export const contacts = Mapping.make({
  target: "contact",
  fixed: { serviceId: "club", locationKind: "club-premises", channel: "in-person" },
  columns: [
    { column: "ID", field: "id" },
    { column: "When", field: "at", type: "datetime" },
    { column: "Minutes", field: "durationMinutes", type: "integer" },
    { column: "People", field: "participants", type: "list" },
    { column: "Anonymous", field: "anonymousCount", type: "integer" },
    { column: "Interventions", field: "interventions", type: "list" },
    { column: "Note", field: "note" }
  ]
})

/** The contacts sheet's header row, in the mapping's order. */
export const contactsHeader: ReadonlyArray<string> = contacts.columns.map((c) => c.column)
