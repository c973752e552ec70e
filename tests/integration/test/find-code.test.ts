/**
 * Finding people by their pseudonymous code, and paging a search with the cursor (issue 12):
 * through the real plugins on every store. The code is a personal field (never stored in
 * plaintext, never in an error); the narrowing by identity level and age band is answered by the
 * store's index (one exact token), and paging returns each person once.
 */
import { Pseudonym } from "@pomoc/core"
import * as fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { eva, type Harness, harness, onFreshMemory, petr, setUp, stores, T } from "./daily-fixture.js"

const person = (id: string, serviceId: string, fields: Record<string, unknown>) => ({
  _tag: "pseudonymous" as const,
  id,
  serviceId,
  sharedWith: [],
  ageBand: "15-17" as const,
  gender: "male" as const,
  needs: [],
  registeredAt: T(3),
  nickname: "Kuba",
  ...fields
})

const ids = (found: { readonly people: ReadonlyArray<{ readonly id: string }> }) => found.people.map((p) => p.id)

describe.each(stores)("findPeople by code, paged (%s store)", (_name, storeLayer) => {
  let h: Harness
  beforeEach(async () => {
    h = harness(storeLayer())
    await setUp(h)
  })
  afterEach(() => h.dispose())

  it("finds a person by their code however it is typed (case folded), and never stores it in plaintext", async () => {
    await h.run((api) => api.registerPerson(eva, person("k-1", "club", { code: "Straße-07" })))
    await h.run((api) => api.registerPerson(eva, person("k-2", "club", { code: "JK-12" })))
    for (const typed of ["Straße-07", "STRASSE-07", " strasse-07 ", "STRAẞE-07"]) {
      expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", code: typed })))).toEqual(["k-1"])
    }
    // Not by prefix, not by the nickname's token, not in another service.
    expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", code: "STRASSE" })))).toEqual([])
    expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", code: "Kuba" })))).toEqual([])
    expect(ids(await h.run((api) => api.findPeople(petr, { serviceId: "debt", code: "JK-12" })))).toEqual([])
    // Code and nickname both given: both must match.
    expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", code: "jk-12", nickname: "KUBA" }))))
      .toEqual(["k-2"])
    expect(ids(await h.run((api) => api.findPeople(eva, { serviceId: "club", code: "jk-12", nickname: "Marek" }))))
      .toEqual([])
    // The stored record holds no code in any form (the data is encrypted; tokens are HMACs).
    const raw = JSON.stringify(await h.store((s) => s.list({ kind: "person" })))
    expect(raw).not.toMatch(/stra(ß|ss)e-07|jk-12/i)
    // A person read back has the code.
    const found = await h.run((api) => api.findPeople(eva, { serviceId: "club", code: "jk-12" }))
    expect(found.people[0]).toMatchObject({ _tag: "pseudonymous", code: "JK-12" })
  })

  it("a bad code is InvalidInput naming `code`, never echoing it; nothing stored", async () => {
    const before = (await h.audit()).length
    const e = await h.fail((api) => api.registerPerson(eva, person("k-3", "club", { code: "   " })))
    expect(e).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "code" })] })
    const long = await h.fail((api) => api.registerPerson(eva, person("k-3", "club", { code: "Q".repeat(201) })))
    expect(long).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "code" })] })
    expect(JSON.stringify(long)).not.toContain("QQQQ")
    expect((await h.audit()).length).toBe(before)
    expect(await h.store((s) => s.get("person", "k-3"))).toMatchObject({ _tag: "None" })
  })

  it("pages with the cursor: each person once, in order; a cursor of another search is refused", async () => {
    for (let i = 0; i < 7; i++) {
      await h.run((api) =>
        api.registerPerson(eva, person(`p-${i}`, "club", { registeredAt: T(3 + (i % 3)), ageBand: "18-20" }))
      )
    }
    const search = { serviceId: "club", nickname: "kuba", ageBand: "18-20" as const, limit: 3 }
    const seen: Array<string> = []
    let page = await h.run((api) => api.findPeople(eva, search))
    for (;;) {
      seen.push(...ids(page))
      expect(page.people.length).toBeLessThanOrEqual(3)
      expect(page.more).toBe(page.next !== undefined)
      if (page.next === undefined) break
      const cursor = page.next
      page = await h.run((api) => api.findPeople(eva, { ...search, cursor }))
    }
    expect(seen).toEqual(["p-0", "p-3", "p-6", "p-1", "p-4", "p-2", "p-5"])
    const first = await h.run((api) => api.findPeople(eva, search))
    const other = await h.fail((api) => api.findPeople(eva, { ...search, ageBand: "15-17", cursor: first.next! }))
    expect(other).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "cursor" })] })
    const altered = await h.fail((api) => api.findPeople(eva, { ...search, cursor: first.next! + "x" }))
    expect(altered).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "cursor" })] })
  })

  it("narrowing by identity level and age band is one exact match in the store's index", async () => {
    await h.run((api) => api.registerPerson(eva, person("young", "club", { ageBand: "11-14" })))
    const asked: Array<string> = []
    const tokens = await h.store((s) => s.list({ kind: "person" }))
    const young = tokens.find((r) => r.id === "young")!.lookup ?? []
    // The bare token, narrowed by level, by band and by both, in each service known to.
    expect(young).toHaveLength(4)
    for (const t of young) asked.push(t)
    const holders = await Promise.all(
      asked.map((t) => h.store((s) => s.page({ kind: "person", lookup: t, limit: 10 })))
    )
    for (const page of holders) expect(page.records.map((r) => r.id)).toContain("young")
    const narrowed = young.filter((t) => t.includes(".l-") && t.includes(".b-"))
    expect(narrowed).toHaveLength(1)
    expect((await h.store((s) => s.page({ kind: "person", lookup: narrowed[0]!, limit: 10 }))).records.map((r) => r.id))
      .toEqual(["young"])
  })
})

