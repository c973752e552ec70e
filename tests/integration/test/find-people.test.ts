/**
 * Finding people again (issue 12, find): `findPeople` through the real plugins on every store
 * (memory, SQLite, PostgreSQL): who may, how a nickname matches, that the blind index links no
 * two services, that erasure removes the tokens, and bad input.
 */
import { BlindIndex, Pseudonym, type Store } from "@pomoc/core"
import * as fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { admin, ana, eva, type Harness, harness, marta, ola, petr, setUp, stores, T } from "./daily-fixture.js"

const pseudonymous = (id: string, serviceId: string, nickname: string, extra: Record<string, unknown> = {}) => ({
  _tag: "pseudonymous" as const,
  id,
  serviceId,
  sharedWith: [],
  ageBand: "15-17" as const,
  gender: "male" as const,
  needs: [],
  registeredAt: T(3),
  nickname,
  ...extra
})

const ids = (found: { readonly people: ReadonlyArray<{ readonly id: string }> }) => found.people.map((p) => p.id)

/** Registers a nicknamed person in the club and identifies them, on their consent. */
const registerIdentified = async (h: Harness, id: string, nickname: string) => {
  await h.run((api) =>
    api.registerPerson(eva, pseudonymous(id, "club", nickname, { ageBand: "18-20", registeredAt: T(4) }))
  )
  await h.run((api) =>
    api.giveConsent(eva, {
      personId: id,
      serviceId: "club",
      purpose: "identification",
      grantee: { kind: "service", name: "Club" },
      validFrom: T(4),
      givenAt: T(4),
      form: "verbal"
    })
  )
  await h.run((api) =>
    api.changeIdentityLevel(eva, {
      person: {
        _tag: "identified",
        id,
        serviceId: "club",
        sharedWith: [],
        ageBand: "18-20",
        gender: "male",
        needs: [],
        registeredAt: T(4),
        givenName: "Jakub",
        nickname,
        contactDetails: {}
      }
    })
  )
}

