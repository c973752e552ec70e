/**
 * Derived outcomes (issue 14): `deriveOutcomes` runs a service type's derivations over a person's
 * history and stores each value as a measurement marked with the rule that derived it. Compared
 * with a naive model (the plugin's derivations called on the contacts as they were given) over
 * random histories; access-checked, audited without personal data, and never stored twice.
 */
import { Casework, Contact, FieldCrypto, KeyMaterial, Registry, StaffDirectory, Store } from "@pomoc/core"
import { streetWork } from "@pomoc/service-street-work"
import { DateTime, Effect, Layer, ManagedRuntime, Schema } from "effect"
import * as fc from "fast-check"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

const registry = Registry.makeUnsafe([streetWork])
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["sw"] }] }
const volunteer = { id: "ana", grants: [{ role: "volunteer", services: ["sw"] }] }
const auditor = { id: "ola", grants: [{ role: "auditor", services: "*" }] }

type Api = Casework.Api
type Runtime = ManagedRuntime.ManagedRuntime<Casework.Casework | Store.Store, unknown>

const personInput = (id: string) => ({
  _tag: "pseudonymous" as const,
  id,
  serviceId: "sw",
  sharedWith: [],
  ageBand: "15-17" as const,
  gender: "male" as const,
  needs: [],
  registeredAt: "2026-01-02T00:00:00.000Z",
  nickname: id
})

/** A street-work service of the organisation. */
const streetService = (id: string, name: string) => ({
  id,
  organisationId: "org",
  type: "street-work",
  name,
  targetGroup: { description: "young people", ageRange: { min: 11, max: 26 } },
  localities: [],
  principles: [...streetWork.principles],
  freeOfCharge: true,
  firstContactChannels: ["street-work"],
  registeredAt: "2026-01-01T00:00:00.000Z"
})

const setUp = async (extra: ReadonlyArray<typeof worker> = []): Promise<Runtime> => {
  const runtime = ManagedRuntime.make(
    Casework.layer(Casework.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker, volunteer, auditor, ...extra])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provideMerge(Store.layerMemory)
    )
  )
  const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f))
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  await run((api) => api.registerService(admin, streetService("sw", "Street work")))
  for (const id of ["kuba", "tom"]) {
    await run((api) => api.registerPerson(worker, personInput(id)))
  }
  return runtime
}

const use = (runtime: Runtime) => ({
  run: <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f)),
  fail: <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flip(Casework.Casework.use(f)))
})

const day = (d: number) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString()
const arbContact = fc.record({
  day: fc.integer({ min: 0, max: 80 }),
  firstContact: fc.boolean(),
  interventions: fc.subarray(["contact", "conversation", "information", "counselling", "crisis-intervention"], {
    minLength: 1
  })
})
const contactInput = (c: { day: number; firstContact: boolean; interventions: Array<string> }, personId: string) => ({
  serviceId: "sw",
  at: day(c.day),
  durationMinutes: 20,
  locationKind: "street-area",
  channel: "in-person",
  workers: ["eva"],
  participants: [personId],
  anonymousCount: 0,
  interventions: c.interventions,
  firstContact: c.firstContact,
  ...(c.firstContact ? { firstContactChannel: "street-work" } : {}),
  mode: "individual"
})

