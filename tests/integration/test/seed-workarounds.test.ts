/**
 * Issue 13: the seed plugins' workarounds, each written against the old behaviour and now
 * recorded directly, through the case-work API on SQLite.
 */
import { FieldCrypto, KeyMaterial, Pomoc, Registry, StaffDirectory, Store } from "@pomoc/core"
import { communityCentre } from "@pomoc/service-community-centre"
import { debtCounselling, Situation } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { streetWork } from "@pomoc/service-street-work"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"

const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling, communityCentre, streetWork])
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
const youthWorker = { id: "rasa", grants: [{ role: "worker", services: ["centre"] }] }
const streetWorker = { id: "tom", grants: [{ role: "worker", services: ["street"] }] }
const counsellor = { id: "petr", grants: [{ role: "worker", services: ["debt"] }] }

type Api = Pomoc.PomocShape
let runtime: ManagedRuntime.ManagedRuntime<Pomoc.Pomoc | Store.Store, unknown>
const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Pomoc.Pomoc.use(f))
const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flip(Pomoc.Pomoc.use(f)))
const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
const T = (day: number, hour = 10) => new Date(Date.UTC(2026, 4, day, hour)).toISOString()

beforeEach(async () => {
  runtime = ManagedRuntime.make(
    Pomoc.layer(Pomoc.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker, counsellor, youthWorker, streetWorker])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provideMerge(SqliteStore.layer({ filename: ":memory:" }))
    )
  )
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  for (
    const [id, type, plugin, ages] of [
      ["club", "low-threshold-club", lowThresholdClub, { min: 6, max: 26 }],
      [
        "debt",
        "debt-counselling",
        debtCounselling,
        { min: 18, max: 120 }
      ],
      ["centre", "community-centre", communityCentre, { min: 0, max: 120 }],
      [
        "street",
        "street-work",
        streetWork,
        { min: 11, max: 26 }
      ]
    ] as const
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
})
afterEach(() => runtime.dispose())

const clubPerson = (over: Record<string, unknown>) => ({
  _tag: "pseudonymous",
  id: "kuba",
  serviceId: "club",
  sharedWith: [],
  ageBand: "15-17",
  gender: "not-stated",
  needs: [],
  registeredAt: T(2),
  nickname: "Kuba",
  ...over
})

describe("debt counselling: the situation as the plugin defines it", () => {
  it("registerPerson accepts what Situation.toFacts builds (keys with '-'), and the rules read it", async () => {
    const situation = Situation.toFacts({ debts: true, exclusion: ["unstable-housing", "long-term-unemployment"] })
    expect(Object.keys(situation)).toContain("unstable-housing")
    const { value } = await run((api) =>
      api.registerPerson(counsellor, {
        _tag: "pseudonymous",
        id: "client",
        serviceId: "debt",
        sharedWith: [],
        ageBand: "27-64",
        gender: "not-stated",
        needs: [],
        registeredAt: T(2),
        nickname: "K.",
        situation
      })
    )
    expect(value.situation).toEqual(situation)
    const answer = await run((api) => api.assessEligibility(counsellor, { serviceId: "debt", personId: "client" }))
    expect(answer.eligible).toBe(true)
    expect(answer.reasons.map((r) => r.rule)).not.toContain("debt-counselling/debt-situation")
  })
})

describe("debt counselling: in which area the situation improved", () => {
  it("records the area as a category of the plugin's indicator, and refuses an area it does not define", async () => {
    await run((api) =>
      api.registerPerson(counsellor, {
        _tag: "pseudonymous",
        id: "client",
        serviceId: "debt",
        sharedWith: [],
        ageBand: "27-64",
        gender: "not-stated",
        needs: [],
        registeredAt: T(2),
        nickname: "K.",
        situation: Situation.toFacts({ debts: true, exclusion: ["unstable-housing"] })
      })
    )
    const outcome = (category: string) => ({
      personId: "client",
      serviceId: "debt",
      indicator: "situation-improved-in-area" as const,
      at: T(6),
      value: { _tag: "Category" as const, value: category },
      recordedBy: "petr",
      personParticipated: true
    })
    const { value } = await run((api) => api.recordOutcome(counsellor, outcome("unstable-housing")))
    expect(value.value).toEqual({ _tag: "Category", value: "unstable-housing" })
    expect(await fail((api) => api.recordOutcome(counsellor, outcome("luck")))).toMatchObject({
      _tag: "InvalidCommand",
      field: "value"
    })
    expect(await stored("measurement")).toHaveLength(1)
  })
})