describe("findPeople by nickname and code agrees with a naive model, over pages (memory store)", () => {
  const values = ["Kuba", "KUBA", "Straße", "STRASSE", "Ája", "aja"]
  const arbPerson = fc.record({
    service: fc.constantFrom("club", "debt"),
    nickname: fc.constantFrom(...values),
    code: fc.option(fc.constantFrom(...values, "JK-1", "jk-1"), { nil: undefined }),
    ageBand: fc.constantFrom("18-20" as const, "21-26" as const),
    day: fc.integer({ min: 3, max: 6 })
  })
  const arbQuery = fc.record({
    serviceId: fc.constantFrom("club", "debt"),
    nickname: fc.option(fc.constantFrom(...values), { nil: undefined }),
    code: fc.option(fc.constantFrom(...values, "JK-1"), { nil: undefined }),
    ageBand: fc.option(fc.constantFrom("18-20" as const, "21-26" as const), { nil: undefined }),
    limit: fc.integer({ min: 1, max: 4 })
  }).filter((q) => q.nickname !== undefined || q.code !== undefined)

  it("for random people and random searches, page by page", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbPerson, { maxLength: 10 }),
        fc.array(arbQuery, { minLength: 1, maxLength: 5 }),
        (people, queries) =>
          onFreshMemory(async (h) => {
            const all = [
              { id: "kuba", service: "club", nickname: "Kuba", code: undefined, ageBand: "15-17", day: 2 },
              { id: "marek", service: "debt", nickname: "Marek", code: undefined, ageBand: "27-64", day: 2 },
              ...people.map((p, i) => ({ ...p, id: `p${i}` }))
            ]
            for (const p of all.slice(2)) {
              await h.run((api) =>
                api.registerPerson(
                  p.service === "club" ? eva : petr,
                  person(p.id, p.service, {
                    nickname: p.nickname,
                    ageBand: p.ageBand,
                    registeredAt: T(p.day),
                    ...(p.code === undefined ? {} : { code: p.code })
                  })
                )
              )
            }
            const same = (a: string | undefined, b: string | undefined) =>
              b === undefined || (a !== undefined && Pseudonym.normalise(a) === Pseudonym.normalise(b))
            for (const q of queries) {
              const expected = all
                .filter((p) =>
                  p.service === q.serviceId && same(p.nickname, q.nickname) && same(p.code, q.code) &&
                  (q.ageBand === undefined || p.ageBand === q.ageBand)
                )
                .sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
                .map((p) => p.id)
              const input = {
                serviceId: q.serviceId,
                limit: q.limit,
                ...(q.nickname === undefined ? {} : { nickname: q.nickname }),
                ...(q.code === undefined ? {} : { code: q.code }),
                ...(q.ageBand === undefined ? {} : { ageBand: q.ageBand })
              }
              const actor = q.serviceId === "club" ? eva : petr
              const seen: Array<string> = []
              let page = await h.run((api) => api.findPeople(actor, input))
              for (let n = 0;; n++) {
                expect(page.people.length).toBeLessThanOrEqual(q.limit)
                seen.push(...ids(page))
                if (page.next === undefined || n > 20) break
                const cursor = page.next
                page = await h.run((api) => api.findPeople(actor, { ...input, cursor }))
              }
              expect(seen).toEqual(expected)
            }
          })
      ),
      { numRuns: 15 }
    )
  })
})
