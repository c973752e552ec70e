/**
 * Issue 11, the last promises at the edges: eligibility judged again when a person's facts change;
 * a service's identity settings the principles cannot honour refused; `sharedWith` naming only
 * services the person consented to. Each attack below was accepted before the fix (reproduced
 * first), and nothing of it may be stored now.
 */
import { Casework, FieldCrypto, KeyMaterial, StaffDirectory, Store } from "@pomoc/core"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect, Layer, ManagedRuntime } from "effect"
import * as Clock from "effect/Clock"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { movedClock } from "./clock.js"
import { registry } from "./registry.js"

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] } as const
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] } as const
const counsellor = { id: "petr", grants: [{ role: "worker", services: ["debt"] }] } as const

// The clock the case-work layer reads: the real one, moved ahead into the future (a consent's
// expiry is tested by moving the clock past it, never by waiting).
const moved = movedClock()
const clock = moved.clock

type Api = Casework.Api
let runtime: ManagedRuntime.ManagedRuntime<Casework.Casework | Store.Store, unknown>
const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f))
const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flip(Casework.Casework.use(f)))
const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
const personData = async (id: string) => (await stored("person")).find((r) => r.id === id)
const sharedWithStored = (record: Store.StoredRecord | undefined) =>
  (record?.data as { readonly sharedWith?: ReadonlyArray<string> } | undefined)?.sharedWith

const T = (day: number) => new Date(Date.UTC(2026, 4, day, 10)).toISOString()
const rulesOf = (e: unknown) =>
  ((e as { violations?: ReadonlyArray<{ principle: string; rule: string }> }).violations ?? []).map((v) => v.principle)

const club = {
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
} as const

beforeEach(async () => {
  runtime = ManagedRuntime.make(
    Casework.layer(Casework.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker, counsellor])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provideMerge(Store.layerMemory),
      Layer.provideMerge(Layer.succeed(Clock.Clock, clock))
    )
  )
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  await run((api) => api.registerService(admin, club))
  await run((api) =>
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
})
afterEach(() => {
  moved.set(0)
  return runtime.dispose()
})

describe("a service's identity settings", () => {
  it("refuses a low-threshold club configured not to accept anonymous people (was accepted and ignored)", async () => {
    const e = await fail((api) =>
      api.registerService(admin, { ...club, id: "strict", config: { acceptsAnonymous: false } })
    )
    expect(e).toMatchObject({ _tag: "CommandRefused" })
    expect(rulesOf(e)).toContain("low-threshold")
    expect((await stored("service")).map((r) => r.id)).not.toContain("strict")
    // Saying what the principles hold is fine.
    await run((api) => api.registerService(admin, { ...club, id: "open", config: { acceptsAnonymous: true } }))
  })
})

describe("eligibility is judged again when a person's facts change", () => {
  const adult = {
    _tag: "identified",
    id: "marie",
    serviceId: "debt",
    sharedWith: [],
    ageBand: "18-20",
    gender: "female",
    needs: [],
    registeredAt: T(2),
    givenName: "Marie",
    contactDetails: {}
  } as const

  it("refuses an age band outside the target group while the person cooperates with the service (was accepted)", async () => {
    await run((api) => api.registerPerson(counsellor, adult))
    const { value: cooperation } = await run((api) =>
      api.startCooperation(counsellor, { serviceId: "debt", personId: "marie", startedAt: T(3) })
    )
    const e = await fail((api) => api.changeIdentityLevel(counsellor, { person: { ...adult, ageBand: "11-14" } }))
    expect(e).toMatchObject({ _tag: "CommandRefused", operation: "ChangeIdentityLevel" })
    expect(rulesOf(e).length).toBeGreaterThan(0)
    expect((await personData("marie"))?.facets["ageBand"]).toBe("18-20")
    // An age band inside the group is fine; after the cooperation ends, the facts may change.
    await run((api) => api.changeIdentityLevel(counsellor, { person: { ...adult, ageBand: "21-26" } }))
    await run((api) => api.endCooperation(counsellor, { cooperationId: cooperation.id }))
    await run((api) => api.changeIdentityLevel(counsellor, { person: { ...adult, ageBand: "11-14" } }))
    expect((await personData("marie"))?.facets["ageBand"]).toBe("11-14")
  })

  it("judges a correction of the age band the same way", async () => {
    await run((api) => api.registerPerson(counsellor, adult))
    await run((api) => api.startCooperation(counsellor, { serviceId: "debt", personId: "marie", startedAt: T(3) }))
    const e = await fail((api) => api.correctPerson(counsellor, { id: "marie", changes: { ageBand: "11-14" } }))
    expect(e).toMatchObject({ _tag: "CommandRefused" })
    expect((await personData("marie"))?.facets["ageBand"]).toBe("18-20")
    await run((api) => api.correctPerson(counsellor, { id: "marie", changes: { ageBand: "21-26" } }))
  })
})

