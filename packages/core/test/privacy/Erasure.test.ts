import { AnonymousPerson, Contact, IndividualPlan, Person } from "@pomoc/core"
import { arbPerson, decoded } from "@pomoc/core/testing"
import { DateTime, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Erasure, FieldCrypto } from "../../src/privacy/index.js"
import type { RecordKind } from "../../src/Store.js"
import { arbSubject, encodeSubject } from "./subjects.js"

const encodePerson = Schema.encodeSync(Person)
const kept = ["_tag", "id", "serviceId", "sharedWith", "ageBand", "gender", "needs", "registeredAt"]

describe("erasePerson", () => {
  it("keeps exactly what counts need, and nothing sensitive", () => {
    fc.assert(
      fc.property(decoded(arbPerson, Person), fc.boolean(), (person, keepNeeds) => {
        const erased = erasePersonEncoded(person, keepNeeds)
        const original = encodePerson(person) as Record<string, unknown>
        expect(Object.keys(erased).sort()).toEqual([...kept].sort())
        expect(erased._tag).toBe("anonymous")
        for (const key of ["id", "serviceId", "sharedWith", "ageBand", "gender", "registeredAt"]) {
          expect(erased[key]).toEqual(original[key])
        }
        expect(erased.needs).toEqual(keepNeeds ? original.needs : [])
        for (const path of FieldCrypto.sensitiveFields.person) expect(FieldCrypto.valuesAt(erased, path)).toEqual([])
        // The result is a valid anonymous person.
        expect(Schema.decodeUnknownSync(AnonymousPerson)(erased)).toBeInstanceOf(AnonymousPerson)
      })
    )
  })

  it("is idempotent", () => {
    fc.assert(
      fc.property(decoded(arbPerson, Person), (person) => {
        const once = Erasure.erasePerson(person)
        expect(encodePerson(Erasure.erasePerson(once))).toEqual(encodePerson(once))
      })
    )
  })
})

const erasePersonEncoded = (person: Person, keepNeeds: boolean) =>
  encodePerson(Erasure.erasePerson(person, { keepNeeds })) as unknown as Record<string, unknown>

