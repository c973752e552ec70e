/**
 * Lists (issue 12), through the real plugins, on every store (memory, SQLite, PostgreSQL): who
 * may list what (the access matrix's rows, allow and deny for every role), paging (each record
 * once, an opaque cursor, a bounded page size), what a list leaves out (voided records, plans
 * and referrals no longer open, consents no longer in force) and bad input (typed, naming the
 * field, nothing stored).
 */
import { Casework, FieldCrypto, KeyMaterial, StaffDirectory, type Store } from "@pomoc/core"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { admin, ana, eva, marta, ola, petr, registry, setUp, stores, T } from "./daily-fixture.js"

// Ana's staff entry links her volunteer record; a coordinator of the debt service; a volunteer of it.
const anaLinked = { ...ana, volunteerId: "v-ana" }
const jan = { id: "jan", grants: [{ role: "coordinator", services: ["debt"] }] }
const bo = { id: "bo", grants: [{ role: "volunteer", services: ["debt"] }], volunteerId: "v-bo" }
const directory = [admin, eva, petr, marta, anaLinked, ola, jan, bo]

const contact = (id: string, day: number, hour = 16) =>
  ({
    id,
    serviceId: "club",
    at: T(day, hour),
    durationMinutes: 30,
    locationKind: "club-premises",
    channel: "in-person",
    workers: ["eva"],
    participants: ["kuba"],
    anonymousCount: 0,
    interventions: ["conversation"],
    firstContact: false,
    mode: "individual",
    note: "Talked about school."
  }) as const

const ids = (page: { readonly items: ReadonlyArray<{ readonly id: string }> }) => page.items.map((x) => x.id)

