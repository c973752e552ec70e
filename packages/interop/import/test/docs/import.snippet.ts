import { Casework, FieldCrypto, KeyMaterial, Registry } from "@pomoc/core"
import { Import, Mapping, Sheet } from "@pomoc/import"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect, Layer } from "effect"

// The spreadsheet's columns, and the fields of `recordContact` they fill.
const contacts = Mapping.make({
  target: "contact",
  fixed: { serviceId: "club", locationKind: "club-premises", channel: "in-person" },
  columns: [
    { column: "Date", field: "at", type: "datetime", required: true },
    { column: "Minutes", field: "durationMinutes", type: "integer" },
    { column: "Young people", field: "anonymousCount", type: "integer" },
    { column: "What we did", field: "interventions", type: "list", separator: ",", values: { talk: "conversation", info: "information" } }
  ]
})

const csv = `Date;Minutes;Young people;What we did
2026-03-02 15:00;90;6;talk
2026-03-03 15:00;120;4;talk, info
`
const broken = `Date;Minutes;Young people;What we did
2026-03-02 15:00;ninety;6;talk
2026-02-30 15:00;120;4;talk
2026-03-04 15:00;60;3;fortune-telling
`

export const program = Effect.gen(function*() {
  const api = yield* Casework.Casework
  const eva = "eva" // the id the app's authentication gives; the staff directory holds her grants
  // (the staff, the organisation and its club are set up first: see docs/casework.md)
  const admin = "admin"
  yield* api.setupAdministrator(admin, {})
  yield* api.setStaff(admin, { id: eva, grants: [{ role: "worker", services: ["club"] }] })
  yield* api.registerOrganisation(admin, { id: "ostrov", name: "Ostrov z.s." })
  yield* api.registerService(admin, {
    id: "club", organisationId: "ostrov", type: "low-threshold-club", name: "NZDM Ostrov",
    targetGroup: { description: "Young people 12–20", ageRange: { min: 12, max: 20 } }, localities: [],
    principles: [...lowThresholdClub.principles], freeOfCharge: true, firstContactChannels: [], registeredAt: "2026-01-05T09:00:00.000Z"
  })

  const sheet = yield* Sheet.fromCsv(csv) // or Sheet.fromXlsx(bytes)
  const checked = yield* Import.run(api, eva, contacts, sheet, { dryRun: true }) // stores nothing
  const imported = yield* Import.run(api, eva, contacts, sheet) // both rows, in one unit of work
  // A file with broken rows: nothing is stored, and every problem is located.
  const refused = yield* Effect.flip(Import.run(api, eva, contacts, yield* Sheet.fromCsv(broken)))
  // row 2, column "Minutes" (durationMinutes): is not a whole number
  // row 3, column "Date" (at): is not a date and time (YYYY-MM-DD HH:MM or ISO 8601)
  // row 4, column "What we did" (interventions): … (the service type has no such intervention)
  return { checked, imported, refused }
}).pipe(Effect.provide(Casework.layer(Casework.configFromRegistry(Registry.makeUnsafe([lowThresholdClub]))).pipe(
  Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
  Layer.provide(MemoryStore.layer)
)))
