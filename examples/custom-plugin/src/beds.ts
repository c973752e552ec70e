/**
 * The shelter at work through the case-work API, with nothing but `@pomoc/core`'s public API: a
 * guest registered with the shelter's custom fields, beds allocated by the shelter's own
 * operation, and what the pipeline refuses (a bed taken that night, a bed the shelter has not, a
 * volunteer). Runs on core's memory store; any store works the same.
 */
import {
  Casework,
  FieldCrypto,
  type InvalidKey,
  KeyMaterial,
  type PluginError,
  Registry,
  StaffDirectory,
  Store
} from "@pomoc/core"
import { Effect, Layer } from "effect"
import { nightShelter } from "./nightShelter.js"

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "jana", grants: [{ role: "worker", services: ["shelter-brno"] }] }
const volunteer = { id: "vit", grants: [{ role: "volunteer", services: ["shelter-brno"] }] }

/** What the beds part of the example shows, as data. */
export interface Beds {
  /** The beds allocated, and the report facet each night's record carries. */
  readonly allocated: ReadonlyArray<{ readonly bed: number; readonly facet: unknown }>
  /** The refusals, by their tag and the field or rule they name. */
  readonly takenTwice: string
  readonly noSuchBed: ReadonlyArray<string>
  readonly volunteer: string
  readonly misspeltPlace: string
  /** Whether the guest's personal custom field is readable in the clear in the store (it must not be). */
  readonly remarkInTheClear: boolean
}

const remark = "came-from-hospital-4e2c"

/** The error of an effect that must be refused (a success would be a bug of the example). */
const refusal = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<E> =>
  Effect.flip(Effect.andThen(effect, () => Effect.die("expected a refusal")))

/** Allocates beds at a night shelter through the case-work API. */
export const beds: Effect.Effect<Beds, PluginError.PluginError | Casework.CaseworkError | InvalidKey> = Effect.gen(
  function*() {
    const registry = yield* Registry.make([nightShelter])
    const api = yield* Casework.make(Casework.configFromRegistry(registry))
    yield* api.registerOrganisation(admin, { id: "org", name: "Noclehárna Brno" })
    yield* api.registerService(admin, {
      id: "shelter-brno",
      organisationId: "org",
      type: "night-shelter",
      name: "Noclehárna",
      targetGroup: { description: "adults without a home", ageRange: { min: 18, max: 150 } },
      localities: [],
      principles: [...nightShelter.principles],
      freeOfCharge: true,
      firstContactChannels: ["street-work"],
      config: { beds: nightShelter.config.beds },
      registeredAt: "2025-01-01T00:00:00.000Z"
    })
    yield* api.registerPerson(worker, {
      _tag: "anonymous",
      id: "guest-1",
      serviceId: "shelter-brno",
      sharedWith: [],
      ageBand: "27-64",
      gender: "not-stated",
      needs: ["bed"],
      registeredAt: "2025-01-15T19:00:00.000Z",
      fields: { referredBy: "hospital" },
      personalFields: { arrivalRemark: remark }
    })
    const night = (bed: number, who = worker) =>
      api.allocateBed(who, { serviceId: "shelter-brno", personId: "guest-1", night: "2025-01-15", bed })
    const first = yield* night(3)
    const second = yield* api.allocateBed(worker, {
      serviceId: "shelter-brno",
      personId: "guest-1",
      night: "2025-01-16",
      bed: 3
    })
    const takenTwice = yield* refusal(night(3))
    const noSuchBed = yield* refusal(night(99))
    const byVolunteer = yield* refusal(night(5, volunteer))
    const misspeltPlace = yield* refusal(api.recordContact(worker, {
      serviceId: "shelter-brno",
      at: "2025-01-15T21:00:00.000Z",
      durationMinutes: 10,
      // A place type no plugin of this host defines is refused at run time (and does not compile
      // when spelt as a literal: `"dormitroy"`).
      locationKind: "dormitroy" as "dormitory",
      channel: "in-person",
      participants: [],
      anonymousCount: 1,
      interventions: ["warm-meal"],
      firstContact: false,
      mode: "individual"
    }))
    const records = yield* Store.Store.use((s) => s.list({ kind: "contact" }))
    const people = yield* Store.Store.use((s) => s.list({ kind: "person" }))
    return {
      allocated: [first.value, second.value].map((v) => ({
        bed: v.bed,
        facet: records.find((r) => r.id === v.contactId)?.facets["field_bed"]
      })),
      takenTwice: `${takenTwice._tag}:${"field" in takenTwice ? takenTwice.field : ""}`,
      noSuchBed: noSuchBed._tag === "CommandRefused" ? noSuchBed.violations.map((v) => v.rule) : [noSuchBed._tag],
      volunteer: byVolunteer._tag,
      misspeltPlace: `${misspeltPlace._tag}:${"field" in misspeltPlace ? misspeltPlace.field : ""}`,
      remarkInTheClear: JSON.stringify(people).includes(remark)
    }
  }
).pipe(
  Effect.provide(Layer.mergeAll(
    StaffDirectory.layerList([admin, worker, volunteer]),
    Store.layerMemory,
    FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })
  ))
)
