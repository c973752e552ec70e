/**
 * Custom fields (issue 13): a plugin adds typed fields to core records of its service type, each
 * reportable (in the clear, a report facet) or personal (encrypted); the case-work API checks
 * them against the declarations (naming the field, never the value; nothing stored); a personal
 * field declared as a facet is refused at registration.
 */
import { describe, expect, it } from "@effect/vitest"
import { Casework, definePlugin, PluginField, Registry } from "@pomoc/core"
import { Effect, Schema } from "effect"
import * as fc from "fast-check"
import { arbFieldValues } from "../../src/testing/plugin.js"
import { host, l, shelterBase, stored, worker } from "./host.js"

const fields = {
  contact: {
    bed: PluginField.reportable(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 })), l("Bed")),
    arrivalRemark: PluginField.personal(Schema.String.check(Schema.isMaxLength(100)))
  },
  person: {
    referredBy: PluginField.reportable(Schema.Literals(["police", "hospital", "street-work"])),
    healthNote: PluginField.personal(Schema.String)
  }
}

const shelter = definePlugin({
  ...shelterBase("field-shelter"),
  fields
})

const { layer, registry: _registry, setup } = host(shelter)

const contact = {
  serviceId: "shelter",
  at: "2026-01-03T20:00:00.000Z",
  durationMinutes: 600,
  locationKind: "club-premises",
  channel: "in-person",
  participants: [],
  anonymousCount: 1,
  interventions: ["bed-night"],
  firstContact: false,
  mode: "individual"
} as const

const person = {
  _tag: "anonymous",
  serviceId: "shelter",
  sharedWith: [],
  ageBand: "27-64",
  gender: "not-stated",
  needs: [],
  registeredAt: "2026-01-02T00:00:00.000Z"
} as const

describe("custom fields on a contact", () => {
  it.effect("stores a reportable field as a facet and a personal one encrypted", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const { value } = yield* api.recordContact(worker, {
        ...contact,
        fields: { bed: 7 },
        personalFields: { arrivalRemark: "arrived-with-a-dog-7f3a" }
      })
      expect(value.fields).toEqual({ bed: 7 })
      expect(value.personalFields).toEqual({ arrivalRemark: "arrived-with-a-dog-7f3a" })
      const [record] = yield* stored("contact")
      expect(record!.facets["field_bed"]).toBe(7)
      expect(JSON.stringify(record)).not.toContain("arrived-with-a-dog-7f3a")
    }).pipe(Effect.provide(layer())))

  it.effect("refuses an undeclared field, one in the wrong bag, or a bad value: naming the field, storing nothing", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const refused = (input: object) => Effect.flip(api.recordContact(worker, { ...contact, ...input }))
      expect(yield* refused({ fields: { beds: 7 } })).toMatchObject({ _tag: "InvalidCommand", field: "fields.beds" })
      expect(yield* refused({ fields: { arrivalRemark: "x-secret-1" } })).toMatchObject({
        _tag: "InvalidCommand",
        field: "fields.arrivalRemark",
        rule: "a personal field: give it in personalFields"
      })
      expect(yield* refused({ personalFields: { bed: 3 } })).toMatchObject({
        _tag: "InvalidCommand",
        field: "personalFields.bed"
      })
      const long = yield* refused({ personalFields: { arrivalRemark: "secret-".repeat(20) } })
      expect(long).toMatchObject({ _tag: "InvalidCommand", field: "personalFields.arrivalRemark" })
      expect(JSON.stringify(long)).not.toContain("secret-")
      expect(yield* stored("contact")).toEqual([])
    }).pipe(Effect.provide(layer())))

  it.effect("accepts a reportable value exactly when its schema does (model: beds 1..50)", () =>
    Effect.gen(function*() {
      const api = yield* setup
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double(), fc.string()), async (bed) => {
            const exit = await Effect.runPromise(
              Effect.exit(api.recordContact(worker, { ...contact, fields: { bed: bed as number } }))
            )
            const valid = typeof bed === "number" && Number.isInteger(bed) && bed >= 1 && bed <= 50
            expect(exit._tag).toBe(valid ? "Success" : "Failure")
          }),
          { numRuns: 40 }
        )
      )
    }).pipe(Effect.provide(layer())))

  it.effect("accepts every value the test kit generates from the declarations (arbFieldValues), storing it", () =>
    Effect.gen(function*() {
      const api = yield* setup
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(arbFieldValues(shelter, "contact"), async (custom) => {
            const { value } = await Effect.runPromise(api.recordContact(worker, { ...contact, ...custom }))
            expect(value.fields ?? {}).toEqual(custom.fields ?? {})
            expect(value.personalFields ?? {}).toEqual(custom.personalFields ?? {})
          }),
          { numRuns: 40 }
        )
      )
      // Both bags and every declared field come up, each value within its schema.
      const drawn = fc.sample(arbFieldValues(shelter, "contact"), { numRuns: 200, seed: 7 })
      expect(new Set(drawn.flatMap((c) => [...Object.keys(c.fields ?? {}), ...Object.keys(c.personalFields ?? {})])))
        .toEqual(new Set(["bed", "arrivalRemark"]))
      expect(drawn.every((c) => c.fields?.["bed"] === undefined || (c.fields["bed"] as number) <= 50)).toBe(true)
      expect(fc.sample(arbFieldValues(shelter, "activity"), { numRuns: 5 })).toEqual([{}, {}, {}, {}, {}])
    }).pipe(Effect.provide(layer())))

  it("is typed in the host: a misspelt field name is a compile error", () => {
    type Input = Casework.ContactOf<typeof _registry.plugins>
    const ok: Input = { ...contact, fields: { bed: 1 }, personalFields: { arrivalRemark: "r" } }
    // @ts-expect-error: no plugin declares this field
    const typo: Input = { ...contact, fields: { bedd: 1 } }
    // @ts-expect-error: a personal field is not a reportable one
    const wrongBag: Input = { ...contact, fields: { arrivalRemark: "r" } }
    // @ts-expect-error: the value has the field's type
    const wrongType: Input = { ...contact, fields: { bed: "one" } }
    expect([ok, typo, wrongBag, wrongType]).toHaveLength(4)
  })
})

