import { FieldCrypto, KeyMaterial, Pomoc, Registry } from "@pomoc/core"
import { Import } from "@pomoc/hsds"
import { communityCentre } from "@pomoc/service-community-centre"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect, Layer } from "effect"

const registry = Registry.makeUnsafe([communityCentre])
const PomocLive = Pomoc.layer(Pomoc.configFromRegistry(registry)).pipe(
  Layer.provide(FieldCrypto.layer({ keys: { "2026": KeyMaterial.generate() }, current: "2026" })),
  Layer.provide(MemoryStore.layer)
)
const admin = "jana" // the id the app's authentication gives; the staff directory says she is an administrator

// A directory published by a city portal, in the HSDS tabular form.
const tables = {
  organization: [{ id: "5b0e9b6e-0a46-4d38-9a35-3f5e3c1c2a11", name: "Alytus community centre", description: "Socio-cultural services" }],
  service: [{
    id: "0f6f6d1e-4f7e-4d0b-8d8e-6a3c5a9f2b22", organization_id: "5b0e9b6e-0a46-4d38-9a35-3f5e3c1c2a11",
    name: "Open youth work", status: "active", eligibility_description: "Young people 14–29", minimum_age: 14, maximum_age: 29
  }],
  schedule: [{
    id: "7a9c1a4e-2b6f-4c3d-9e8f-1a2b3c4d5e66", service_id: "0f6f6d1e-4f7e-4d0b-8d8e-6a3c5a9f2b22",
    freq: "WEEKLY", byday: "TU,TH", opens_at: "15:00", closes_at: "19:00"
  }]
}

export const program = Effect.gen(function*() {
  const pomoc = yield* Pomoc.Pomoc
  yield* pomoc.setupAdministrator(admin, {}) // once, at installation
  const options = { serviceType: "community-centre", principles: [...communityCentre.principles] }
  // A broken copy: every problem comes back with its HSDS path, and nothing is stored.
  const broken = { ...tables, schedule: [{ ...tables.schedule[0]!, byday: "TUESDAY", closes_at: "19:00:30" }] }
  const refused = yield* Effect.flip(Import.importDocument(pomoc, admin, "tabular", broken, options))
  // refused.problems: [{ path: "$.schedule[0].closes_at", rule: "must be a time HH:MM or HH:MM:00 …" },
  //                    { path: "$.schedule[0].byday", rule: "Expected \"MO\" | \"TU\" | … (Pomoc schedule[0].days[0])" }]
  const plan = yield* Import.importDocument(pomoc, admin, "tabular", tables, options)
  return { refused, plan }
}).pipe(Effect.provide(PomocLive))