describe.each(stores)("lists (%s store)", (_name, storeLayer) => {
  type Api = Casework.Api
  let runtime: ManagedRuntime.ManagedRuntime<Casework.Casework | Store.Store, unknown>
  const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f))
  const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flip(Casework.Casework.use(f)))
  const auditLength = async () => (await run((api) => api.auditLog(ola, { limit: 10_000 }))).length

  beforeEach(async () => {
    runtime = ManagedRuntime.make(
      Casework.layer(Casework.configFromRegistry(registry)).pipe(
        Layer.provide(StaffDirectory.layerList(directory)),
        Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
        Layer.provideMerge(storeLayer())
      )
    )
    await setUp({ run } as never)
    for (const [id, day] of [["c5", 5], ["c3", 3], ["c7", 7], ["c4", 4], ["c6", 6], ["c9", 9], ["c8", 8]] as const) {
      await run((api) => api.recordContact(eva, contact(id, day)))
    }
    // June: outside May's period.
    await run((api) =>
      api.recordContact(eva, { ...contact("june", 1), at: new Date(Date.UTC(2026, 5, 2)).toISOString() })
    )
  })
  afterEach(() => runtime.dispose())

  it("the contacts of a month, a page at a time: each once, in time order, then no cursor", async () => {
    const seen: Array<string> = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page: { readonly items: ReadonlyArray<{ readonly id: string }>; readonly next?: string } = await run((
        api
      ) =>
        api.listContacts(eva, {
          serviceId: "club",
          period: "2026-05",
          limit: 3,
          ...(cursor === undefined ? {} : { cursor })
        })
      )
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...ids(page))
      cursor = page.next
      pages++
    } while (cursor !== undefined)
    expect(seen).toEqual(["c3", "c4", "c5", "c6", "c7", "c8", "c9"])
    expect(pages).toBe(3)
    // The same with days as bounds; the whole list fits the default page.
    const all = await run((api) => api.listContacts(marta, { serviceId: "club", from: "2026-05-01", to: "2026-06-01" }))
    expect(ids(all)).toEqual(seen)
    expect(all.next).toBeUndefined()
    expect(ids(await run((api) => api.listContacts(eva, { serviceId: "club" })))).toEqual([...seen, "june"])
  })

  it("a voided contact leaves the list", async () => {
    await run((api) => api.voidRecord(marta, { kind: "contact", id: "c5", reason: "duplicate" }))
    const page = await run((api) => api.listContacts(eva, { serviceId: "club", period: "2026-05" }))
    expect(ids(page)).toEqual(["c3", "c4", "c6", "c7", "c8", "c9"])
  })

  it("allows and denies every role as the access matrix says, and never by record", async () => {
    // Contacts (ReadHistory: workers and coordinators of their services).
    expect(ids(await run((api) => api.listContacts(eva, { serviceId: "club", period: "2026-05" })))).toHaveLength(7)
    for (
      const [actor, serviceId] of [[petr, "club"], [jan, "club"], [admin, "club"], [ola, "club"], [
        anaLinked,
        "club"
      ]] as const
    ) {
      const e = await fail((api) => api.listContacts(actor, { serviceId, period: "2026-05" }))
      expect(e._tag).toBe("AccessDenied")
    }
    // People (ListPeople: workers and coordinators of their services, administrators everywhere).
    expect(ids(await run((api) => api.listPeople(eva, { serviceId: "club" })))).toEqual(["kuba"])
    expect(ids(await run((api) => api.listPeople(admin, { serviceId: "debt" })))).toEqual(["marek"])
    expect(ids(await run((api) => api.listPeople(petr, { serviceId: "debt" })))).toEqual(["marek"])
    for (const actor of [petr, ola, anaLinked, jan]) {
      expect((await fail((api) => api.listPeople(actor, { serviceId: "club" })))._tag).toBe("AccessDenied")
    }
    // Activities (ReadActivity: volunteers of their services too).
    await run((api) =>
      api.recordActivity(anaLinked, {
        id: "football",
        serviceId: "club",
        kind: "group-session",
        title: "Football",
        startsAt: T(7, 16),
        audience: "youth",
        forExternalStaff: false,
        attendees: [],
        anonymousAttendance: 5
      })
    )
    for (const actor of [eva, marta, anaLinked, admin]) {
      expect(ids(await run((api) => api.listActivities(actor, { serviceId: "club", period: "2026-05" })))).toEqual([
        "football"
      ])
    }
    for (const actor of [petr, ola, bo]) {
      expect((await fail((api) => api.listActivities(actor, { serviceId: "club" })))._tag).toBe("AccessDenied")
    }
  })

  it("volunteers of a service: coordinators of it and administrators, by the staff links", async () => {
    for (const [id, name] of [["v-ana", "Ana"], ["v-bo", "Bo"], ["v-cy", "Cy"]] as const) {
      await run((api) =>
        api.registerVolunteer(admin, {
          id,
          organisationId: "org",
          displayName: name,
          kind: "volunteer",
          ageGroup: "adult",
          since: T(1),
          skills: []
        })
      )
    }
    expect(ids(await run((api) => api.listVolunteers(marta, { serviceId: "club" })))).toEqual(["v-ana"])
    expect(ids(await run((api) => api.listVolunteers(jan, { serviceId: "debt" })))).toEqual(["v-bo"])
    expect(ids(await run((api) => api.listVolunteers(admin, { serviceId: "debt" })))).toEqual(["v-bo"])
    for (
      const [actor, serviceId] of [[marta, "debt"], [jan, "club"], [eva, "club"], [anaLinked, "club"], [
        ola,
        "club"
      ]] as const
    ) {
      expect((await fail((api) => api.listVolunteers(actor, { serviceId })))._tag).toBe("AccessDenied")
    }
  })

  it("consents in force, open plans and open referrals of a person", async () => {
    const consent = (id: string, purpose: string, grantee: { kind: string; name: string }) =>
      api((a) =>
        a.giveConsent(eva, {
          id,
          personId: "kuba",
          serviceId: "club",
          purpose,
          grantee,
          validFrom: T(3),
          givenAt: T(3),
          form: "verbal"
        })
      )
    const api = run
    const debtAdvice = { kind: "service", name: "Debt advice" }
    await consent("consent-a", "disclosure", { kind: "school", name: "School" })
    await consent("consent-b", "referral", debtAdvice)
    await run((a) => a.withdrawConsent(eva, { consentId: "consent-a" }))
    const inForce = await run((a) => a.listConsentsInForce(eva, { serviceId: "club", personId: "kuba" }))
    expect(ids(inForce)).toEqual(["consent-b"])
    expect(ids(await run((a) => a.listConsentsInForce(admin, { serviceId: "club" })))).toEqual(["consent-b"])
    expect((await fail((a) => a.listConsentsInForce(petr, { serviceId: "club" })))._tag).toBe("AccessDenied")

    for (const id of ["r1", "r2"]) {
      await run((a) =>
        a.refer(eva, {
          id,
          personId: "kuba",
          fromServiceId: "club",
          to: debtAdvice,
          purpose: "debt-advice",
          consentId: "consent-b",
          history: [{ status: "requested", at: T(4) }]
        })
      )
    }
    await run((a) => a.updateReferral(eva, { referralId: "r1", status: "revoked", reason: "no longer needed" }))
    expect(ids(await run((a) => a.listOpenReferrals(eva, { serviceId: "club", personId: "kuba" })))).toEqual(["r2"])
    expect((await fail((a) => a.listOpenReferrals(admin, { serviceId: "club", personId: "kuba" })))._tag).toBe(
      "AccessDenied"
    )

    const plan = (id: string, status: "open" | "achieved") =>
      run((a) =>
        a.createPlan(eva, {
          id,
          personId: "kuba",
          serviceId: "club",
          createdAt: T(5),
          reviews: [],
          goals: [{ id: `${id}-g`, inPersonsWords: "Finish school.", status, steps: [] }]
        })
      )
    await plan("plan-open", "open")
    await plan("plan-done", "achieved")
    await run((a) => a.closePlan(eva, { planId: "plan-done", personParticipated: true }))
    expect(ids(await run((a) => a.listOpenPlans(marta, { serviceId: "club", personId: "kuba" })))).toEqual([
      "plan-open"
    ])
    for (const actor of [admin, ola, petr, anaLinked]) {
      expect((await fail((a) => a.listOpenPlans(actor, { serviceId: "club", personId: "kuba" })))._tag).toBe(
        "AccessDenied"
      )
    }
  })

  it("a record's change history, a page at a time, among other records' revisions", async () => {
    for (let n = 1; n <= 5; n++) {
      await run((api) => api.correctContact(eva, { id: "c3", changes: { durationMinutes: 30 + n } }))
      await run((api) => api.correctContact(eva, { id: "c4", changes: { durationMinutes: 60 + n } }))
    }
    const versions: Array<number> = []
    let cursor: string | undefined
    do {
      const page = await run((api) =>
        api.recordChanges(marta, { kind: "contact", id: "c3", limit: 2, ...(cursor === undefined ? {} : { cursor }) })
      )
      expect(page.items.length).toBeLessThanOrEqual(2)
      for (const r of page.items) expect(r).toMatchObject({ kind: "contact", recordId: "c3" })
      versions.push(...page.items.map((r) => r.version))
      cursor = page.next
    } while (cursor !== undefined)
    // Each revision once (two corrections in one millisecond are ordered by their random ids).
    expect([...versions].sort()).toEqual([1, 2, 3, 4, 5])
    expect((await run((api) => api.recordChanges(marta, { kind: "contact", id: "c4" }))).items).toHaveLength(5)
    expect((await fail((api) => api.recordChanges(marta, { kind: "contact", id: "c3", limit: 0 })))._tag).toBe(
      "InvalidInput"
    )
  })

  it("bad page sizes and cursors are InvalidInput naming the field; nothing is stored", async () => {
    const before = await auditLength()
    const tooBig = await fail((api) => api.listContacts(eva, { serviceId: "club", limit: 501 }))
    expect(tooBig._tag).toBe("InvalidInput")
    expect(JSON.stringify(tooBig)).toContain("limit")
    const first = await run((api) => api.listContacts(eva, { serviceId: "club", limit: 2 }))
    const cursor = first.next!
    for (
      const bad of [
        { serviceId: "club", cursor: cursor.slice(0, -2) + "zz" },
        { serviceId: "club", cursor: "garbage" },
        // A cursor of another list.
        { serviceId: "club", period: "2026-05", cursor }
      ]
    ) {
      const e = await fail((api) => api.listContacts(eva, bad))
      expect(e._tag).toBe("InvalidInput")
      expect(e).toMatchObject({ problems: [{ path: "cursor" }] })
    }
    const v = await fail((api) => api.listVolunteers(marta, { serviceId: "club", cursor }))
    expect(v).toMatchObject({ _tag: "InvalidInput", problems: [{ path: "cursor" }] })
    expect(await auditLength()).toBe(before)
  })
})