describe("sharedWith names only services the person consented to", () => {
  const kuba = {
    _tag: "pseudonymous",
    id: "kuba",
    serviceId: "club",
    sharedWith: [],
    ageBand: "18-20",
    gender: "male",
    needs: [],
    registeredAt: T(2),
    nickname: "Kuba"
  } as const
  const consent = (over: Record<string, unknown>) => ({
    personId: "kuba",
    serviceId: "club",
    purpose: "sharing",
    grantee: { kind: "service", name: "Debt advice" },
    validFrom: T(3),
    givenAt: T(3),
    form: "verbal",
    alsoForServices: ["debt"],
    ...over
  })

  it("refuses a registration that shares the person already (was accepted: no consent can exist yet)", async () => {
    const e = await fail((api) => api.registerPerson(worker, { ...kuba, sharedWith: ["debt"] }))
    expect(e).toMatchObject({ _tag: "InvalidCommand", field: "sharedWith" })
    expect(await stored("person")).toHaveLength(0)
  })

  it("shares only on the person's sharing consent, in force now, naming the service", async () => {
    await run((api) => api.registerPerson(worker, kuba))
    // Before: changing the person's record was enough to share them with any service.
    const direct = await fail((api) => api.changeIdentityLevel(worker, { person: { ...kuba, sharedWith: ["debt"] } }))
    expect(direct).toMatchObject({ _tag: "InvalidCommand", field: "person.sharedWith" })
    const { value: disclosure } = await run((api) =>
      api.giveConsent(worker, consent({ id: "c-disclosure", purpose: "disclosure" }))
    )
    const { value: elsewhere } = await run((api) =>
      api.giveConsent(worker, consent({ id: "c-elsewhere", alsoForServices: [] }))
    )
    const { value: withdrawn } = await run((api) => api.giveConsent(worker, consent({ id: "c-withdrawn" })))
    await run((api) => api.withdrawConsent(worker, { consentId: withdrawn.id }))
    for (const consentId of [disclosure.id, elsewhere.id, withdrawn.id, "no-such-consent"]) {
      const e = await fail((api) => api.sharePerson(worker, { personId: "kuba", serviceId: "debt", consentId }))
      expect(e).toMatchObject({ _tag: "InvalidCommand", field: "consentId" })
    }
    expect((await fail((api) => api.getPerson(counsellor, "kuba")))._tag).toBe("NotFound")
    // Another service's worker cannot share someone who is not theirs.
    const { value: good } = await run((api) => api.giveConsent(worker, consent({ id: "c-sharing" })))
    expect(
      (await fail((api) => api.sharePerson(counsellor, { personId: "kuba", serviceId: "debt", consentId: good.id })))
        ._tag
    ).toBe("NotFound")
    const { value: shared } = await run((api) =>
      api.sharePerson(worker, { personId: "kuba", serviceId: "debt", consentId: good.id })
    )
    expect(shared.sharedWith).toEqual(["debt"])
    expect((await run((api) => api.getPerson(counsellor, "kuba"))).id).toBe("kuba")
    // A correction of a shared person keeps the sharing (and cannot change it).
    const { value: corrected } = await run((api) =>
      api.correctPerson(worker, { id: "kuba", changes: { gender: "not-stated" } })
    )
    expect(corrected.sharedWith).toEqual(["debt"])
  })

  it("withdrawing the sharing consent ends the sharing, unless another sharing consent in force names the service", async () => {
    await run((api) => api.registerPerson(worker, kuba))
    const { value: first } = await run((api) => api.giveConsent(worker, consent({ id: "c-first" })))
    const { value: second } = await run((api) => api.giveConsent(worker, consent({ id: "c-second" })))
    await run((api) => api.sharePerson(worker, { personId: "kuba", serviceId: "debt", consentId: first.id }))
    expect((await run((api) => api.getPerson(counsellor, "kuba"))).id).toBe("kuba")
    // Before: the withdrawal was recorded and the debt service went on reading the person.
    await run((api) => api.withdrawConsent(worker, { consentId: first.id }))
    expect((await run((api) => api.getPerson(worker, "kuba"))).sharedWith).toEqual(["debt"])
    await run((api) => api.withdrawConsent(worker, { consentId: second.id }))
    expect((await run((api) => api.getPerson(worker, "kuba"))).sharedWith).toEqual([])
    expect((await fail((api) => api.getPerson(counsellor, "kuba")))._tag).toBe("NotFound")
    // a withdrawn consent does not share again; a new one does
    const again = await fail((api) =>
      api.sharePerson(worker, { personId: "kuba", serviceId: "debt", consentId: second.id })
    )
    expect(again).toMatchObject({ _tag: "InvalidCommand", field: "consentId" })
    // the withdrawal that ended the sharing is audited with the person record it changed
    const entries = await run((api) => api.auditLog(admin, { limit: 1000 }))
    const last = entries.filter((e) => e.operation === "WithdrawConsent").at(-1)
    expect(last?.subjects).toEqual(expect.arrayContaining([{ kind: "person", id: "kuba" }]))
  })

  it("a sharing consent that expires ends the sharing when it expires (the debt service read on before)", async () => {
    await run((api) => api.registerPerson(worker, kuba))
    const day = 24 * 60 * 60 * 1000
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const contact = (at: number) =>
      ({
        serviceId: "debt",
        at: iso(at),
        durationMinutes: 30,
        locationKind: "office",
        channel: "in-person",
        workers: ["petr"],
        participants: ["kuba"],
        anonymousCount: 0,
        interventions: [],
        firstContact: false,
        mode: "individual"
      }) as const
    // Valid from yesterday until tomorrow.
    const { value: expiring } = await run((api) =>
      api.giveConsent(
        worker,
        consent({ id: "c-expiring", givenAt: iso(now - day), validFrom: iso(now - day), validUntil: iso(now + day) })
      )
    )
    await run((api) => api.sharePerson(worker, { personId: "kuba", serviceId: "debt", consentId: expiring.id }))
    expect((await run((api) => api.getPerson(counsellor, "kuba"))).id).toBe("kuba")
    await run((api) => api.recordContact(counsellor, contact(now - 60_000)))
    const listed = async () =>
      (await run((api) => api.listPeople(counsellor, { serviceId: "debt" }))).items.map((p) => p.id)
    expect(await listed()).toContain("kuba")
    // Two days on, the consent has expired: the debt service no longer finds the person, and
    // cannot record anything about them; their own service sees them unshared.
    moved.set(2 * day)
    expect((await fail((api) => api.getPerson(counsellor, "kuba")))._tag).toBe("NotFound")
    const e = await fail((api) => api.recordContact(counsellor, contact(now + 2 * day - 60_000)))
    expect(e).toMatchObject({ _tag: "InvalidCommand", field: "participants[0]" })
    expect(await stored("contact")).toHaveLength(1)
    expect((await run((api) => api.getPerson(worker, "kuba"))).sharedWith).toEqual([])
    // Nor does the debt service's list of its people hold them any more.
    expect(await listed()).not.toContain("kuba")
    // The stored person still names the service (nothing was written); every read judges it.
    expect(sharedWithStored(await personData("kuba"))).toEqual(["debt"])
    // A week on, the person consents to the sharing again. The lapsed sharing stays ended: the new
    // consent alone does not bring it back (before, it did, with no audited act of sharing), and
    // the command recording it stores the person without the lapsed service ...
    moved.set(8 * day)
    const { value: later } = await run((api) =>
      api.giveConsent(worker, consent({ id: "c-later", givenAt: iso(now + 8 * day), validFrom: iso(now + 8 * day) }))
    )
    expect((await fail((api) => api.getPerson(counsellor, "kuba")))._tag).toBe("NotFound")
    expect(await listed()).not.toContain("kuba")
    expect(sharedWithStored(await personData("kuba"))).toEqual([])
    // ... until the person's service shares them again on it (audited): it holds again.
    await run((api) => api.sharePerson(worker, { personId: "kuba", serviceId: "debt", consentId: later.id }))
    expect((await run((api) => api.getPerson(counsellor, "kuba"))).id).toBe("kuba")
    expect(await listed()).toContain("kuba")
    const log = await run((api) => api.auditLog(admin, { limit: 1000 }))
    expect(log.filter((e) => e.operation === "SharePerson")).toHaveLength(2)
  })
})