describe.each(stores)("findPeople (%s store)", (_name, storeLayer) => {
  let h: Harness
  beforeEach(async () => {
    h = harness(storeLayer())
    await setUp(h)
  })
  afterEach(() => h.dispose())

  /** A record's blind-index tokens: one bare code per value and service (their narrowings aside). */
  const tokensOf = async (kind: Store.RecordKind, id: string) =>
    (await h.store((s) => s.get(kind, id))).pipe((o) =>
      o._tag === "Some" ? (o.value.lookup ?? []).filter((t) => /^ps1-[a-z2-7]{16}$/.test(t)) : undefined
    )

  it("matches a nickname however it is typed, never by prefix; workers and coordinators of the service may", async () => {
    for (const typed of ["Kuba", "kuba ", "KUBA", "  kUbA  "]) {
      expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: typed })))).toEqual(["kuba"])
    }
    expect(ids(await h.run((api) => api.findPeople(marta, { serviceId: "club", nickname: "Kuba" })))).toEqual(["kuba"])
    expect(ids(await h.run((api) => api.findPeople(admin, { serviceId: "club", nickname: "Kuba" })))).toEqual(["kuba"])
    for (const part of ["Ku", "K", "Kub", "uba", "Kuba Z"]) {
      expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: part })))).toEqual([])
    }
  })

  it("is denied to other services' workers, volunteers and auditors (unknown and forbidden look alike)", async () => {
    for (const actor of [petr, ana, ola]) {
      const e = await h.fail((api) => api.findPeople(actor, { serviceId: "club", nickname: "Kuba" }))
      expect(e).toMatchObject({ _tag: "AccessDenied", operation: "FindPeople" })
      expect(JSON.stringify(e)).not.toMatch(/kuba/i)
    }
  })

  it("the same nickname in two services gives unrelated tokens and finds only the service's person", async () => {
    await h.run((api) => api.registerPerson(petr, pseudonymous("kuba-debt", "debt", "Kuba", { ageBand: "27-64" })))
    const club = await tokensOf("person", "kuba")
    const debt = await tokensOf("person", "kuba-debt")
    expect(club).toHaveLength(1)
    expect(debt).toHaveLength(1)
    expect(club).not.toEqual(debt)
    expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: "Kuba" })))).toEqual(["kuba"])
    expect(ids(await h.run((api) => api.findPeople(petr, { serviceId: "debt", nickname: "kuba" })))).toEqual([
      "kuba-debt"
    ])
    // No token holds the nickname, in any form.
    for (const t of [...club!, ...debt!]) expect(t.toLowerCase()).not.toContain("kuba")
  })

  it("narrows by identity level, age band and active cooperation; pages with a bounded limit", async () => {
    await h.run((api) => api.registerPerson(eva, pseudonymous("kuba-2", "club", "KUBA", { ageBand: "11-14" })))
    await registerIdentified(h, "kuba-3", "kuba")
    const find = (input: Record<string, unknown>) =>
      h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: "Kuba", ...input }))
    expect(ids(await find({}))).toEqual(["kuba", "kuba-2", "kuba-3"])
    expect(ids(await find({ ageBand: "11-14" }))).toEqual(["kuba-2"])
    expect(ids(await find({ identityLevel: "identified" }))).toEqual(["kuba-3"])
    expect(ids(await find({ identityLevel: "anonymous" }))).toEqual([])
    expect(ids(await find({ activeCooperation: true }))).toEqual([])
    await h.run((api) => api.startCooperation(eva, { serviceId: "club", personId: "kuba-2", startedAt: T(5) }))
    expect(ids(await find({ activeCooperation: true }))).toEqual(["kuba-2"])
    expect(ids(await find({ activeCooperation: false }))).toEqual(["kuba", "kuba-3"])
    const page = await find({ limit: 2 })
    expect(ids(page)).toEqual(["kuba", "kuba-2"])
    expect(page.more).toBe(true)
    expect((await find({ limit: 3 })).more).toBe(false)
  })

  it("active cooperation is a store filter: full pages however far apart the cooperating people are (model)", async () => {
    // 24 people nicknamed Kuba besides the fixture's; cooperating now: the last two, and one
    // whose cooperation ended (not active), in the club; one more in debt (another service).
    const many = Array.from({ length: 24 }, (_, i) => `k-${String(i).padStart(2, "0")}`)
    for (const id of many) {
      await h.run((api) => api.registerPerson(eva, pseudonymous(id, "club", "Kuba", { registeredAt: T(4) })))
    }
    const started: Array<string> = []
    for (const id of ["k-22", "k-23", "k-05"]) {
      const { value } = await h.run((api) =>
        api.startCooperation(eva, { serviceId: "club", personId: id, startedAt: T(5) })
      )
      started.push(value.id)
    }
    await h.run((api) => api.endCooperation(eva, { cooperationId: started[2]!, reason: "goals-met" }))
    const active = ["k-22", "k-23"]
    const pages = async (activeCooperation: boolean, limit: number) => {
      const out: Array<Array<string>> = []
      let cursor: string | undefined
      do {
        const page = await h.run((api) =>
          api.findPeople(eva, {
            serviceId: "club",
            nickname: "Kuba",
            activeCooperation,
            limit,
            ...(cursor === undefined ? {} : { cursor })
          })
        )
        out.push(ids(page))
        cursor = page.next
      } while (cursor !== undefined)
      return out
    }
    // Every page full (the last may be short): the store filters, nothing is left to later pages.
    expect(await pages(true, 1)).toEqual(active.map((id) => [id]))
    const rest = ["kuba", ...many.filter((id) => !active.includes(id))]
    const without = await pages(false, 5)
    expect(without.flat()).toEqual(rest)
    for (const page of without.slice(0, -1)) expect(page).toHaveLength(5)
  })

  it("audits finding identified people (ids only), not pseudonymous ones", async () => {
    const before = (await h.audit()).length
    await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: "Kuba" }))
    expect((await h.audit()).length).toBe(before)
    await registerIdentified(h, "jakub", "Kuba")
    const registered = (await h.audit()).length
    await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: "Kuba" }))
    const log = await h.audit()
    expect(log.length).toBe(registered + 1)
    const entry = log[log.length - 1]!
    expect(entry).toMatchObject({
      operation: "FindPeople",
      outcome: "read",
      subjects: [{ kind: "person", id: "jakub" }]
    })
    expect(JSON.stringify(entry)).not.toMatch(/kuba|jakub(?!")/i)
  })

  it("refuses bad input with InvalidInput naming the field, and stores nothing", async () => {
    const before = (await h.audit()).length
    const cases: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
      [{ serviceId: "club" }, "nickname"],
      [{ serviceId: "club", nickname: "Kuba", limit: 0 }, "limit"],
      [{ serviceId: "club", nickname: "Kuba", limit: 101 }, "limit"],
      [{ serviceId: "club", nickname: "Kuba", limit: 1.5 }, "limit"],
      [{ serviceId: "club", nickname: "   " }, "nickname"],
      [{ serviceId: "club", code: "" }, "code"],
      [{ serviceId: "club", nickname: "Kuba", ageBand: "teen" }, "ageBand"],
      [{ serviceId: "club", nickname: "Kuba", identityLevel: "secret" }, "identityLevel"],
      [{ serviceId: "club", nickname: "Kuba", activeCooperation: "yes" }, "activeCooperation"]
    ]
    for (const [input, field] of cases) {
      const e = await h.fail((api) => api.findPeople(eva, input as never))
      expect(e).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: field })] })
      expect(JSON.stringify(e)).not.toMatch(/Kuba/)
    }
    expect((await h.audit()).length).toBe(before)
  })

  it("erasure leaves no token that links: the erased person is found no more", async () => {
    const [token] = (await tokensOf("person", "kuba"))!
    expect(token).toMatch(/^ps1-/)
    await h.run((api) => api.erasePerson(marta, "kuba"))
    expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: "Kuba" })))).toEqual([])
    const holders = await h.store((s) => s.list({ kind: "person", lookup: token! }))
    expect(holders).toEqual([])
    const people = await h.store((s) => s.list({ kind: "person" }))
    expect(people.flatMap((p) => p.lookup ?? [])).not.toContain(token)
  })

  it("finds a person shared with the service (on their consent) through that service's own token", async () => {
    expect(BlindIndex.purpose("club", "nickname")).not.toBe(BlindIndex.purpose("debt", "nickname"))
    expect(ids(await h.run((api) => api.findPeople(petr, { serviceId: "debt", nickname: "Kuba" })))).toEqual([])
    expect(await tokensOf("person", "kuba")).toHaveLength(1)
    const { value: consent } = await h.run((api) =>
      api.giveConsent(eva, {
        personId: "kuba",
        serviceId: "club",
        purpose: "sharing",
        grantee: { kind: "service", name: "Debt advice" },
        validFrom: T(3),
        givenAt: T(3),
        form: "verbal",
        alsoForServices: ["debt"]
      })
    )
    await h.run((api) => api.sharePerson(eva, { personId: "kuba", serviceId: "debt", consentId: consent.id }))
    expect(await tokensOf("person", "kuba")).toHaveLength(2)
    expect(ids(await h.run((api) => api.findPeople(petr, { serviceId: "debt", nickname: "KUBA" })))).toEqual(["kuba"])
    expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: "kuba" })))).toEqual(["kuba"])
  })
})

