/**
 * Lists that count (issue 12): with `count: true`, a list says how many records its whole period
 * holds, how many distinct people they name and how many people were counted anonymously (kept
 * apart), the same on every page, computed by the store and compared with a model. And the
 * receiving side of referrals: a service lists the open referrals made to it.
 */
import * as fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import {
  admin,
  eva,
  type Harness,
  harness,
  kubaToDebt,
  marta,
  onFreshMemory,
  petr,
  setUp,
  shareWithDebt,
  stores,
  T
} from "./daily-fixture.js"

const pseudonymous = (id: string) => ({
  _tag: "pseudonymous" as const,
  id,
  serviceId: "club",
  sharedWith: [],
  ageBand: "15-17" as const,
  gender: "female" as const,
  needs: [],
  registeredAt: T(2),
  nickname: id
})

const contact = (id: string, day: number, participants: ReadonlyArray<string>, anonymousCount: number) => ({
  id,
  serviceId: "club",
  at: T(day),
  durationMinutes: 20,
  locationKind: "club-premises",
  channel: "in-person",
  participants: [...participants],
  anonymousCount,
  interventions: ["conversation"],
  firstContact: false,
  mode: participants.length + anonymousCount > 1 ? "group" : "individual"
})

describe.each(stores)("lists that count (%s store)", (_name, storeLayer) => {
  let h: Harness
  beforeEach(async () => {
    h = harness(storeLayer())
    await setUp(h)
    for (const id of ["ema", "ola2"]) await h.run((api) => api.registerPerson(eva, pseudonymous(id)))
  })
  afterEach(() => h.dispose())

  it("counts records, distinct people and anonymous people of a period, the same on every page", async () => {
    const contacts = [
      contact("c1", 3, ["kuba"], 0),
      contact("c2", 4, ["kuba", "ema"], 2),
      contact("c3", 5, [], 3),
      contact("c4", 6, ["ema"], 0),
      contact("june", 40, ["ola2"], 5)
    ]
    for (const c of contacts) await h.run((api) => api.recordContact(eva, c as never))
    await h.run((api) => api.voidRecord(marta, { kind: "contact", id: "c4", reason: "duplicate" }))
    const first = await h.run((api) =>
      api.listContacts(eva, { serviceId: "club", period: "2026-05", limit: 2, count: true })
    )
    // c1..c3 in May (c4 voided): kuba and ema named, 5 counted anonymously.
    expect(first.counts).toEqual({ records: 3, distinctPeople: 2, anonymous: 5 })
    const second = await h.run((api) =>
      api.listContacts(eva, { serviceId: "club", period: "2026-05", limit: 2, count: true, cursor: first.next! })
    )
    expect(second.counts).toEqual(first.counts)
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(["c1", "c2", "c3"])
    // Without `count`, no counts.
    expect((await h.run((api) => api.listContacts(eva, { serviceId: "club" }))).counts).toBeUndefined()
    // People: the service's own (three), counted once each.
    const people = await h.run((api) => api.listPeople(marta, { serviceId: "club", count: true }))
    expect(people.counts).toEqual({ records: 3, distinctPeople: 3, anonymous: 0 })
    // Not counted for those who may not list.
    expect((await h.fail((api) => api.listContacts(petr, { serviceId: "club", count: true })))._tag).toBe(
      "AccessDenied"
    )
  })

  it("counts people by code: the same code in a service once; people shared in are counted as the pages list them", async () => {
    // Two records of one young person (registered twice, with the same code typed differently),
    // one with another code; in debt, someone with the same code (unrelated: another service).
    const coded = (id: string, serviceId: string, code: string) => ({
      ...pseudonymous(id),
      serviceId,
      code,
      ageBand: "21-26" as const
    })
    await h.run((api) => api.registerPerson(eva, coded("jn-1", "club", "JN85")))
    await h.run((api) => api.registerPerson(eva, coded("jn-2", "club", " jn85 ")))
    await h.run((api) => api.registerPerson(eva, coded("mk-1", "club", "MK01")))
    await h.run((api) => api.registerPerson(petr, coded("jn-debt", "debt", "JN85")))
    for (const [id, people] of [["v1", ["jn-1"]], ["v2", ["jn-2", "kuba"]], ["v3", ["mk-1", "ema"]]] as const) {
      await h.run((api) => api.recordContact(eva, contact(id, 3, people, 0) as never))
    }
    const byId = await h.run((api) => api.listContacts(eva, { serviceId: "club", period: "2026-05", count: true }))
    expect(byId.counts).toEqual({ records: 3, distinctPeople: 5, anonymous: 0 })
    const byCode = await h.run((api) =>
      api.listContacts(eva, { serviceId: "club", period: "2026-05", count: true, peopleBy: "code" })
    )
    // jn-1 and jn-2 are one person by code; kuba, ema and mk-1 count by their ids or codes.
    expect(byCode.counts).toEqual({ records: 3, distinctPeople: 4, anonymous: 0 })
    // The club's people: kuba, ema, ola2, jn-1, jn-2, mk-1 (six; five by code).
    const people = (peopleBy?: "code") =>
      h.run((api) =>
        api.listPeople(marta, { serviceId: "club", count: true, limit: 2, ...(peopleBy ? { peopleBy } : {}) })
      )
    expect((await people()).counts).toEqual({ records: 6, distinctPeople: 6, anonymous: 0 })
    expect((await people("code")).counts).toEqual({ records: 6, distinctPeople: 5, anonymous: 0 })
    // The club shares jn-1 with debt, on her sharing consent.
    await shareWithDebt(h, "jn-1", "share-jn")
    // Debt lists its own two (kuba's counterpart in the fixture and jn-debt) and jn-1 shared in.
    const listed: Array<string> = []
    let cursor: string | undefined
    let counts: unknown
    do {
      const page = await h.run((api) =>
        api.listPeople(petr, { serviceId: "debt", count: true, limit: 1, ...(cursor ? { cursor } : {}) })
      )
      listed.push(...page.items.map((p) => p.id))
      counts = page.counts
      cursor = page.next
    } while (cursor !== undefined)
    expect(listed).toContain("jn-1")
    expect(counts).toEqual({ records: listed.length, distinctPeople: listed.length, anonymous: 0 })
    // By code: jn-1's code is the club's, jn-debt's the debt service's: two people, not linked.
    const debtByCode = await h.run((api) => api.listPeople(petr, { serviceId: "debt", count: true, peopleBy: "code" }))
    expect(debtByCode.counts).toEqual({ records: listed.length, distinctPeople: listed.length, anonymous: 0 })
    const bad = await h.fail((api) => api.listPeople(petr, { serviceId: "debt", peopleBy: "name" } as never))
    expect(bad).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "peopleBy" })] })
  })

  it("counts an activity's named and anonymous attendance apart", async () => {
    for (const [id, attendees, anonymous] of [["a1", ["kuba", "ema"], 4], ["a2", ["kuba"], 1]] as const) {
      await h.run((api) =>
        api.recordActivity(eva, {
          id,
          serviceId: "club",
          kind: "group-session",
          title: "Games",
          startsAt: T(5),
          audience: "youth",
          forExternalStaff: false,
          attendees: [...attendees],
          anonymousAttendance: anonymous
        })
      )
    }
    const page = await h.run((api) => api.listActivities(eva, { serviceId: "club", count: true }))
    expect(page.counts).toEqual({ records: 2, distinctPeople: 2, anonymous: 5 })
  })

  it("the receiving service lists the open referrals made to it; the referring one those it made", async () => {
    await h.run((api) =>
      api.giveConsent(eva, {
        id: "consent-r",
        personId: "kuba",
        serviceId: "club",
        purpose: "referral",
        grantee: { kind: "service", name: "Debt advice" },
        validFrom: T(3),
        givenAt: T(3),
        form: "verbal"
      })
    )
    for (const [id, day] of [["r1", 4], ["r2", 5], ["r3", 6]] as const) {
      await h.run((api) => api.refer(eva, kubaToDebt(id, T(day))))
    }
    await h.run((api) => api.answerReferral(petr, { referralId: "r2", status: "rejected", reason: "Full." }))
    await h.run((api) => api.answerReferral(petr, { referralId: "r3", status: "accepted" }))
    const ids = (page: { readonly items: ReadonlyArray<{ readonly id: string }> }) => page.items.map((r) => r.id)
    const received = await h.run((api) => api.listOpenReferrals(petr, { serviceId: "debt", direction: "received" }))
    expect(ids(received)).toEqual(["r1", "r3"])
    expect(ids(await h.run((api) => api.listOpenReferrals(eva, { serviceId: "club" })))).toEqual(["r1", "r3"])
    expect(ids(await h.run((api) => api.listOpenReferrals(petr, { serviceId: "debt" })))).toEqual([])
    expect(
      ids(await h.run((api) => api.listOpenReferrals(eva, { serviceId: "club", direction: "received" })))
    ).toEqual([])
    // The referring service's worker may not list what debt received (nor may the administrator).
    for (const actor of [eva, admin]) {
      expect((await h.fail((api) => api.listOpenReferrals(actor, { serviceId: "debt", direction: "received" })))._tag)
        .toBe("AccessDenied")
    }
    const bad = await h.fail((api) =>
      api.listOpenReferrals(petr, { serviceId: "debt", direction: "sideways" } as never)
    )
    expect(bad).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "direction" })] })
  })
})

