/**
 * Issue 11, "consent is judged at a time the caller chooses": each attack below used inputs the
 * API accepts and, before the fix, stored a disclosure or referral on a consent that was not in
 * force when it was recorded. Every one must now be refused, with nothing stored.
 */
import { FieldCrypto, KeyMaterial, Pomoc, Registry, StaffDirectory, Store } from "@pomoc/core"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { MemoryStore } from "@pomoc/store-memory"
import { DateTime, Effect, Layer, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { consentInput as kubasConsent, school, T } from "./daily-fixture.js"

const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
const counsellor = { id: "petr", grants: [{ role: "worker", services: ["debt"] }] }

type Api = Pomoc.PomocShape
let runtime: ManagedRuntime.ManagedRuntime<Pomoc.Pomoc | Store.Store, unknown>
const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Pomoc.Pomoc.use(f))
const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flip(Pomoc.Pomoc.use(f)))
const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))

const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString()
const DAY = 24 * 3_600_000
const debtService = { kind: "service", name: "Dluhová poradna" } as const

const principlesOf = (e: unknown) =>
  [
    ...((e as { violations?: ReadonlyArray<{ rule: string }> }).violations ?? []),
    ...((e as { requirements?: ReadonlyArray<{ rule: string }> }).requirements ?? [])
  ].map((v) => v.rule)

beforeEach(async () => {
  runtime = ManagedRuntime.make(
    Pomoc.layer(Pomoc.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker, counsellor])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provideMerge(MemoryStore.layer)
    )
  )
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  for (
    const [id, type, plugin, ages] of [["club", "low-threshold-club", lowThresholdClub, { min: 6, max: 26 }], [
      "debt",
      "debt-counselling",
      debtCounselling,
      { min: 15, max: 120 }
    ]] as const
  ) {
    await run((api) =>
      api.registerService(admin, {
        id,
        organisationId: "org",
        type,
        name: id,
        targetGroup: { description: id, ageRange: ages },
        localities: [],
        principles: [...plugin.principles],
        freeOfCharge: true,
        firstContactChannels: [],
        registeredAt: T(1)
      })
    )
  }
  for (const id of ["kuba", "lenka"]) {
    await run((api) =>
      api.registerPerson(worker, {
        _tag: "pseudonymous",
        id,
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "not-stated",
        needs: [],
        registeredAt: T(2),
        nickname: id
      })
    )
    // Shared with debt counselling on the person's own sharing consent (issue 11: never directly).
    await run((api) =>
      api.giveConsent(worker, {
        id: `share-${id}`,
        personId: id,
        serviceId: "club",
        purpose: "sharing",
        grantee: debtService,
        validFrom: T(2),
        givenAt: T(2),
        form: "verbal",
        alsoForServices: ["debt"]
      })
    )
    await run((api) => api.sharePerson(worker, { personId: id, serviceId: "debt", consentId: `share-${id}` }))
  }
})
afterEach(() => runtime.dispose())

const consentInput = (over: Record<string, unknown>) => kubasConsent({ recordedBy: "eva", ...over })
const disclosureInput = (consentId: string, over: Record<string, unknown> = {}) => ({
  personId: "kuba",
  serviceId: "club",
  recipient: school,
  purpose: "disclosure",
  at: T(4),
  basis: { _tag: "Consent", consentId },
  disclosedBy: "eva",
  ...over
})