describe("low-threshold club: codes are checked against the service type's taxonomies", () => {
  it("refuses a need the club does not define, naming the field, and stores nothing", async () => {
    const refused = await fail((api) =>
      api.registerPerson(worker, clubPerson({ needs: ["leisure-time", "no-such-need"] }))
    )
    expect(refused).toMatchObject({ _tag: "InvalidCommand", field: "needs[1]" })
    expect(JSON.stringify(refused)).not.toContain("no-such-need")
    expect(await stored("person")).toEqual([])
    await run((api) => api.registerPerson(worker, clubPerson({ needs: ["leisure-time"] })))
    expect(await stored("person")).toHaveLength(1)
  })

  it("refuses a place type the club does not define (a care institution), naming the field, and stores nothing", async () => {
    const contact = {
      serviceId: "club",
      at: T(3),
      durationMinutes: 30,
      locationKind: "care-institution",
      channel: "in-person",
      mode: "individual",
      participants: [],
      anonymousCount: 1,
      workers: ["eva"],
      interventions: ["information"],
      firstContact: false
    } as const
    const refused = await fail((api) => api.recordContact(worker, contact))
    expect(refused).toMatchObject({ _tag: "InvalidCommand", field: "locationKind" })
    expect(await stored("contact")).toEqual([])
    await run((api) => api.recordContact(worker, { ...contact, locationKind: "club-premises" }))
    expect(await stored("contact")).toHaveLength(1)
  })
})

describe("low-threshold club: activities the young people organise themselves", () => {
  const activity = {
    serviceId: "club",
    kind: "group-session",
    title: "Tournament",
    startsAt: T(4, 16),
    audience: "youth",
    forExternalStaff: false,
    attendees: [],
    anonymousAttendance: 9
  } as const

  it("marks a self-organised activity as a report facet, and refuses an undeclared or mistyped field", async () => {
    const { value } = await run((api) => api.recordActivity(worker, { ...activity, fields: { selfOrganised: true } }))
    expect(value.fields).toEqual({ selfOrganised: true })
    await run((api) => api.recordActivity(worker, activity))
    const facets = (await stored("activity")).map((r) => r.facets["field_selfOrganised"])
    expect(facets.sort()).toEqual([true, undefined])
    const refused = await fail((api) =>
      api.recordActivity(worker, { ...activity, fields: { selfOrganised: "yes" as unknown as boolean } })
    )
    expect(refused).toMatchObject({ _tag: "InvalidCommand", field: "fields.selfOrganised" })
    expect(
      await fail((api) => api.recordActivity(worker, { ...activity, fields: { organisedBy: "x" } as never }))
    ).toMatchObject({ _tag: "InvalidCommand", field: "fields.organisedBy" })
    expect(await stored("activity")).toHaveLength(2)
  })

  it("checks an activity's topic against the club's activity topics, naming the field, storing nothing", async () => {
    const refused = await fail((api) => api.recordActivity(worker, { ...activity, topic: "no-such-topic" }))
    expect(refused).toMatchObject({ _tag: "InvalidCommand", field: "topic" })
    expect(JSON.stringify(refused)).not.toContain("no-such-topic")
    // A topic of another service type (the community centre's) is not the club's either.
    expect(await fail((api) => api.recordActivity(worker, { ...activity, topic: "amateur-art-group" })))
      .toMatchObject({ _tag: "InvalidCommand", field: "topic" })
    expect(await stored("activity")).toEqual([])
    const { value } = await run((api) => api.recordActivity(worker, { ...activity, topic: "games" }))
    expect(value.topic).toBe("games")
    // A correction is checked as a new record: the topic stays the club's.
    expect(
      await fail((api) => api.correctActivity(worker, { id: value.id, changes: { topic: "no-such-topic" } }))
    ).toMatchObject({ _tag: "InvalidCommand", field: "topic" })
    expect((await stored("activity")).map((r) => r.facets["topic"])).toEqual(["games"])
  })

  it("is typed in the host: a misspelt field is a compile error", () => {
    type Input = Parameters<Api["recordActivity"]>[1]
    const ok: Input = { ...activity, fields: { selfOrganised: true } }
    // @ts-expect-error: no registered plugin declares this activity field
    const typo: Input = { ...activity, fields: { selfOrganized: true } }
    expect([ok, typo]).toHaveLength(2)
  })
})

