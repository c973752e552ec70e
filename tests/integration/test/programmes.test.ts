/**
 * Issue 13, community centre: projects and their funding sources as records (HSDS `program` and
 * `funding`) that contacts, activities and volunteer hours link to, and reports per project;
 * through the case-work API on SQLite.
 */
import {
  Casework,
  FieldCrypto,
  KeyMaterial,
  Registry,
  Report,
  StaffDirectory,
  StandardReports,
  Store
} from "@pomoc/core"
import { communityCentre } from "@pomoc/service-community-centre"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"

const registry = Registry.makeUnsafe([communityCentre])
const config = Casework.configFromRegistry(registry)
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const coordinator = { id: "asta", grants: [{ role: "coordinator", services: ["centre"] }] }
const worker = { id: "rasa", grants: [{ role: "worker", services: ["centre"] }] }

type Api = Casework.Api<readonly [typeof communityCentre]>
let runtime: ManagedRuntime.ManagedRuntime<Store.Store | FieldCrypto.FieldCrypto, unknown>
const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) =>
  runtime.runPromise(Effect.flatMap(Casework.make(config), (api) => f(api as unknown as Api)))
const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => run((api) => Effect.flip(f(api)))
const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
const T = (day: number, hour = 10) => new Date(Date.UTC(2026, 4, day, hour)).toISOString()

const contact = (programId?: string) => ({
  serviceId: "centre",
  at: T(5),
  durationMinutes: 30,
  locationKind: "club-premises" as const,
  channel: "in-person" as const,
  workers: [worker.id],
  participants: [],
  anonymousCount: 1,
  interventions: ["information" as const],
  firstContact: false,
  mode: "individual" as const,
  ...(programId === undefined ? {} : { programId })
})

beforeEach(async () => {
  runtime = ManagedRuntime.make(
    Layer.mergeAll(
      StaffDirectory.layerList([admin, coordinator, worker]),
      FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" }),
      SqliteStore.layer({ filename: ":memory:" })
    )
  ) as never
  for (const id of ["alytus", "elsewhere"]) {
    await run((api) => api.registerOrganisation(admin, { id, name: id }))
  }
  await run((api) =>
    api.registerService(admin, {
      id: "centre",
      organisationId: "alytus",
      type: "community-centre",
      name: "Centre",
      targetGroup: { description: "everyone", ageRange: { min: 0, max: 120 } },
      localities: [],
      principles: [...communityCentre.principles],
      freeOfCharge: true,
      firstContactChannels: [],
      registeredAt: T(1)
    })
  )
  await run((api) =>
    api.registerProgram(coordinator, {
      id: "youth-2026",
      organisationId: "alytus",
      name: "Youth in the neighbourhood 2026",
      startsAt: T(1),
      endsAt: "2026-12-31T00:00:00.000Z"
    })
  )
  await run((api) => api.registerProgram(admin, { id: "theirs", organisationId: "elsewhere", name: "Theirs" }))
})
afterEach(() => runtime.dispose())

describe("projects and their funding as records", () => {
  it("a project with a funding source; contacts, an activity and volunteer hours linked; reports per project", async () => {
    await run((api) =>
      api.registerFunding(coordinator, {
        id: "youth-eu",
        organisationId: "alytus",
        programId: "youth-2026",
        source: "European Social Fund",
        kind: "eu-funds"
      })
    )
    for (let i = 0; i < 5; i++) await run((api) => api.recordContact(worker, contact("youth-2026")))
    for (let i = 0; i < 6; i++) await run((api) => api.recordContact(worker, contact()))
    await run((api) =>
      api.recordActivity(worker, {
        serviceId: "centre",
        kind: "event",
        topic: "event",
        title: "Street football",
        startsAt: T(6),
        audience: "youth",
        forExternalStaff: false,
        attendees: [],
        anonymousAttendance: 12,
        programId: "youth-2026"
      })
    )
    await run((api) =>
      api.registerVolunteer(coordinator, {
        id: "vita",
        organisationId: "alytus",
        displayName: "Vita",
        kind: "volunteer",
        ageGroup: "youth",
        since: T(1),
        skills: []
      })
    )
    await run((api) =>
      api.recordVolunteerHours(coordinator, {
        volunteerId: "vita",
        serviceId: "centre",
        on: T(6),
        hours: 2.5,
        programId: "youth-2026"
      })
    )
    const funding = await stored("funding")
    expect(funding.map((f) => [f.id, f.facets["programId"], f.facets["kind"]])).toEqual([
      ["youth-eu", "youth-2026", "eu-funds"]
    ])

    const [attendance, contacts, minutes] = StandardReports.workByProgram()
    const cell = async (definition: Report.ReportDefinition, value: string | null) => {
      const result = await runtime.runPromise(
        Report.runInStore(definition, { serviceId: "centre", from: T(1), to: T(30) })
      )
      if (result.table._tag !== "OneWay") throw new Error("a one-way table")
      return result.table.cells[result.table.dimension.values.indexOf(value)]
    }
    expect(await cell(contacts, "youth-2026")).toEqual({ _tag: "Value", count: 5 })
    expect(await cell(contacts, null)).toEqual({ _tag: "Value", count: 6 })
    expect(await cell(attendance, "youth-2026")).toEqual({ _tag: "Value", count: 12 })
    expect(await cell(minutes, "youth-2026")).toEqual({ _tag: "Value", count: 150 })
    expect(communityCentre.reports.map((r) => r.id)).toEqual(
      expect.arrayContaining(["attendance-by-program", "contacts-by-program", "volunteer-minutes-by-program"])
    )
  })

  it("refuses a link to a project that does not exist or is another organisation's, naming programId; nothing stored", async () => {
    for (const programId of ["no-such-project", "theirs"]) {
      expect(await fail((api) => api.recordContact(worker, contact(programId)))).toMatchObject({
        _tag: "InvalidCommand",
        field: "programId"
      })
      expect(
        await fail((api) =>
          api.registerFunding(coordinator, { id: "f", organisationId: "alytus", programId, source: "City" })
        )
      ).toMatchObject({ _tag: "InvalidCommand", field: "programId" })
    }
    expect(await stored("contact")).toEqual([])
    expect(await stored("funding")).toEqual([])
  })

  it("lets coordinators and administrators register projects, not workers; bad input names the field", async () => {
    expect(
      (await fail((api) => api.registerProgram(worker, { id: "mine", organisationId: "alytus", name: "Mine" })))._tag
    ).toBe("AccessDenied")
    const bad = await fail((api) =>
      api.registerProgram(coordinator, {
        id: "late",
        organisationId: "alytus",
        name: "Late",
        startsAt: T(9),
        endsAt: T(2)
      })
    )
    expect(bad._tag).toBe("InvalidInput")
    expect(JSON.stringify(bad)).toContain("endsAt")
    expect((await stored("program")).map((p) => p.id).sort()).toEqual(["theirs", "youth-2026"])
  })
})