describe("a disclosure needs a consent in force now", () => {
  it("refuses a disclosure dated inside an expired consent's old window", async () => {
    const { value: consent } = await run((api) => api.giveConsent(worker, consentInput({ validUntil: T(10) })))
    const e = await fail((api) => api.disclose(worker, disclosureInput(consent.id, { at: T(5) })))
    expect(e._tag).toBe("CommandRefused")
    expect(principlesOf(e)).toContain("confidentiality/disclosure-basis")
    expect(await stored("disclosure")).toHaveLength(0)
  })

  it("refuses a consent that becomes valid only next year, and one given in 2099", async () => {
    const nextYear = await fail((api) =>
      api.giveConsent(worker, consentInput({ validFrom: fromNow(300 * DAY), givenAt: fromNow(0) }))
    )
    expect(principlesOf(nextYear)).toContain("confidentiality/recorded-when-it-happens")
    const farFuture = await fail((api) =>
      api.giveConsent(worker, consentInput({ validFrom: T(3), givenAt: "2099-01-01T00:00:00.000Z" }))
    )
    expect(principlesOf(farFuture)).toContain("confidentiality/recorded-when-it-happens")
    expect((await stored("consent")).filter((r) => !r.id.startsWith("share-"))).toHaveLength(0)
  })

  it("accepts a time within the documented clock skew, refuses one beyond it", async () => {
    const { value: consent } = await run((api) => api.giveConsent(worker, consentInput({ givenAt: fromNow(60_000) })))
    await run((api) => api.disclose(worker, disclosureInput(consent.id, { at: fromNow(60_000) })))
    const e = await fail((api) => api.disclose(worker, disclosureInput(consent.id, { at: fromNow(3_600_000) })))
    expect(principlesOf(e)).toContain("confidentiality/recorded-when-it-happens")
    expect(await stored("disclosure")).toHaveLength(1)
  })

  it("takes a withdrawal into effect when it is recorded", async () => {
    const { value: consent } = await run((api) => api.giveConsent(worker, consentInput({})))
    const before = Date.now()
    const { value: withdrawn } = await run((api) => api.withdrawConsent(worker, { consentId: consent.id }))
    const at = DateTime.toEpochMillis(withdrawn.withdrawnAt!)
    expect(at).toBeGreaterThanOrEqual(before - 1000)
    expect(at).toBeLessThanOrEqual(Date.now() + 1000)
    const e = await fail((api) => api.disclose(worker, disclosureInput(consent.id, { at: T(4) })))
    expect(e._tag).toBe("CommandRefused")
  })
})

describe("a consent belongs to a service and a person", () => {
  it("a consent recorded in one service does not authorise another's disclosure unless it names it", async () => {
    const { value: debtConsent } = await run((api) =>
      api.giveConsent(counsellor, consentInput({ serviceId: "debt", recordedBy: "petr" }))
    )
    const e = await fail((api) => api.disclose(worker, disclosureInput(debtConsent.id)))
    expect(principlesOf(e)).toContain("confidentiality/disclosure-basis")
    const { value: shared } = await run((api) =>
      api.giveConsent(counsellor, consentInput({ serviceId: "debt", recordedBy: "petr", alsoForServices: ["club"] }))
    )
    await run((api) => api.disclose(worker, disclosureInput(shared.id)))
    expect(await stored("disclosure")).toHaveLength(1)
  })

  it("a referral's consent must be the referred person's", async () => {
    const { value: lenkas } = await run((api) =>
      api.giveConsent(worker, consentInput({ personId: "lenka", purpose: "referral", grantee: debtService }))
    )
    // Kuba has a referral consent of his own; the attack names Lenka's on his referral.
    await run((api) => api.giveConsent(worker, consentInput({ purpose: "referral", grantee: debtService })))
    const e = await fail((api) =>
      api.refer(worker, {
        personId: "kuba",
        fromServiceId: "club",
        to: debtService,
        purpose: "debt-advice",
        consentId: lenkas.id,
        history: [{ status: "requested", at: T(4), by: "eva" }]
      })
    )
    expect(principlesOf(e)).toContain("confidentiality/referral-consent")
    expect(await stored("referral")).toHaveLength(0)
    await run((api) =>
      api.refer(worker, {
        personId: "lenka",
        fromServiceId: "club",
        to: debtService,
        purpose: "debt-advice",
        consentId: lenkas.id,
        history: [{ status: "requested", at: T(4), by: "eva" }]
      })
    )
    expect(await stored("referral")).toHaveLength(1)
  })

  it("records consent given on a person's behalf, with who gave it", async () => {
    const { value } = await run((api) =>
      api.giveConsent(
        worker,
        consentInput({
          givenOnBehalf: { relation: "guardian", by: { kind: "family", name: "Grandmother" } }
        })
      )
    )
    expect(value.givenOnBehalf?.relation).toBe("guardian")
    const history = await run((api) => api.personHistory(worker, "kuba"))
    expect(history.consents?.find((c) => c.id === value.id)?.givenOnBehalf?.by.kind).toBe("family")
  })
})