describe("eraseSubject", () => {
  it("leaves no sensitive field about the person in any of their records", () => {
    fc.assert(
      fc.property(arbSubject, (records) => {
        const id = records.person.id
        const erased = encodeSubject(Erasure.eraseSubject(records))
        for (const [kind, list] of Object.entries(erased) as Array<[RecordKind, Array<Record<string, unknown>>]>) {
          for (const record of list) {
            const about = kind === "person" || record.personId === id
            const soleParticipant = kind === "contact" && (record.participants as Array<string>).length === 1 &&
              (record.participants as Array<string>)[0] === id
            if (!about && !soleParticipant) continue
            for (const path of FieldCrypto.sensitiveFields[kind]) {
              for (const { field, value } of FieldCrypto.valuesAt(record, path)) {
                expect({ kind, field, value }).toEqual({ kind, field, value: Erasure.ERASED })
              }
            }
          }
        }
      })
    )
  })

  it("changes nothing but free texts, and nothing about other people", () => {
    fc.assert(
      fc.property(arbSubject, (records) => {
        const id = records.person.id
        const before = encodeSubject(records)
        const after = encodeSubject(Erasure.eraseSubject(records))
        for (const kind of Object.keys(before) as Array<keyof typeof before>) {
          expect(after[kind].length).toBe(before[kind].length)
          after[kind].forEach((record, i) => {
            const original = before[kind][i] as Record<string, unknown>
            const mentions = kind === "person" || (record as Record<string, unknown>).personId === id ||
              (kind === "contact" && (original.participants as Array<string>).includes(id))
            if (!mentions) expect(record).toEqual(original)
            else if (kind !== "person") expect(withoutFreeTexts(kind, record)).toEqual(withoutFreeTexts(kind, original))
          })
        }
      })
    )
  })

  it("keeps the note of a contact shared with other known people, drops it when the person was alone", () => {
    const base = {
      serviceId: "s-1",
      at: "2026-03-01T10:00:00.000Z",
      durationMinutes: 30,
      locationKind: "club-premises",
      channel: "in-person",
      workers: ["w-1"],
      interventions: ["conversation"],
      firstContact: false
    }
    const alone = Schema.decodeUnknownSync(Contact)({
      ...base,
      id: "c-1",
      participants: ["p-1"],
      anonymousCount: 0,
      mode: "individual",
      note: "Pepa talked about his debts"
    })
    const shared = Schema.decodeUnknownSync(Contact)({
      ...base,
      id: "c-2",
      participants: ["p-1", "p-2"],
      anonymousCount: 3,
      mode: "group",
      note: "Group talk"
    })
    const other = Schema.decodeUnknownSync(Contact)({
      ...base,
      id: "c-3",
      participants: ["p-2"],
      anonymousCount: 0,
      mode: "individual",
      note: "About p-2"
    })
    const pid = alone.participants[0]!
    expect(Erasure.eraseFromContact(alone, pid).note).toBeUndefined()
    expect(Erasure.eraseFromContact(alone, pid).participants).toEqual(["p-1"])
    expect(Erasure.eraseFromContact(shared, pid).note).toBe("Group talk")
    expect(Erasure.eraseFromContact(other, pid).note).toBe("About p-2")
  })

  it("leaves none of a named person's texts in the JSON of their records", () => {
    const person = Schema.decodeUnknownSync(Person)({
      _tag: "identified",
      id: "p-1",
      serviceId: "s-1",
      sharedWith: [],
      ageBand: "18-20",
      gender: "male",
      needs: ["debts"],
      registeredAt: "2026-01-01T00:00:00.000Z",
      givenName: "Zbyněk",
      familyName: "Kvasnička",
      nickname: "Zbyňa",
      contactDetails: { phone: "+420 601 234 567", email: "zbynek@example.cz", address: "Dlouhá 12, Brno" },
      notes: "Lives with grandmother"
    })
    const plan = Schema.decodeUnknownSync(IndividualPlan)({
      id: "pl-1",
      personId: "p-1",
      serviceId: "s-1",
      createdAt: "2026-01-02T00:00:00.000Z",
      goals: [{
        id: "g-1",
        inPersonsWords: "I want to pay off Zbyněk's loan",
        status: "open",
        steps: [{ id: "st-1", description: "Call the bailiff Kvasnička", takenBy: "person" }]
      }],
      reviews: [{
        at: "2026-02-01T00:00:00.000Z",
        workers: ["w-1"],
        personParticipated: true,
        summary: "Zbyňa came on time"
      }]
    })
    const json = JSON.stringify(encodeSubject(Erasure.eraseSubject({ person, plans: [plan] })))
    for (
      const secret of ["Zbyn", "Kvasni", "601", "example.cz", "Dlouh", "grandmother", "loan", "bailiff", "on time"]
    ) {
      expect(json).not.toContain(secret)
    }
    expect(json).toContain("debts")
    expect(json).toContain(DateTime.formatIso(plan.createdAt))
  })
})

/** A record with every sensitive path of its kind replaced by a placeholder, and optional free texts removed. */
function withoutFreeTexts(kind: RecordKind, record: unknown): unknown {
  const copy = structuredClone(record)
  for (const path of FieldCrypto.sensitiveFields[kind]) {
    for (const { field } of FieldCrypto.valuesAt(copy, path)) setAt(copy, field, "<text>")
  }
  // Optional free texts may be removed rather than replaced: compare as if present.
  const walk = (node: unknown): unknown =>
    Array.isArray(node) ? node.map(walk) : typeof node === "object" && node !== null
      ? Object.fromEntries(Object.entries(node).filter(([, v]) => v !== "<text>").map(([k, v]) => [k, walk(v)]))
      : node
  return walk(copy)
}

function setAt(root: unknown, field: string, value: unknown): void {
  const keys = field.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "")
  let node = root as Record<string, unknown>
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  node[keys[keys.length - 1]!] = value
}