describe("deriveOutcomes", () => {
  it("stores what the plugin's derivations give on the person's contacts, marked with the rule, once", async () => {
    const seen = new Set<string>()
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbContact, { maxLength: 6 }),
        fc.array(arbContact, { maxLength: 3 }),
        fc.integer({ min: 0, max: 90 }),
        async (kubas, toms, asOfDay) => {
          const runtime = await setUp()
          try {
            const { run } = use(runtime)
            // The model: the contacts as given (those the service accepted), decoded.
            const accepted: Array<Contact> = []
            for (const c of kubas) {
              const input = contactInput(c, "kuba")
              const stored = await runtime.runPromise(
                Effect.result(Casework.Casework.use((api) => api.recordContact(worker, input as never)))
              )
              if (stored._tag === "Success") {
                accepted.push(Schema.decodeUnknownSync(Contact)({ ...input, id: stored.success.value.id }))
              }
            }
            // Tom's contacts are not Kuba's history.
            const tomsContacts: Array<Contact> = []
            for (const c of toms) {
              const input = contactInput(c, "tom")
              const stored = await runtime.runPromise(
                Effect.result(Casework.Casework.use((api) => api.recordContact(worker, input as never)))
              )
              if (stored._tag === "Success") {
                tomsContacts.push(Schema.decodeUnknownSync(Contact)({ ...input, id: stored.success.value.id }))
              }
            }
            const asOf = day(asOfDay)
            const model = (contacts: ReadonlyArray<Contact>) =>
              streetWork.derivations.flatMap((d) => {
                const value = d.derive({ asOf: DateTime.makeUnsafe(asOf), contacts, plans: [], measurements: [] })
                return value === undefined ? [] : [{ derivedBy: d.id, indicator: d.indicator, value }]
              })
            const expected = model(accepted)
            const derived = await run((api) => api.deriveOutcomes(worker, { serviceId: "sw", personId: "kuba", asOf }))
            const shape = (ms: ReadonlyArray<{ derivedBy?: string; indicator: string; value: unknown }>) =>
              ms.map((m) => ({ derivedBy: m.derivedBy, indicator: m.indicator, value: m.value }))
            expect(shape(derived.value)).toEqual(expected)
            for (const e of expected) seen.add(`${e.indicator}:${JSON.stringify(e.value.value)}`)
            for (const m of derived.value) {
              expect(m).toMatchObject({
                personId: "kuba",
                serviceId: "sw",
                recordedBy: "eva",
                personParticipated: false
              })
              expect(DateTime.formatIso(m.at)).toBe(asOf)
            }
            // Stored, with the rule as a facet reports can filter on.
            const records = await runtime.runPromise(
              Store.Store.use((s) => s.list({ kind: "measurement", serviceId: "sw" }))
            )
            expect(records.map((r) => r.facets["derivedBy"]).sort()).toEqual(expected.map((e) => e.derivedBy).sort())
            // Nothing changed: nothing stored again.
            const again = await run((api) => api.deriveOutcomes(worker, { serviceId: "sw", personId: "kuba", asOf }))
            expect(again.value).toEqual([])
            // Every person of the service: Tom's values are new, Kuba's are there already.
            const everyone = await run((api) => api.deriveOutcomes(worker, { serviceId: "sw", asOf }))
            expect(shape(everyone.value)).toEqual(model(tomsContacts))
            expect(everyone.value.every((m) => m.personId === "tom")).toBe(true)
          } finally {
            await runtime.dispose()
          }
        }
      ),
      { numRuns: 25 }
    )
    // The random histories reach every derivation (the property is not vacuous).
    for (const indicator of ["contact-established", "came-back", "received-support"]) {
      expect([...seen].some((s) => s.startsWith(indicator)), indicator).toBe(true)
    }
  })

  it("for the whole service, derives the people shared into it too (from their history there), as listPeople lists them", async () => {
    const iva = { id: "iva", grants: [{ role: "worker", services: ["sw2"] }] }
    const runtime = await setUp([iva])
    try {
      const { run } = use(runtime)
      // Mia is registered by a second street-work team and shared into sw on her consent.
      await run((api) => api.registerService(admin, streetService("sw2", "Street work 2")))
      await run((api) => api.registerPerson(iva, { ...personInput("mia"), serviceId: "sw2" }))
      await run((api) =>
        api.giveConsent(iva, {
          id: "share-mia",
          personId: "mia",
          serviceId: "sw2",
          purpose: "sharing",
          grantee: { kind: "service", name: "Street work" },
          validFrom: "2026-01-02T00:00:00.000Z",
          givenAt: "2026-01-02T00:00:00.000Z",
          form: "verbal",
          alsoForServices: ["sw"]
        })
      )
      await run((api) => api.sharePerson(iva, { personId: "mia", serviceId: "sw", consentId: "share-mia" }))
      const visits = [{ day: 1, firstContact: true, interventions: ["contact"] }, {
        day: 9,
        firstContact: false,
        interventions: ["conversation"]
      }]
      for (const c of visits) await run((api) => api.recordContact(worker, contactInput(c, "mia") as never))
      const asOf = day(20)
      const everyone = await run((api) => api.deriveOutcomes(worker, { serviceId: "sw", asOf }))
      const mia = everyone.value.filter((m) => m.personId === "mia")
      expect(mia.length).toBeGreaterThan(0)
      // The same values as deriving Mia alone (on a store where nothing was derived yet).
      const alone = await setUp()
      try {
        const { run: runAlone } = use(alone)
        await runAlone((api) => api.registerPerson(worker, { ...personInput("mia") }))
        for (const c of visits) await runAlone((api) => api.recordContact(worker, contactInput(c, "mia") as never))
        const single = await runAlone((api) => api.deriveOutcomes(worker, { serviceId: "sw", personId: "mia", asOf }))
        const shape = (ms: ReadonlyArray<{ derivedBy?: string; indicator: string; value: unknown }>) =>
          ms.map((m) => ({ derivedBy: m.derivedBy, indicator: m.indicator, value: m.value }))
        expect(shape(mia)).toEqual(shape(single.value))
      } finally {
        await alone.dispose()
      }
    } finally {
      await runtime.dispose()
    }
  })

  it("is access-checked, refuses bad input naming the field, and is audited without personal data", async () => {
    const runtime = await setUp()
    try {
      const { fail, run } = use(runtime)
      await run((api) =>
        api.recordContact(
          worker,
          contactInput({ day: 1, firstContact: true, interventions: ["contact"] }, "kuba") as never
        )
      )
      expect((await fail((api) => api.deriveOutcomes(volunteer, { serviceId: "sw", personId: "kuba" })))._tag).toBe(
        "AccessDenied"
      )
      expect(await fail((api) => api.deriveOutcomes(worker, { serviceId: "sw", personId: "nobody" }))).toMatchObject({
        _tag: "InvalidCommand",
        field: "personId"
      })
      expect(
        await fail((api) =>
          api.deriveOutcomes(worker, { serviceId: "sw", personId: "kuba", asOf: "2099-01-01T00:00:00.000Z" })
        )
      ).toMatchObject({ _tag: "InvalidCommand", field: "asOf" })
      // An assessment cannot pass itself off as derived.
      expect(
        await fail((api) =>
          api.recordOutcome(worker, {
            personId: "kuba",
            serviceId: "sw",
            indicator: "came-back",
            at: day(2),
            value: { _tag: "YesNo", value: true },
            personParticipated: true,
            derivedBy: "street-work/came-back-after-first-contact"
          } as never)
        )
      ).toMatchObject({ _tag: "InvalidCommand", field: "derivedBy" })
      const before = await runtime.runPromise(Store.Store.use((s) => s.list({ kind: "measurement" })))
      expect(before).toHaveLength(0)
      const derived = await run((api) => api.deriveOutcomes(worker, { serviceId: "sw", personId: "kuba" }))
      expect(derived.value.map((m) => m.indicator)).toEqual(["contact-established"])
      const entries = (await run((api) => api.auditLog(auditor, { limit: 1000 }))).filter((e) =>
        e.operation === "DeriveOutcomes"
      )
      expect(entries).toHaveLength(1)
      expect(JSON.stringify(entries)).not.toMatch(/kuba"?[^"]*nickname|"first"|"Kuba"/)
    } finally {
      await runtime.dispose()
    }
  })

  it("feeds street work's second-visit rate: people who came back after their first contact", async () => {
    const runtime = await setUp()
    try {
      const { run } = use(runtime)
      const people = Array.from({ length: 16 }, (_, i) => `p${i}`)
      for (const [i, id] of people.entries()) {
        await run((api) => api.registerPerson(worker, personInput(id)))
        await run((api) =>
          api.recordContact(
            worker,
            contactInput({ day: 62, firstContact: true, interventions: ["contact"] }, id) as never
          )
        )
        // Ten of the sixteen come back.
        if (i < 10) {
          await run((api) =>
            api.recordContact(
              worker,
              contactInput({ day: 70, firstContact: false, interventions: ["conversation"] }, id) as never
            )
          )
        }
      }
      // docs:derived
      // At the end of May, derive every person's outcomes from their history (stored, marked
      // with the rule that derived them), then run the report that reads them.
      await run((api) => api.deriveOutcomes(worker, { serviceId: "sw", asOf: "2026-05-31T12:00:00.000Z" }))
      const result = await run((api) =>
        api.report(worker, { reportId: "second-visit-rate", serviceId: "sw", period: "2026-05" })
      )
      // result.table: 10 people came back, 6 did not; result.rates: { rows: [0.625], total: 0.625 }
      // docs:end
      expect(result.table._tag === "TwoWay" && result.table.cells[0]).toEqual([
        { _tag: "Value", count: 10 },
        { _tag: "Value", count: 6 }
      ])
      expect(result.rates).toEqual({ rows: [10 / 16], total: 10 / 16 })
      // The snippet is on docs/reports.md word for word.
      const source = readFileSync(new URL(import.meta.url), "utf8")
      const start = source.indexOf("// docs:derived\n") + "// docs:derived\n".length
      const snippet = source.slice(start, source.indexOf("// docs:end", start)).split("\n").map((l) => l.trim())
        .join("\n").trim()
      const page = readFileSync(new URL("../../../docs/reports.md", import.meta.url), "utf8")
      expect(page.split("\n").map((l) => l.trim()).join("\n")).toContain(snippet)
    } finally {
      await runtime.dispose()
    }
  })
})
