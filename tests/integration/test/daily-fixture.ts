/**
 * The setting of the daily-work tests (issue 12): every store, and an organisation with a
 * low-threshold club and a debt-counselling service, their staff, one person in each.
 */
import { Casework, FieldCrypto, KeyMaterial, Pseudonym, Registry, StaffDirectory, Store } from "@pomoc/core"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect, Layer, ManagedRuntime } from "effect"
import * as Clock from "effect/Clock"
import { everyStore } from "./stores.js"

export const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])

export const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
export const eva = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
export const petr = { id: "petr", grants: [{ role: "worker", services: ["debt"] }] }
export const marta = { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] }
export const ana = { id: "ana", grants: [{ role: "volunteer", services: ["club"] }] }
export const ola = { id: "ola", grants: [{ role: "auditor", services: "*" }] }

export const T = (day: number, hour = 10) => new Date(Date.UTC(2026, 4, day, hour)).toISOString()

/** Every store the API runs on, each a fresh database per call. */
export const stores = everyStore

/**
 * The API on a store, with helpers to run, to expect a failure and to read the store. The
 * application's pseudonym key (the blind index's) is provided unless `pseudonymKey: false`.
 */
export const harness = (
  storeLayer: Layer.Layer<Store.Store, unknown>,
  options: { readonly pseudonymKey?: boolean; readonly clock?: Clock.Clock } = {}
) => {
  const runtime = ManagedRuntime.make(
    Casework.layer(Casework.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, eva, petr, marta, ana, ola])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provide(options.pseudonymKey === false ? Layer.empty : Pseudonym.layer(KeyMaterial.generate())),
      Layer.provideMerge(storeLayer),
      Layer.provideMerge(options.clock === undefined ? Layer.empty : Layer.succeed(Clock.Clock, options.clock))
    )
  )
  const run = <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f))
  const fail = <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) =>
    runtime.runPromise(Effect.flip(Casework.Casework.use(f)))
  const store = <A, E>(f: (s: Store.StoreShape) => Effect.Effect<A, E>) => runtime.runPromise(Store.Store.use(f))
  const audit = () => run((api) => api.auditLog(ola, { limit: 10_000 }))
  return { runtime, run, fail, store, audit, dispose: () => runtime.dispose() }
}

/** The organisation, its two services, a location and one person in each service. */
export const setUp = async (h: ReturnType<typeof harness>) => {
  await h.run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  await h.run((api) =>
    api.registerService(admin, {
      id: "club",
      organisationId: "org",
      type: "low-threshold-club",
      name: "Club",
      targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
      localities: [],
      principles: [...lowThresholdClub.principles],
      freeOfCharge: true,
      firstContactChannels: ["walk-in"],
      registeredAt: T(1)
    })
  )
  await h.run((api) =>
    api.registerService(admin, {
      id: "debt",
      organisationId: "org",
      type: "debt-counselling",
      name: "Debt advice",
      targetGroup: { description: "adults", ageRange: { min: 18, max: 120 } },
      localities: [],
      principles: [...debtCounselling.principles],
      freeOfCharge: true,
      firstContactChannels: ["own-initiative"],
      registeredAt: T(1)
    })
  )
  await h.run((api) =>
    api.registerLocation(admin, {
      id: "premises",
      organisationId: "org",
      name: "Klub",
      kind: "club-premises",
      confidential: false
    })
  )
  await h.run((api) =>
    api.registerPerson(eva, {
      _tag: "pseudonymous",
      id: "kuba",
      serviceId: "club",
      sharedWith: [],
      ageBand: "15-17",
      gender: "male",
      needs: [],
      registeredAt: T(2),
      nickname: "Kuba"
    })
  )
  await h.run((api) =>
    api.registerPerson(petr, {
      _tag: "pseudonymous",
      id: "marek",
      serviceId: "debt",
      sharedWith: [],
      ageBand: "27-64",
      gender: "male",
      needs: [],
      registeredAt: T(2),
      nickname: "Marek"
    })
  )
}

/** Runs `f` on a fresh harness of the memory store, set up, then disposes of it. */
export const onFreshMemory = async (f: (h: ReturnType<typeof harness>) => Promise<void>): Promise<void> => {
  const h = harness(stores[0]![1]())
  try {
    await setUp(h)
    await f(h)
  } finally {
    await h.dispose()
  }
}

/** A referral of Kuba from the club to the debt service, on the consent `consent-r`, requested at `at`. */
export const kubaToDebt = (id: string, at: string) => ({
  id,
  personId: "kuba",
  fromServiceId: "club",
  to: { kind: "service", name: "Debt advice" },
  toServiceId: "debt",
  purpose: "debt-advice",
  consentId: "consent-r",
  history: [{ status: "requested" as const, at }]
})
