import { Contact, Decode, Timestamp } from "@pomoc/core"
import { arbContact, arbTimestamp, decoded, entities, valueTypes } from "@pomoc/core/testing"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

/** Every concept the core model must cover (issue 2), by entity name. */
const concepts = [
  "Organisation",
  "Location",
  "Service",
  "Person",
  "AnonymousPerson",
  "PseudonymousPerson",
  "IdentifiedPerson",
  "Contact",
  "Cooperation",
  "Consent",
  "Disclosure",
  "IndividualPlan",
  "Goal",
  "PlanStep",
  "StoredStep",
  "PlanReview",
  "OutcomeIndicator",
  "OutcomeMeasurement",
  "Referral",
  "Activity",
  "Volunteer",
  "VolunteerHours",
  "Program",
  "Funding",
  "DataKey",
  "StaffMember",
  "Revision",
  "Voided"
]

describe("the entity table", () => {
  it("has an arbitrary for every concept of the model, once", () => {
    const names = entities.map((e) => e.name)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual([...concepts].sort())
  })
})

describe.each([...entities, ...valueTypes].map((e) => [e.name, e] as const))("%s", (name, { schema, arbitrary }) => {
  const decode = Decode.decoder(schema, name)
  const encode = Schema.encodeUnknownSync(schema as never) as (value: unknown) => unknown

  it("every generated value decodes", () => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        const result = decode(value)
        if (result._tag === "Failure") {
          throw new Error(`generated ${name} does not decode: ${result.failure.message}`)
        }
      }),
      { numRuns: 300 }
    )
  })

  it("round-trips through JSON: encode(decode(JSON)) equals the original", () => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        const json: unknown = JSON.parse(JSON.stringify(value))
        const result = decode(json)
        expect(result._tag, result._tag === "Failure" ? result.failure.message : "").toBe("Success")
        if (result._tag === "Success") expect(encode(result.success)).toStrictEqual(value)
      }),
      { numRuns: 300 }
    )
  })
})

describe("arbTimestamp", () => {
  it("is canonical ISO with milliseconds and Z, between 2000 and 2100", () => {
    fc.assert(
      fc.property(arbTimestamp, (s) => {
        expect(s).toMatch(/^2\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
        expect(s >= "2000-01-01T00:00:00.000Z" && s <= "2100-01-01T00:00:00.000Z").toBe(true)
        expect(Schema.encodeSync(Timestamp)(Schema.decodeSync(Timestamp)(s))).toBe(s)
      })
    )
  })
})

describe("decoded", () => {
  it("yields class instances of the schema", () => {
    fc.assert(
      fc.property(decoded(arbContact, Contact), (contact) => {
        expect(contact).toBeInstanceOf(Contact)
        expect(Contact.participantCount(contact)).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 50 }
    )
  })
})