describe("findPeople without a pseudonym key", () => {
  it("is InvalidCommand on the field, naming the missing key, never the value", async () => {
    const h = harness(stores[0]![1](), { pseudonymKey: false })
    try {
      await setUp(h)
      const e = await h.fail((api) => api.findPeople(eva, { serviceId: "club", nickname: "Kuba" }))
      expect(e).toMatchObject({ _tag: "InvalidCommand", field: "nickname" })
      expect(JSON.stringify(e)).not.toMatch(/kuba/i)
      // Nothing was indexed either.
      const people = await h.store((s) => s.list({ kind: "person" }))
      expect(people.flatMap((p) => p.lookup ?? [])).toEqual([])
    } finally {
      await h.dispose()
    }
  })
})

describe("findPeople agrees with a naive model", () => {
  // Nicknames as workers type them: a few people share one, some differ only in diacritics.
  const nicknames = ["Kuba", "kuba ", "KUBA", "Šimon", "Simon", "Ája", "aja", "Kuba Z", "kuba  z"]
  const arbPerson = fc.record({
    service: fc.constantFrom("club", "debt"),
    nickname: fc.option(fc.constantFrom(...nicknames), { nil: undefined }),
    ageBand: fc.constantFrom("18-20" as const, "21-26" as const),
    day: fc.integer({ min: 3, max: 9 })
  })
  const arbQuery = fc.record({
    serviceId: fc.constantFrom("club", "debt"),
    nickname: fc.constantFrom(...nicknames),
    ageBand: fc.option(fc.constantFrom("18-20" as const, "21-26" as const), { nil: undefined })
  })

  it("for random people and random queries (memory store)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbPerson, { maxLength: 12 }),
        fc.array(arbQuery, { minLength: 1, maxLength: 6 }),
        async (people, queries) => {
          const h = harness(stores[0]![1]())
          try {
            await setUp(h)
            const registered = people.map((p, i) => ({ ...p, id: `p${i}` }))
            for (const p of registered) {
              const actor = p.service === "club" ? eva : petr
              const common = {
                id: p.id,
                serviceId: p.service,
                sharedWith: [],
                ageBand: p.ageBand,
                gender: "not-stated" as const,
                needs: [],
                registeredAt: T(p.day)
              }
              await h.run((api) =>
                api.registerPerson(
                  actor,
                  p.nickname === undefined
                    ? { _tag: "anonymous", ...common }
                    : { _tag: "pseudonymous", ...common, nickname: p.nickname }
                )
              )
            }
            // The fixture's own people: Kuba in the club, Marek in the debt service (day 2).
            const all = [
              { id: "kuba", service: "club", nickname: "Kuba", ageBand: "15-17", day: 2 },
              { id: "marek", service: "debt", nickname: "Marek", ageBand: "27-64", day: 2 },
              ...registered
            ]
            for (const q of queries) {
              const actor = q.serviceId === "club" ? eva : petr
              const found = await h.run((api) =>
                api.findPeople(actor, {
                  serviceId: q.serviceId,
                  nickname: q.nickname,
                  ...(q.ageBand === undefined ? {} : { ageBand: q.ageBand }),
                  limit: 100
                })
              )
              const expected = all
                .filter((p) =>
                  p.service === q.serviceId &&
                  p.nickname !== undefined &&
                  Pseudonym.normalise(p.nickname) === Pseudonym.normalise(q.nickname) &&
                  (q.ageBand === undefined || p.ageBand === q.ageBand)
                )
                .sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
                .map((p) => p.id)
              expect(ids(found)).toEqual(expected)
              expect(found.more).toBe(false)
            }
          } finally {
            await h.dispose()
          }
        }
      ),
      { numRuns: 15 }
    )
  })
})
