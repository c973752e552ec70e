import { Location, Organisation, Service } from "@pomoc/core"
import { Export, Schemas, Tabular } from "@pomoc/hsds"
import { Schema } from "effect"

const organisation = Schema.decodeUnknownSync(Organisation)({ id: "ostrov", name: "Ostrov z.s.", country: "CZ" })
const club = Schema.decodeUnknownSync(Location)({
  id: "klub", organisationId: "ostrov", name: "Klub Ostrov", kind: "club-premises", confidential: false,
  municipality: "Praha", address: "Na Ostrově 12",
  schedule: [{ _tag: "Weekly", days: ["MO", "TU", "WE", "TH"], opensAt: "13:00", closesAt: "18:30" }]
})
const shelter = Schema.decodeUnknownSync(Location)({
  id: "byt", organisationId: "ostrov", name: "Safe flat", kind: "care-institution", confidential: true, address: "Secret 1"
})
const service = Schema.decodeUnknownSync(Service)({
  id: "nzdm", organisationId: "ostrov", type: "low-threshold-club", name: "NZDM Ostrov",
  targetGroup: { description: "Young people 12–20", ageRange: { min: 12, max: 20 } },
  localities: ["klub", "byt"], principles: ["low-threshold"], freeOfCharge: true, firstContactChannels: ["walk-in"],
  languages: [{ code: "cs" }, { code: "uk" }], registeredAt: "2026-03-02T14:00:00.000Z"
})

// The nested API form: one organisation document with its services and locations.
export const document = Export.toOrganization({ organisation, services: [service], locations: [club, shelter] })
export const problems = Schemas.validate("organization", document) // [] (valid HSDS 3.0)

// The tabular form, and the CSV data package (datapackage.json + one CSV file per table).
export const files = Tabular.toDataPackage(Tabular.toTables("organization", [document]))
// The shelter is confidential: it is in neither.
