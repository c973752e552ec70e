import { Contact, Cooperation, Person, Service } from "@pomoc/core"
import { DateTime, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Retention } from "../../src/privacy/index.js"

const iso = (ms: number) => new Date(ms).toISOString()
const at = (text: string) => DateTime.makeUnsafe(text)

const service = (id: string, type: string, retentionMonths?: number) =>
  Schema.decodeUnknownSync(Service)({
    id,
    organisationId: "o-1",
    type,
    name: "A service",
    targetGroup: { description: "everyone" },
    localities: [],
    principles: [],
    freeOfCharge: true,
    firstContactChannels: [],
    registeredAt: "2020-01-01T00:00:00.000Z",
    ...(retentionMonths === undefined ? {} : { retentionMonths })
  })

const person = (
  id: string,
  serviceId: string,
  registeredAt: string,
  tag: "anonymous" | "pseudonymous" = "pseudonymous"
) =>
  Schema.decodeUnknownSync(Person)({
    _tag: tag,
    id,
    serviceId,
    sharedWith: [],
    ageBand: "15-17",
    gender: "not-stated",
    needs: [],
    registeredAt,
    ...(tag === "pseudonymous" ? { nickname: "N" } : {})
  })

const cooperation = (id: string, personId: string, serviceId: string, startedAt: string, endedAt?: string) =>
  Schema.decodeUnknownSync(Cooperation)({
    id,
    personId,
    serviceId,
    startedAt,
    ...(endedAt === undefined ? {} : { endedAt, endedBy: "person" })
  })

const contact = (id: string, personIds: ReadonlyArray<string>, serviceId: string, when: string) =>
  Schema.decodeUnknownSync(Contact)({
    id,
    serviceId,
    at: when,
    durationMinutes: 10,
    locationKind: "street-area",
    channel: "in-person",
    workers: ["w-1"],
    participants: personIds,
    anonymousCount: 0,
    interventions: [],
    firstContact: false,
    mode: personIds.length === 1 ? "individual" : "group"
  })