describe("community centre: volunteer hours summed in minutes", () => {
  it("reports the time volunteers gave per month in minutes (1.5 h and 2 h are 210), not as a count of sessions", async () => {
    await run((api) =>
      api.registerVolunteer(admin, {
        id: "vol",
        organisationId: "org",
        displayName: "Jana",
        kind: "volunteer",
        ageGroup: "youth",
        since: T(1),
        skills: []
      })
    )
    for (const [day, hours] of [[4, 1.5], [11, 2]] as const) {
      await run((api) =>
        api.recordVolunteerHours(admin, { volunteerId: "vol", serviceId: "centre", on: T(day), hours })
      )
    }
    const minutes = await run((api) =>
      api.report(youthWorker, { reportId: "volunteer-minutes-by-month", serviceId: "centre", period: "2026-05" })
    )
    expect(minutes.table._tag === "OneWay" && minutes.table.cells).toEqual([{ _tag: "Value", count: 210 }])
  })
})

describe("community centre: parks, cafés and sports grounds are places of their own", () => {
  it("records a contact in a park and one in a café as different place types", async () => {
    // The test project's API is typed by the club and debt counselling (registry.ts): the
    // centre's codes are checked here at run time only.
    const contact = (locationKind: string) =>
      ({
        serviceId: "centre",
        at: T(5, 18),
        durationMinutes: 20,
        locationKind,
        channel: "in-person",
        mode: "group",
        participants: [],
        anonymousCount: 4,
        workers: ["rasa"],
        interventions: ["street-youth-work"],
        firstContact: false
      }) as never
    for (const place of ["park", "cafe", "sports-ground"]) {
      await run((api) => api.recordContact(youthWorker, contact(place)))
    }
    expect((await stored("contact")).map((r) => r.facets["locationKind"]).sort()).toEqual([
      "cafe",
      "park",
      "sports-ground"
    ])
    expect(await fail((api) => api.recordContact(youthWorker, contact("care-institution")))).toMatchObject({
      _tag: "InvalidCommand",
      field: "locationKind"
    })
  })
})

describe("street work: first-contact channels chosen per locality", () => {
  const firstContact = (locationId: string, firstContactChannel: string) =>
    ({
      serviceId: "street",
      at: T(8, 17),
      durationMinutes: 60,
      locationId,
      locationKind: firstContactChannel === "lan-party" ? "event-venue" : "school",
      channel: "in-person",
      mode: "group",
      participants: [],
      anonymousCount: 12,
      workers: ["tom"],
      interventions: ["contact"],
      firstContact: true,
      firstContactChannel
    }) as never
  const choosing = (localityChannels: ReadonlyArray<{ locality: string; firstContactChannels: Array<string> }>) =>
    ({
      id: "street",
      changes: {
        localities: ["brno", "jihlava"],
        firstContactChannels: ["lan-party", "school-streetwork"],
        localityChannels
      }
    }) as never

  it("records a first contact at a locality only through a channel chosen there, storing nothing otherwise", async () => {
    // Brno reaches gamers at LAN parties; Jihlava chose nothing of its own (any of the service's).
    await run((api) => api.correctService(admin, choosing([{ locality: "brno", firstContactChannels: ["lan-party"] }])))
    const refused = await fail((api) => api.recordContact(streetWorker, firstContact("brno", "school-streetwork")))
    expect(refused).toMatchObject({ _tag: "InvalidCommand", field: "firstContactChannel" })
    expect(await stored("contact")).toEqual([])
    await run((api) => api.recordContact(streetWorker, firstContact("brno", "lan-party")))
    await run((api) => api.recordContact(streetWorker, firstContact("jihlava", "school-streetwork")))
    expect(await stored("contact")).toHaveLength(2)
  })

  it("refuses a locality the service does not serve, or one listed twice, and a channel it did not choose", async () => {
    const refused = (localityChannels: Parameters<typeof choosing>[0]) =>
      fail((api) => api.correctService(admin, choosing(localityChannels)))
    expect(await refused([{ locality: "praha", firstContactChannels: ["lan-party"] }])).toMatchObject({
      _tag: "InvalidCommand",
      field: "localityChannels[0].locality"
    })
    expect(
      await refused([
        { locality: "brno", firstContactChannels: [] },
        { locality: "brno", firstContactChannels: ["lan-party"] }
      ])
    ).toMatchObject({ _tag: "InvalidCommand", field: "localityChannels[1].locality" })
    expect(await refused([{ locality: "brno", firstContactChannels: ["online-outreach"] }]))
      .toMatchObject({ _tag: "InvalidCommand", field: "localityChannels[0].firstContactChannels[0]" })
  })
})

