import { Contact } from "@pomoc/core"
import { DateTime, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { SubjectAccess } from "../../src/privacy/index.js"
import { arbSubject, encodeSubject } from "./subjects.js"

const generatedAt = DateTime.makeUnsafe("2026-11-21T12:00:00.000Z")

describe("SubjectAccess.exportPerson", () => {
  it("yields JSON that validates against the published schema and decodes back to the same document", () => {
    fc.assert(
      fc.property(arbSubject, (records) => {
        const document = SubjectAccess.exportPerson(records, { generatedAt })
        const json = JSON.parse(JSON.stringify(SubjectAccess.encode(document)))
        expect(json.format).toBe("pomoc-subject-access/v1")
        expect(json.generatedAt).toBe("2026-11-21T12:00:00.000Z")
        const decoded = SubjectAccess.decode(json)
        expect(Result.isSuccess(decoded)).toBe(true)
        if (Result.isSuccess(decoded)) expect(SubjectAccess.encode(decoded.success)).toEqual(json)
      }),
      { numRuns: 50 }
    )
  })

  it("holds every record about the person, unchanged, and none about anyone else", () => {
    fc.assert(
      fc.property(arbSubject, (records) => {
        const id = records.person.id
        const document = SubjectAccess.exportPerson(records, { generatedAt })
        const encodedIn = encodeSubject(records)
        const encodedOut = encodeSubject(document)
        expect(encodedOut.person).toEqual(encodedIn.person)
        for (const kind of ["cooperation", "consent", "disclosure", "plan", "measurement", "referral"] as const) {
          expect(encodedOut[kind]).toEqual(encodedIn[kind].filter((r) => (r as { personId: string }).personId === id))
        }
        expect(document.contacts.map((c) => c.id)).toEqual(
          records.contacts.filter((c) => c.participants.includes(id)).map((c) => c.id)
        )
        expect(document.activities.map((a) => a.id)).toEqual(
          records.activities.filter((a) => a.attendees.includes(id)).map((a) => a.id)
        )
      })
    )
  })

  it("withholds other people in shared contacts and activities, keeping the counts", () => {
    fc.assert(
      fc.property(arbSubject, (records) => {
        const id = records.person.id
        const document = SubjectAccess.exportPerson(records, { generatedAt })
        // Generated records may share ids: pair the exported ones with their originals by position.
        const contactOriginals = records.contacts.filter((o) => o.participants.includes(id))
        const activityOriginals = records.activities.filter((o) => o.attendees.includes(id))
        expect(document.contacts.length).toBe(contactOriginals.length)
        expect(document.activities.length).toBe(activityOriginals.length)
        for (const [i, c] of document.contacts.entries()) {
          const original = contactOriginals[i]!
          expect(c.participants).toEqual([id])
          expect(Contact.participantCount(c)).toBe(Math.min(Contact.participantCount(original), 1 + 100_000))
          if (original.participants.length > 1) expect(c.note).toBeUndefined()
          else expect(c.note).toBe(original.note)
        }
        for (const [i, a] of document.activities.entries()) {
          const original = activityOriginals[i]!
          expect(a.attendees).toEqual([id])
          expect(a.attendees.length + a.anonymousAttendance).toBe(
            Math.min(original.attendees.length + original.anonymousAttendance, 1 + 1_000_000)
          )
        }
        const others = new Set([
          ...records.contacts.flatMap((c) => c.participants),
          ...records.activities.flatMap((a) => a.attendees)
        ])
        others.delete(id)
        // No other person's id stands where people are named (a generated location id may
        // happen to equal a person id, so the fields are checked, not the whole text).
        const named = [
          ...document.contacts.flatMap((c) => c.participants),
          ...document.activities.flatMap((a) => a.attendees)
        ]
        for (const other of others) expect(named).not.toContain(other)
      })
    )
  })

  it("publishes a JSON Schema whose references all resolve", () => {
    const schema = SubjectAccess.jsonSchema() as {
      $schema: string
      required: Array<string>
      $defs: Record<string, unknown>
    }
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(schema.required).toEqual(expect.arrayContaining(["format", "generatedAt", "person", "contacts", "plans"]))
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)].map((m) =>
      m[1]!.replace(/~1/g, "/").replace(/~0/g, "~")
    )
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) expect(Object.keys(schema.$defs)).toContain(ref)
  })

  it("rejects a document that does not follow the schema, naming the path", () => {
    const result = SubjectAccess.decode({ format: "pomoc-subject-access/v2", generatedAt: "yesterday" })
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      const paths = result.failure.problems.map((p) => p.path)
      expect(paths).toEqual(expect.arrayContaining(["format", "generatedAt", "person"]))
    }
  })
})