describe("Retention.expired", () => {
  const debt = service("s-debt", "debt-counselling")
  const records = {
    services: [debt],
    persons: [person("p-1", "s-debt", "2020-05-01T00:00:00.000Z")],
    cooperations: [cooperation("c-1", "p-1", "s-debt", "2020-05-01T00:00:00.000Z", "2023-01-15T12:00:00.000Z")]
  }
  const policy = { byServiceType: { "debt-counselling": 36 } }

  it("lists a person once the period after their cooperation ended has passed, to the millisecond", () => {
    expect(Retention.expired(records, { ...policy, now: at("2026-01-15T11:59:59.999Z") })).toEqual([])
    const [due, ...rest] = Retention.expired(records, { ...policy, now: at("2026-01-15T12:00:00.000Z") })
    expect(rest).toEqual([])
    expect(due).toEqual({
      personId: "p-1",
      serviceId: "s-debt",
      basis: "cooperation-ended",
      lastActiveAt: at("2023-01-15T12:00:00.000Z"),
      retentionMonths: 36,
      expiredAt: at("2026-01-15T12:00:00.000Z")
    })
  })

  it("never lists a person whose cooperation is active", () => {
    const withActive = {
      ...records,
      cooperations: [...records.cooperations, cooperation("c-2", "p-1", "s-debt", "2024-01-01T00:00:00.000Z")]
    }
    expect(Retention.expired(withActive, { ...policy, now: at("2090-01-01T00:00:00.000Z") })).toEqual([])
  })

  it("counts from a later contact, and from registration without cooperation", () => {
    const withContact = { ...records, contacts: [contact("k-1", ["p-1"], "s-debt", "2024-06-30T09:00:00.000Z")] }
    const [due] = Retention.expired(withContact, { ...policy, now: at("2027-06-30T09:00:00.000Z") })
    expect(due?.basis).toBe("last-contact")
    expect(due?.expiredAt).toEqual(at("2027-06-30T09:00:00.000Z"))
    // A contact in another service does not count.
    const elsewhere = { ...records, contacts: [contact("k-2", ["p-1"], "s-other", "2025-06-30T09:00:00.000Z")] }
    expect(Retention.expired(elsewhere, { ...policy, now: at("2026-01-15T12:00:00.000Z") })).toHaveLength(1)
    const noCooperation = { ...records, cooperations: [] }
    expect(Retention.expired(noCooperation, { ...policy, now: at("2023-05-01T00:00:00.000Z") })[0]?.basis).toBe(
      "registration"
    )
  })

  it("skips anonymous people", () => {
    const anonymous = { ...records, persons: [person("p-1", "s-debt", "2020-05-01T00:00:00.000Z", "anonymous")] }
    expect(Retention.expired(anonymous, { ...policy, now: at("2090-01-01T00:00:00.000Z") })).toEqual([])
  })

  it("takes the period from byService, then the service, then its type, then the default; none keeps data", () => {
    const withOwn = service("s-1", "street-work", 12)
    const plain = service("s-2", "street-work")
    expect(
      Retention.retentionMonthsFor(withOwn, {
        byService: { "s-1": 6 },
        byServiceType: { "street-work": 24 },
        default: 48
      })
    ).toBe(6)
    expect(Retention.retentionMonthsFor(withOwn, { byServiceType: { "street-work": 24 }, default: 48 })).toBe(12)
    expect(Retention.retentionMonthsFor(plain, { byServiceType: { "street-work": 24 }, default: 48 })).toBe(24)
    expect(Retention.retentionMonthsFor(plain, { byServiceType: { toString: 1 }, default: 48 })).toBe(48)
    expect(Retention.retentionMonthsFor(plain, {})).toBeUndefined()
    expect(Retention.retentionMonthsFor({ id: plain.id, type: "constructor" }, {})).toBeUndefined()
    expect(Retention.expired({ ...records, services: [plain] }, { now: at("2090-01-01T00:00:00.000Z") })).toEqual([])
  })

  it("adds calendar months (end of month clamps)", () => {
    const r = {
      ...records,
      cooperations: [cooperation("c-1", "p-1", "s-debt", "2020-05-01T00:00:00.000Z", "2023-08-31T00:00:00.000Z")]
    }
    const [due] = Retention.expired(r, {
      byServiceType: { "debt-counselling": 6 },
      now: at("2030-01-01T00:00:00.000Z")
    })
    expect(due?.expiredAt).toEqual(at("2024-02-29T00:00:00.000Z"))
  })
})

// Properties over random worlds of a few people, services, cooperations and contacts.
const MIN = Date.UTC(2015, 0, 1)
const MAX = Date.UTC(2030, 0, 1)
const arbMs = fc.integer({ min: MIN, max: MAX })
const ids = ["p-1", "p-2", "p-3", "p-4"] as const
const services = ["s-1", "s-2"] as const

const arbWorld = fc
  .record({
    people: fc.tuple(
      ...ids.map(() => fc.record({ service: fc.constantFrom(...services), registered: arbMs, anonymous: fc.boolean() }))
    ),
    cooperations: fc.array(
      fc.record({
        person: fc.constantFrom(...ids),
        service: fc.constantFrom(...services),
        start: arbMs,
        length: fc.option(fc.integer({ min: 0, max: 5 * 365 * 86_400_000 }))
      }),
      { maxLength: 6 }
    ),
    contacts: fc.array(
      fc.record({
        people: fc.subarray([...ids], { minLength: 1 }),
        service: fc.constantFrom(...services),
        when: arbMs
      }),
      { maxLength: 6 }
    ),
    months: fc.record({ "s-1": fc.integer({ min: 0, max: 120 }), "s-2": fc.integer({ min: 0, max: 120 }) })
  })
  .map((w) => ({
    records: {
      services: [service("s-1", "street-work"), service("s-2", "debt-counselling")],
      persons: w.people.map((p, i) =>
        person(ids[i]!, p.service, iso(p.registered), p.anonymous ? "anonymous" : "pseudonymous")
      ),
      cooperations: w.cooperations.map((c, i) =>
        cooperation(
          `c-${i}`,
          c.person,
          c.service,
          iso(c.start),
          c.length === null ? undefined : iso(c.start + c.length)
        )
      ),
      contacts: w.contacts.map((c, i) => contact(`k-${i}`, c.people, c.service, iso(c.when)))
    },
    months: w.months
  }))