describe("street work: people new to the service, counted per contact", () => {
  // The test project's API is typed by the club and debt counselling (registry.ts): street
  // work's codes and fields are checked here at run time only.
  const lanParty = (over: Record<string, unknown>) =>
    ({
      serviceId: "street",
      at: T(8, 17),
      durationMinutes: 180,
      locationKind: "event-venue",
      channel: "in-person",
      mode: "group",
      participants: [],
      anonymousCount: 40,
      workers: ["tom"],
      interventions: ["contact"],
      firstContact: true,
      firstContactChannel: "lan-party",
      ...over
    }) as never

  it("records one LAN party of 40 gamers, 30 of them new, as one contact (no split), and the share per channel", async () => {
    await run((api) => api.recordContact(streetWorker, lanParty({ fields: { newToService: 30 } })))
    const contacts = await stored("contact")
    expect(contacts).toHaveLength(1)
    const [record] = contacts
    expect(record!.facets["field_newToService"]).toBe(30)
    expect(record!.facets["firstContactChannel"]).toBe("lan-party")
    // The seed's ~75 % at LAN parties: new people over the people the channel reached.
    expect(Number(record!.facets["field_newToService"]) / 40).toBe(0.75)
  })

  it("reports the share of new people per way of first contact (new-to-service-share-by-channel), not by hand", async () => {
    // Two LAN parties (40 gamers, 30 new; 20 gamers, 15 new) and a school visit (25 pupils, 5 new).
    await run((api) => api.recordContact(streetWorker, lanParty({ fields: { newToService: 30 } })))
    await run((api) =>
      api.recordContact(streetWorker, lanParty({ at: T(9, 17), anonymousCount: 20, fields: { newToService: 15 } }))
    )
    await run((api) =>
      api.recordContact(
        streetWorker,
        lanParty({
          at: T(10, 12),
          anonymousCount: 25,
          locationKind: "school",
          firstContactChannel: "school-streetwork",
          fields: { newToService: 5 }
        })
      )
    )
    const result = await run((api) =>
      api.report(streetWorker, { reportId: "new-to-service-share-by-channel", serviceId: "street", period: "2026-05" })
    )
    const rows = result.rowKeys.map((key) => String(key[0]))
    const shareOf = (channel: string) => result.rates!.rows[rows.indexOf(channel)]
    expect(shareOf("lan-party")).toBe(45 / 60) // the seed's ~75 % at LAN parties
    expect(shareOf("school-streetwork")).toBe(5 / 25)
    expect(result.rates!.total).toBe(50 / 85)
  })

  const withoutChannel = (contact: object) => {
    const { firstContactChannel: _, ...rest } = contact as Record<string, unknown>
    return rest as never
  }

  it("refuses more new people than took part, or new people on a later contact, storing nothing", async () => {
    const tooMany = await fail((api) => api.recordContact(streetWorker, lanParty({ fields: { newToService: 41 } })))
    expect(tooMany).toMatchObject({ _tag: "CommandRefused", violations: [{ rule: "street-work/new-to-service" }] })
    const later = await fail((api) =>
      api.recordContact(
        streetWorker,
        withoutChannel(lanParty({ firstContact: false, fields: { newToService: 1 } }))
      )
    )
    expect(later).toMatchObject({ _tag: "CommandRefused", violations: [{ rule: "street-work/new-to-service" }] })
    expect(await fail((api) => api.recordContact(streetWorker, lanParty({ fields: { newToService: -1 } }))))
      .toMatchObject({ _tag: "InvalidCommand", field: "fields.newToService" })
    expect(await stored("contact")).toEqual([])
  })
})