describe("counts agree with a model (memory store, property)", () => {
  const arbContact = fc.record({
    day: fc.integer({ min: 3, max: 40 }),
    people: fc.subarray(["kuba", "ema", "ola2"]),
    anonymous: fc.integer({ min: 0, max: 4 })
  }).filter((c) => c.people.length + c.anonymous > 0)

  it("for random contacts and periods", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbContact, { maxLength: 8 }),
        fc.constantFrom("2026-05", "2026-06"),
        (contacts, period) =>
          onFreshMemory(async (h) => {
            for (const id of ["ema", "ola2"]) await h.run((api) => api.registerPerson(eva, pseudonymous(id)))
            for (const [i, c] of contacts.entries()) {
              await h.run((api) => api.recordContact(eva, contact(`c${i}`, c.day, c.people, c.anonymous) as never))
            }
            const inPeriod = contacts.filter((c) => T(c.day).startsWith(period))
            const page = await h.run((api) =>
              api.listContacts(eva, { serviceId: "club", period, limit: 1, count: true })
            )
            expect(page.counts).toEqual({
              records: inPeriod.length,
              distinctPeople: new Set(inPeriod.flatMap((c) => c.people)).size,
              anonymous: inPeriod.reduce((n, c) => n + c.anonymous, 0)
            })
          })
      ),
      { numRuns: 15 }
    )
  })
})