describe("Retention.expired, properties", () => {
  it("lists only non-anonymous people without an active cooperation, past their period", () => {
    fc.assert(
      fc.property(arbWorld, arbMs, ({ records, months }, now) => {
        const result = Retention.expired(records, { byService: months, now: DateTime.makeUnsafe(now) })
        expect(new Set(result.map((e) => e.personId)).size).toBe(result.length)
        for (const e of result) {
          const p = records.persons.find((x) => x.id === e.personId)!
          expect(p._tag).not.toBe("anonymous")
          expect(e.serviceId).toBe(p.serviceId)
          expect(
            records.cooperations.some((c) =>
              c.personId === p.id && c.serviceId === p.serviceId && c.endedAt === undefined
            )
          ).toBe(false)
          expect(e.retentionMonths).toBe(months[p.serviceId as "s-1" | "s-2"])
          expect(DateTime.isLessThanOrEqualTo(e.expiredAt, DateTime.makeUnsafe(now))).toBe(true)
          expect(e.expiredAt).toEqual(DateTime.add(e.lastActiveAt, { months: e.retentionMonths }))
          // Counted from the latest activity with the person's own service.
          const activity = [
            p.registeredAt,
            ...records.cooperations.filter((c) => c.personId === p.id && c.serviceId === p.serviceId).map((c) =>
              c.endedAt!
            ),
            ...records.contacts.filter((c) => c.serviceId === p.serviceId && c.participants.includes(p.id)).map((c) =>
              c.at
            )
          ]
          for (const t of activity) expect(DateTime.isLessThanOrEqualTo(t, e.lastActiveAt)).toBe(true)
          expect(activity.some((t) => DateTime.toEpochMillis(t) === DateTime.toEpochMillis(e.lastActiveAt))).toBe(true)
        }
      })
    )
  })

  it("is monotone: later `now` or shorter periods never bring anyone back", () => {
    fc.assert(
      fc.property(
        arbWorld,
        arbMs,
        fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }),
        ({ records, months }, now, later) => {
          const idsAt = (t: number, m: Record<string, number>) =>
            Retention.expired(records, { byService: m, now: DateTime.makeUnsafe(t) }).map((e) => e.personId)
          const before = idsAt(now, months)
          expect(idsAt(now + later, months)).toEqual(expect.arrayContaining(before))
          const shorter = { "s-1": Math.floor(months["s-1"] / 2), "s-2": Math.floor(months["s-2"] / 2) }
          expect(idsAt(now, shorter)).toEqual(expect.arrayContaining(before))
        }
      )
    )
  })

  it("lists everyone eligible once the period has surely passed", () => {
    fc.assert(
      fc.property(arbWorld, ({ records, months }) => {
        const result = Retention.expired(records, { byService: months, now: DateTime.makeUnsafe(Date.UTC(2045, 0, 1)) })
        const eligible = records.persons.filter(
          (p) =>
            p._tag !== "anonymous" &&
            !records.cooperations.some((c) =>
              c.personId === p.id && c.serviceId === p.serviceId && c.endedAt === undefined
            )
        )
        expect(result.map((e) => e.personId).sort()).toEqual(eligible.map((p) => p.id).sort())
      })
    )
  })
})
