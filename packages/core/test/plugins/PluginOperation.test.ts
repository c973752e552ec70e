/**
 * Plugin operations (issue 13): a plugin declares its own operation in core's form, the host's
 * API gets a typed method for it, and the same pipeline runs it: decoding, the operation's access
 * row, the domain checks, the principles (a plugin rule over the plugin's own command), one
 * audit entry. Registration refuses an operation without an access row, and a name core uses.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  Access,
  Casework,
  Contact,
  definePlugin,
  Operation,
  Plugin,
  PluginOperation,
  Principles,
  Records,
  Registry,
  Store
} from "@pomoc/core"
import { DateTime, Effect, Result, Schema } from "effect"
import * as fc from "fast-check"
import { host, shelterBase, stored, volunteer, worker } from "./host.js"

type AllocateBed = { readonly _tag: "AllocateBed"; readonly bed: number }

const AllocateBedInput = Schema.Struct({
  serviceId: Schema.String,
  personId: Schema.String,
  night: Schema.String,
  bed: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
})

const allocateBed = PluginOperation.write({
  tag: "AllocateBed",
  summary: "give a guest a bed for the night",
  access: PluginOperation.access("SSNNN", "write", "personal", "give a guest a bed for the night"),
  input: AllocateBedInput,
  entity: "AllocateBed",
  subject: Operation.newIn((i: typeof AllocateBedInput.Type) => i.serviceId as never),
  decide: (ctx, input, service) =>
    Effect.gen(function*() {
      const person = yield* ctx.personOfService("personId", input.personId, input.serviceId)
      const contact = new Contact({
        id: globalThis.crypto.randomUUID() as never,
        serviceId: input.serviceId as never,
        at: DateTime.makeUnsafe(`${input.night}T20:00:00.000Z`),
        durationMinutes: 600,
        locationKind: "club-premises",
        channel: "in-person",
        workers: [ctx.actor.id],
        participants: [input.personId as never],
        anonymousCount: 0,
        interventions: ["bed-night"],
        firstContact: false,
        mode: "individual"
      })
      const command: AllocateBed = { _tag: "AllocateBed", bed: input.bed }
      return {
        command,
        service: service.value,
        person: person.value,
        changes: [Operation.change(Records.mappings.contact, contact, 0)],
        result: { bed: input.bed, contactId: contact.id }
      }
    })
})

const realBed = Plugin.ruleFor<AllocateBed>()({
  id: "test-shelter/real-bed",
  principle: Principles.IndividualApproach,
  appliesTo: ["AllocateBed"],
  reads: ["service.config"],
  verdicts: ["Deny"],
  check: (command, facts, v) =>
    command.bed > Number(facts.service.config["beds"] ?? 0) ? v.deny("no such bed", "testShelter.noSuchBed") : v.allow
})

const shelter = definePlugin({
  ...shelterBase("test-shelter"),
  rules: [realBed],
  operations: { allocateBed }
})

const { layer, registry: _registry, setup: base } = host(shelter, { beds: 10 })

const setup = Effect.tap(base, (api) =>
  api.registerPerson(worker, {
    _tag: "anonymous",
    id: "guest",
    serviceId: "shelter",
    sharedWith: [],
    ageBand: "27-64",
    gender: "not-stated",
    needs: [],
    registeredAt: "2026-01-02T00:00:00.000Z"
  }))

const contacts = stored("contact")
const audit = Store.Store.use((s) => s.readAudit())

describe("a plugin operation", () => {
  it.effect("runs through the pipeline: typed input, stored records, one audit entry", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const before = (yield* audit).length
      const { value } = yield* api.allocateBed(worker, {
        serviceId: "shelter",
        personId: "guest",
        night: "2026-01-03",
        bed: 4
      })
      expect(value.bed).toBe(4)
      const stored = yield* contacts
      expect(stored.map((r) => r.id)).toEqual([value.contactId])
      const entries = (yield* audit).slice(before)
      expect(entries.map((e) => [e.operation, e.outcome])).toEqual([["AllocateBed", "allowed"]])
    }).pipe(Effect.provide(layer())))

  it.effect("is authorised by its own access row: a volunteer may not, and nothing is stored", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const refused = yield* Effect.flip(
        api.allocateBed(volunteer, { serviceId: "shelter", personId: "guest", night: "2026-01-03", bed: 1 })
      )
      expect(refused._tag).toBe("AccessDenied")
      expect(yield* contacts).toEqual([])
    }).pipe(Effect.provide(layer())))

  it.effect("is judged by the plugin's rules over its own command: a bed the shelter has not is refused", () =>
    Effect.gen(function*() {
      const api = yield* setup
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 30 }), async (bed) => {
            const exit = await Effect.runPromise(Effect.exit(
              api.allocateBed(worker, { serviceId: "shelter", personId: "guest", night: "2026-01-03", bed })
            ))
            // The model: beds 1..10 exist; any other is refused by the plugin's rule.
            if (bed <= 10) expect(exit._tag).toBe("Success")
            else {
              expect(exit._tag).toBe("Failure")
              expect(JSON.stringify(exit)).toContain("test-shelter/real-bed")
            }
          }),
          { numRuns: 15 }
        )
      )
    }).pipe(Effect.provide(layer())))

  it.effect("decodes its input: a bad field is InvalidInput naming the field, and nothing is stored", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const refused = yield* Effect.flip(
        api.allocateBed(worker, { serviceId: "shelter", personId: "guest", night: "2026-01-03", bed: 0 })
      )
      expect(refused).toMatchObject({ _tag: "InvalidInput" })
      expect(JSON.stringify(refused)).toContain("bed")
      expect(yield* contacts).toEqual([])
    }).pipe(Effect.provide(layer())))

  it.effect("takes part in a batch: both beds or none", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const input = (bed: number) => ({ serviceId: "shelter", personId: "guest", night: "2026-01-04", bed })
      const refused = yield* Effect.flip(api.batch(worker, [
        { op: "allocateBed", input: input(2) },
        { op: "allocateBed", input: input(11) }
      ]))
      expect(refused).toMatchObject({ _tag: "BatchRefused", index: 1 })
      expect(yield* contacts).toEqual([])
      const done = yield* api.batch(worker, [
        { op: "allocateBed", input: input(2) },
        { op: "allocateBed", input: input(3) }
      ])
      expect(done).toHaveLength(2)
      expect(yield* contacts).toHaveLength(2)
    }).pipe(Effect.provide(layer())))

  it("is typed in the host from the plugin tuple", () => {
    type Api = Casework.Api<typeof _registry.plugins>
    type Input = Parameters<Api["allocateBed"]>[1]
    const ok: Input = { serviceId: "s", personId: "p", night: "2026-01-03", bed: 1 }
    // @ts-expect-error: a misspelt input field is a compile error
    const typo: Input = { serviceId: "s", personId: "p", nihgt: "2026-01-03", bed: 1 }
    // @ts-expect-error: so is a wrong type
    const wrong: Input = { serviceId: "s", personId: "p", night: "2026-01-03", bed: "four" }
    // @ts-expect-error: and an operation no registered plugin declares
    type _None = Api["allocateBeds"]
    expect([ok, typo, wrong].length).toBe(3)
    const untyped: Casework.Api = {} as Casework.Api
    // @ts-expect-error: without the plugin tuple, no plugin method is typed
    void untyped.allocateBed
  })
})

describe("registering plugin operations", () => {
  it("refuses an operation without an access row, saying what to fix", () => {
    const { access: _access, ...withoutAccess } = allocateBed
    const problems = Registry.validate([{ ...shelter, operations: { allocateBed: withoutAccess } }])
    expect(problems.map((p) => p.reason._tag)).toEqual(["OperationWithoutAccess"])
    expect(problems[0]!.plugin).toBe("test-shelter")
    expect(problems[0]!.message).toContain("allocateBed")
    expect(problems[0]!.message).toContain("access")
  })

  it("refuses an operation named like a core operation, or tagged like a core command", () => {
    const clash = Registry.validate([{
      ...shelter,
      operations: { recordContact: { ...allocateBed, tag: "RecordContact" } }
    }])
    expect(clash.map((p) => p.reason._tag)).toEqual(["DuplicateCode", "DuplicateCode"])
    expect(clash.map((p) => (p.reason as { field: string }).field)).toEqual([
      "operations",
      "operations.recordContact.tag"
    ])
  })

  it("refuses a malformed operation (a plugin written in JavaScript)", () => {
    const broken = Registry.validate([{ ...shelter, operations: { allocateBed: { tag: "AllocateBed" } as never } }])
    expect(broken.map((p) => p.reason._tag)).toContain("MalformedPlugin")
  })
})

describe("the access functions and a plugin's operations", () => {
  const roles = ["worker", "coordinator", "administrator", "auditor", "volunteer"] as const
  const services = ["shelter", "club"] as const
  const plugins = [shelter] as const

  it("Access.authorize and isAllowed count the plugin's rows when given the plugins (model: its row SSNNN)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom(...roles), services: fc.subarray([...services]) }), {
          maxLength: 3
        }),
        fc.constantFrom(...services),
        (grants, serviceId) => {
          const actor = { id: "a" as never, grants: grants as never }
          // SSNNN: workers and coordinators, in the services their grant lists.
          const expected = grants.some((g) =>
            (g.role === "worker" || g.role === "coordinator") && g.services.includes(serviceId)
          )
          expect(Access.isAllowed(actor, "AllocateBed", serviceId as never, plugins)).toBe(expected)
          expect(Result.isSuccess(Access.authorize(actor, "AllocateBed", serviceId as never, plugins))).toBe(expected)
          // Without the plugins the tag is unknown to the matrix: default deny.
          expect(Access.isAllowed(actor, "AllocateBed", serviceId as never)).toBe(false)
          // Core's rows are unchanged by the plugins.
          expect(Access.isAllowed(actor, "RecordContact", serviceId as never, plugins)).toBe(
            Access.isAllowed(actor, "RecordContact", serviceId as never)
          )
        }
      )
    )
    const nobody = { id: "n" as never, grants: [{ role: "worker", services: ["shelter"] }] as never }
    const denied = Access.authorize(nobody, "AllocateBed", "shelter" as never)
    expect(Result.isFailure(denied) && denied.failure.reason).toBe("unknown-operation")
  })

  it("Access.toMarkdown(plugins) renders the plugin's rows, for its README", () => {
    expect(Access.toMarkdown(plugins).split("\n").slice(2)).toEqual([
      "| `AllocateBed` | write | personal | own services | own services | — | — | — |"
    ])
  })
})