describe("custom fields on a person", () => {
  it.effect("checks a person's fields against the service type's declarations", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const { value } = yield* api.registerPerson(worker, {
        ...person,
        fields: { referredBy: "police" },
        personalFields: { healthNote: "diabetic-9c1e" }
      })
      const [record] = yield* stored("person")
      expect(record!.facets["field_referredBy"]).toBe("police")
      expect(JSON.stringify(record)).not.toContain("diabetic-9c1e")
      expect((value as { personalFields?: unknown }).personalFields).toEqual({ healthNote: "diabetic-9c1e" })
      const refused = yield* Effect.flip(api.registerPerson(worker, { ...person, fields: { referredBy: "friend" } }))
      expect(refused).toMatchObject({ _tag: "InvalidCommand", field: "fields.referredBy" })
      expect(yield* stored("person")).toHaveLength(1)
    }).pipe(Effect.provide(layer())))
})

describe("custom fields on a correction", () => {
  it.effect("re-checks corrected fields like new ones: refused naming the field, nothing changed", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const { value } = yield* api.recordContact(worker, { ...contact, fields: { bed: 7 } })
      const correct = (changes: Record<string, unknown>) => api.correctContact(worker, { id: value.id, changes })
      const refusals = [
        [{ fields: { beds: 8 } }, "fields.beds"],
        [{ fields: { bed: 51 } }, "fields.bed"],
        [{ fields: { arrivalRemark: "x-secret-2" } }, "fields.arrivalRemark"],
        [{ personalFields: { bed: 8 } }, "personalFields.bed"]
      ] as const
      for (const [changes, field] of refusals) {
        const refused = yield* Effect.flip(correct(changes))
        expect(refused).toMatchObject({ _tag: "InvalidCommand", field })
        expect(JSON.stringify(refused)).not.toContain("x-secret-2")
      }
      expect((yield* stored("contact"))[0]!.facets["field_bed"]).toBe(7)
      expect(yield* stored("revision")).toEqual([])
      const corrected = yield* correct({ fields: { bed: 8 }, personalFields: { arrivalRemark: "late-4b1d" } })
      expect(corrected.value.fields).toEqual({ bed: 8 })
      const [record] = yield* stored("contact")
      expect(record!.facets["field_bed"]).toBe(8)
      expect(JSON.stringify(record)).not.toContain("late-4b1d")
      yield* correct({ fields: null })
      expect((yield* stored("contact"))[0]!.facets["field_bed"]).toBeUndefined()
    }).pipe(Effect.provide(layer())))

  it.effect("re-checks a person's corrected fields", () =>
    Effect.gen(function*() {
      const api = yield* setup
      const { value } = yield* api.registerPerson(worker, { ...person, fields: { referredBy: "police" } })
      const correct = (changes: Record<string, unknown>) => api.correctPerson(worker, { id: value.id, changes })
      expect(yield* Effect.flip(correct({ fields: { referredBy: "friend" } }))).toMatchObject({
        _tag: "InvalidCommand",
        field: "fields.referredBy"
      })
      expect((yield* stored("person"))[0]!.facets["field_referredBy"]).toBe("police")
      yield* correct({ fields: { referredBy: "hospital" } })
      expect((yield* stored("person"))[0]!.facets["field_referredBy"]).toBe("hospital")
    }).pipe(Effect.provide(layer())))
})

describe("registering custom fields", () => {
  it("refuses a personal field declared as a facet, saying what to fix", () => {
    const leaky = {
      ...fields,
      contact: { ...fields.contact, arrivalRemark: { ...fields.contact.arrivalRemark, facet: true } }
    }
    const problems = Registry.validate([{ ...shelter, fields: leaky }])
    expect(problems.map((p) => p.reason._tag)).toEqual(["PersonalFieldAsFacet"])
    expect(problems[0]!.message).toContain("contact.arrivalRemark")
    expect(problems[0]!.message).toContain("PluginField.personal")
  })

  it("refuses fields on a record kind plugins may not extend, and malformed declarations", () => {
    const problems = Registry.validate([{
      ...shelter,
      fields: { plan: { x: fields.contact.bed }, contact: { "Bad-Name": fields.contact.bed, y: {} } } as never
    }])
    expect(problems.map((p) => [p.reason._tag, (p.reason as { field: string }).field])).toEqual([
      ["MalformedPlugin", "fields.plan"],
      ["MalformedPlugin", "fields.contact.Bad-Name"],
      ["MalformedPlugin", "fields.contact.y"]
    ])
  })
})
