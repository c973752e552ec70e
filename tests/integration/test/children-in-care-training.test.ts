/**
 * Issue 13, children in care: a structured needs assessment (one measurement per need area) and
 * training programmes with enrolment (attendance) and completion, trainees who are staff of a
 * care institution with their institution recorded; through the case-work API on SQLite.
 */
import { Casework, FieldCrypto, KeyMaterial, Registry, Report, StaffDirectory, Store } from "@pomoc/core"
import { childrenInCare, Reports, Training } from "@pomoc/service-children-in-care"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer, ManagedRuntime } from "effect"
import * as fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it } from "vitest"

const registry = Registry.makeUnsafe([childrenInCare])
const config = Casework.configFromRegistry(registry)
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "mila", grants: [{ role: "worker", services: ["career", "staff-training"] }] }
const volunteer = { id: "ivo", grants: [{ role: "volunteer", services: ["career"] }] }
const institution = "Дом за деца Слънце 7f3a"

type Api = Casework.Api<readonly [typeof childrenInCare]>
let runtime: ManagedRuntime.ManagedRuntime<Store.Store | FieldCrypto.FieldCrypto, unknown>
const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) =>
  runtime.runPromise(Effect.flatMap(Casework.make(config), (api) => f(api as unknown as Api)))
const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => run((api) => Effect.flip(f(api)))
const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
const T = (day: number, hour = 10) => new Date(Date.UTC(2026, 3, day, hour)).toISOString()

const child = (id: string) => ({
  _tag: "pseudonymous" as const,
  id,
  serviceId: "career",
  sharedWith: [],
  ageBand: "15-17" as const,
  gender: "not-stated" as const,
  needs: [],
  registeredAt: T(1),
  nickname: id,
  situation: { inCare: true, careSetting: "institutional" }
})

const training = (over: Record<string, unknown> = {}) => ({
  serviceId: "career",
  kind: "training" as const,
  topic: "group-training",
  title: "Job interviews",
  startsAt: T(6),
  audience: "youth" as const,
  forExternalStaff: false,
  attendees: ["ana"],
  anonymousAttendance: 0,
  ...over
})

beforeEach(async () => {
  runtime = ManagedRuntime.make(
    Layer.mergeAll(
      StaffDirectory.layerList([admin, worker, volunteer]),
      FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" }),
      SqliteStore.layer({ filename: ":memory:" })
    )
  ) as never
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  for (
    const [id, ageRange] of [["career", { min: 6, max: 26 }], ["staff-training", { min: 18, max: 120 }]] as const
  ) {
    await run((api) =>
      api.registerService(admin, {
        id,
        organisationId: "org",
        type: "children-in-care",
        name: id,
        targetGroup: { description: id, ageRange },
        localities: [],
        principles: [...childrenInCare.principles],
        freeOfCharge: true,
        firstContactChannels: [],
        registeredAt: T(1)
      })
    )
  }
  await run((api) => api.registerPerson(worker, child("ana")))
  await run((api) => api.registerPerson(worker, child("boris")))
})
afterEach(() => runtime.dispose())

describe("a structured needs assessment", () => {
  it("writes one measurement per need area assessed, which the outcome report counts", async () => {
    const { value } = await run((api) =>
      api.assessNeeds(worker, {
        serviceId: "career",
        personId: "ana",
        at: T(3),
        personParticipated: true,
        areas: { intellectual: 2, "career-prospects": 5, psychological: 3 }
      })
    )
    expect(value.measurements).toHaveLength(3)
    const measurements = await stored("measurement")
    expect(measurements.map((m) => [m.facets["indicator"], m.facets["value"]]).sort()).toEqual([
      ["need-career-prospects", 5],
      ["need-intellectual", 2],
      ["need-psychological", 3]
    ])
    // Four more young people with an urgent need for prospects: five, a count the report shows.
    for (const id of ["boris", "c3", "c4", "c5"]) {
      if (id !== "boris") await run((api) => api.registerPerson(worker, child(id)))
      await run((api) =>
        api.assessNeeds(worker, {
          serviceId: "career",
          personId: id,
          at: T(4),
          personParticipated: true,
          areas: { "career-prospects": 5 }
        })
      )
    }
    const result = await runtime.runPromise(
      Report.runInStore(Reports.outcomesByIndicator, { serviceId: "career", from: T(1), to: T(30) })
    )
    expect(result.table._tag).toBe("TwoWay")
    if (result.table._tag === "TwoWay") {
      const row = result.table.rows.values.indexOf("need-career-prospects")
      const column = result.table.columns.values.indexOf(5)
      expect(result.table.cells[row]?.[column]).toEqual({ _tag: "Value", count: 5 })
    }
  })

  it("makes 'needs analysed' derivable from the assessment", async () => {
    await run((api) =>
      api.assessNeeds(worker, {
        serviceId: "career",
        personId: "ana",
        at: T(3),
        personParticipated: false,
        areas: { social: 4 }
      })
    )
    await run((api) => api.deriveOutcomes(worker, { serviceId: "career", personId: "ana", asOf: T(4) }))
    const derived = (await stored("measurement")).filter((m) => m.facets["derivedBy"] !== undefined)
    expect(derived.map((m) => [m.facets["indicator"], m.facets["value"]])).toContainEqual(["needs-analysed", true])
  })

  it("refuses an assessment of no area, a level off the scale or an area the plugin has not, naming the field; nothing is stored", async () => {
    const base = { serviceId: "career", personId: "ana", at: T(3), personParticipated: true }
    expect(await fail((api) => api.assessNeeds(worker, { ...base, areas: {} }))).toMatchObject({
      _tag: "InvalidCommand",
      field: "areas"
    })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(childrenInCare.taxonomies.needs)),
        fc.oneof(fc.integer({ min: -3, max: 0 }), fc.integer({ min: 6, max: 99 })),
        async (area, level) => {
          const error = await fail((api) => api.assessNeeds(worker, { ...base, areas: { [area]: level } }))
          expect(error._tag).toBe("InvalidInput")
          expect(JSON.stringify(error)).toContain(`areas.${area}`)
          expect(JSON.stringify(error)).not.toContain(String(level * 1000 + 7))
        }
      ),
      { numRuns: 8 }
    )
    const unknown = await fail((api) => api.assessNeeds(worker, { ...base, areas: { housing: 3 } as never }))
    expect(unknown._tag).toBe("InvalidInput")
    expect(JSON.stringify(unknown)).toContain("areas.<unexpected key>")
    expect(await stored("measurement")).toEqual([])
  })

  it("is not for a volunteer, nor for a person of another service", async () => {
    const input = { serviceId: "career", personId: "ana", at: T(3), personParticipated: true, areas: { social: 2 } }
    expect((await fail((api) => api.assessNeeds(volunteer, input)))._tag).toBe("AccessDenied")
    expect(await fail((api) => api.assessNeeds(worker, { ...input, serviceId: "staff-training" }))).toMatchObject({
      _tag: "InvalidCommand",
      field: "personId"
    })
    expect(await stored("measurement")).toEqual([])
  })
})

