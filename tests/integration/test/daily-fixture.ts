/**
 * The setting of the daily-work tests (issue 12): every store, and an organisation with a
 * low-threshold club and a debt-counselling service, their staff, one person in each.
 */
import {
  Casework,
  FieldCrypto,
  KeyMaterial,
  Pseudonym,
  Registry,
  StaffDirectory,
  type StepActor,
  Store
} from "@pomoc/core"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect, Layer, ManagedRuntime } from "effect"
import * as Clock from "effect/Clock"
import { afterEach, beforeEach } from "vitest"
import { registry } from "./registry.js"
import { everyStore } from "./stores.js"

export { registry }

export const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
export const eva = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
export const petr = { id: "petr", grants: [{ role: "worker", services: ["debt"] }] }
export const marta = { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] }
export const ana = { id: "ana", grants: [{ role: "volunteer", services: ["club"] }] }
export const ola = { id: "ola", grants: [{ role: "auditor", services: "*" }] }

export const T = (day: number, hour = 10) => new Date(Date.UTC(2026, 4, day, hour)).toISOString()

/** The school Kuba's consents name as grantee. */
export const school = { kind: "school", name: "ZŠ Komenského" } as const

/** Kuba's verbal consent to disclose to the school, given on day 3 (`over` changes any field). */
export const consentInput = (over: Fields = {}) => ({
  personId: "kuba",
  serviceId: "club",
  purpose: "disclosure",
  grantee: school,
  validFrom: T(3),
  givenAt: T(3),
  form: "verbal",
  ...over
})

/** Every store the API runs on, each a fresh database per call. */
export const stores = everyStore

/** What a harness may change: the plugins, extra or replaced staff, the pseudonym key, the clock. */
export interface HarnessOptions {
  /** The application's pseudonym key (the blind index's) is provided unless `false`. */
  readonly pseudonymKey?: boolean
  /** The clock the API decides by (the test clock's default otherwise). */
  readonly clock?: Clock.Clock
  /** The registered plugins (the club's and debt counselling's by default; the API is typed by those). */
  readonly registry?: Registry.Registry
  /** Staff added to the directory; one with the id of a default member replaces them. */
  readonly staff?: ReadonlyArray<StaffDirectory.Entry>
}

/** The API on a store, with helpers to run, to expect a failure and to read the store. */
export const harness = (storeLayer: Layer.Layer<Store.Store, unknown>, options: HarnessOptions = {}) => {
  const runtime = ManagedRuntime.make(
    Casework.layer(Casework.configFromRegistry((options.registry ?? registry) as typeof registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, eva, petr, marta, ana, ola, ...(options.staff ?? [])])),
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
  const stored = (kind: Store.RecordKind) => store((s) => s.list({ kind }))
  const audit = () => run((api) => api.auditLog(ola, { limit: 10_000 }))
  return { runtime, run, fail, store, stored, audit, dispose: () => runtime.dispose() }
}

/** A harness: the API on one store. */
export type Harness = ReturnType<typeof harness>

/**
 * A fresh harness for every test of the enclosing suite (`beforeEach`), set up by `setup`, and
 * disposed of after it. The answer's helpers run on the current test's harness.
 */
export const eachTest = (
  make: () => Harness,
  setup: (h: Harness) => Promise<void> = setUp
): Omit<Harness, "dispose"> => {
  let current: Harness | undefined
  beforeEach(async () => {
    current = make()
    await setup(current)
  }, 120_000)
  afterEach(() => current?.dispose())
  const h = () => current!
  return {
    get runtime() {
      return h().runtime
    },
    run: (f) => h().run(f),
    fail: (f) => h().fail(f),
    store: (f) => h().store(f),
    stored: (kind) => h().stored(kind),
    audit: () => h().audit()
  }
}

type Fields = Record<string, unknown>

/** The organisation `org` (with `extra` fields). */
export const organisation = (h: Harness, extra: Fields = {}) =>
  h.run((api) => api.registerOrganisation(admin, { id: "org", name: "Org", ...extra }))

/** The low-threshold club `club` (its fields replaced by `extra`'s). */
export const club = (h: Harness, extra: Fields = {}) =>
  h.run((api) =>
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
      registeredAt: T(1),
      ...extra
    })
  )

/** The debt-counselling service `debt` (its fields replaced by `extra`'s). */
export const debt = (h: Harness, extra: Fields = {}) =>
  h.run((api) =>
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
      registeredAt: T(1),
      ...extra
    })
  )

/** The club's premises, the location `premises`. */
export const premises = (h: Harness) =>
  h.run((api) =>
    api.registerLocation(admin, {
      id: "premises",
      organisationId: "org",
      name: "Klub",
      kind: "club-premises",
      confidential: false
    })
  )

/** Kuba, 15-17, of the club, registered by Eva (with `extra` fields). */
export const kuba = (h: Harness, extra: Fields = {}) =>
  h.run((api) =>
    api.registerPerson(eva, {
      _tag: "pseudonymous",
      id: "kuba",
      serviceId: "club",
      sharedWith: [],
      ageBand: "15-17",
      gender: "male",
      needs: [],
      registeredAt: T(2),
      nickname: "Kuba",
      ...extra
    })
  )

/** Marek, an adult of the debt service, registered by Petr. */
export const marek = (h: Harness) =>
  h.run((api) =>
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

/** Marek's cooperation with the debt service, and his plan `plan` with one goal `g1` of these steps. */
export const withPlan = async (
  h: Pick<Harness, "run">,
  steps: ReadonlyArray<{ readonly id: string; readonly description: string; readonly takenBy: StepActor }>
) => {
  await h.run((api) => api.startCooperation(petr, { serviceId: "debt", personId: "marek", startedAt: T(2, 11) }))
  await h.run((api) =>
    api.createPlan(petr, {
      id: "plan",
      personId: "marek",
      serviceId: "debt",
      createdAt: T(3),
      reviews: [],
      goals: [{ id: "g1", inPersonsWords: "Pay the debts off without losing the flat.", status: "open", steps }]
    })
  )
}

/** Shares a club person with the debt service on their sharing consent `consentId` (issue 11: never directly). */
export const shareWithDebt = async (h: Harness, personId: string, consentId: string) => {
  await h.run((api) =>
    api.giveConsent(eva, {
      id: consentId,
      personId,
      serviceId: "club",
      purpose: "sharing",
      grantee: { kind: "service", name: "Debt advice" },
      validFrom: T(2),
      givenAt: T(2),
      form: "verbal",
      alsoForServices: ["debt"]
    })
  )
  await h.run((api) => api.sharePerson(eva, { personId, serviceId: "debt", consentId }))
}

/** The organisation, its two services, a location and one person in each service. */
export const setUp = async (h: Harness) => {
  await organisation(h)
  await club(h)
  await debt(h)
  await premises(h)
  await kuba(h)
  await marek(h)
}

/** Runs `f` on a fresh harness of the memory store, set up, then disposes of it. */
export const onFreshMemory = async (f: (h: Harness) => Promise<void>): Promise<void> => {
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