describe("training programmes: enrolment and completion", () => {
  it("completes the training of an enrolled trainee once, and refuses one not enrolled", async () => {
    const { value: activity } = await run((api) => api.recordActivity(worker, training()))
    const { value } = await run((api) =>
      api.completeTraining(worker, { activityId: activity.id, personId: "ana", at: T(20) })
    )
    // The id names the training, never the trainee (an erased trainee's old id must not survive in it).
    expect(value.id.startsWith(Training.completionPrefix(activity.id))).toBe(true)
    expect(value.id).not.toContain("ana")
    expect([value.indicator, value.value]).toEqual(["training-completed", { _tag: "YesNo", value: true }])

    const notEnrolled = await fail((api) =>
      api.completeTraining(worker, { activityId: activity.id, personId: "boris", at: T(20) })
    )
    expect(notEnrolled).toMatchObject({
      _tag: "InvalidCommand",
      field: "personId",
      rule: "not enrolled in the training"
    })
    const twice = await fail((api) =>
      api.completeTraining(worker, { activityId: activity.id, personId: "ana", at: T(21) })
    )
    expect(twice).toMatchObject({ _tag: "InvalidCommand", field: "activityId" })
    expect((await stored("measurement")).map((m) => m.id)).toEqual([value.id])

    // Enrolment is attendance: once enrolled, the other trainee completes too.
    await run((api) =>
      api.recordAttendance(worker, { activityId: activity.id, attendees: ["boris"], anonymousAttendance: 0 })
    )
    await run((api) => api.completeTraining(worker, { activityId: activity.id, personId: "boris", at: T(20) }))
    expect(await stored("measurement")).toHaveLength(2)
  })

  it("refuses a training whose id is too long to name its completions, with a typed error and nothing stored", async () => {
    const { value: long } = await run((api) => api.recordActivity(worker, training({ id: `t-${"x".repeat(80)}` })))
    expect(await fail((api) => api.completeTraining(worker, { activityId: long.id, personId: "ana", at: T(20) })))
      .toMatchObject({ _tag: "InvalidCommand", field: "activityId" })
    expect(await stored("measurement")).toEqual([])
  })

  it("refuses a completion of what is not a training, or before it starts", async () => {
    const { value: event } = await run((api) => api.recordActivity(worker, training({ kind: "event" })))
    expect(await fail((api) => api.completeTraining(worker, { activityId: event.id, personId: "ana", at: T(20) })))
      .toMatchObject({ _tag: "InvalidCommand", field: "activityId", rule: "not a training programme" })
    const { value: course } = await run((api) => api.recordActivity(worker, training()))
    expect(await fail((api) => api.completeTraining(worker, { activityId: course.id, personId: "ana", at: T(2) })))
      .toMatchObject({ _tag: "InvalidCommand", field: "at" })
    expect(await stored("measurement")).toEqual([])
  })

  it("trains the staff of a care institution, their institution recorded encrypted and care staff as a facet", async () => {
    await run((api) =>
      api.registerPerson(worker, {
        _tag: "pseudonymous",
        id: "teacher",
        serviceId: "staff-training",
        sharedWith: [],
        ageBand: "27-64",
        gender: "not-stated",
        needs: [],
        registeredAt: T(1),
        nickname: "T.",
        fields: { careStaff: true },
        personalFields: { institution }
      })
    )
    const { value: course } = await run((api) =>
      api.recordActivity(
        worker,
        training({
          serviceId: "staff-training",
          topic: "care-staff-training",
          audience: "staff",
          forExternalStaff: true,
          attendees: ["teacher"]
        })
      )
    )
    await run((api) => api.completeTraining(worker, { activityId: course.id, personId: "teacher", at: T(20) }))
    const people = await stored("person")
    const teacher = people.find((p) => p.id === "teacher")
    expect(teacher?.facets["field_careStaff"]).toBe(true)
    expect(JSON.stringify(people)).not.toContain(institution)
    const read = await run((api) => api.getPerson(worker, "teacher"))
    expect(read.personalFields?.["institution"]).toBe(institution)
    // An institution is text up to 200 characters: longer is refused, naming the field, not the value.
    const tooLong = await fail((api) =>
      api.registerPerson(worker, { ...child("c2"), personalFields: { institution: "x".repeat(201) } })
    )
    expect(JSON.stringify(tooLong)).toContain("institution")
    expect(JSON.stringify(tooLong)).not.toContain("x".repeat(201))
  })
})
