/**
 * Daily work (issue 12): correcting and voiding records, through the real plugins, on every
 * store (memory, SQLite, PostgreSQL): who may, what the principles refuse, the change history
 * coordinators read, and that a voided record leaves reports and lists but stays in the audit
 * log and the person's own export.
 */
import { describe, expect, it } from "vitest"
import { admin, ana, eachTest, eva, harness, marta, ola, petr, setUp, stores, T } from "./daily-fixture.js"

// A coordinator of another service (the staff directory knows everyone the tests act as).
const jan = { id: "jan", grants: [{ role: "coordinator", services: ["debt"] }] }

const NOTE = "He said his brother moved out."
const NEW_NOTE = "His brother moved to Brno last week."

describe.each(stores)("correct and void records (%s store)", (_name, storeLayer) => {
  const contact = {
    id: "c1",
    serviceId: "club",
    at: T(3, 16),
    durationMinutes: 30,
    locationKind: "club-premises",
    channel: "in-person",
    workers: ["eva"],
    participants: ["kuba"],
    anonymousCount: 0,
    interventions: ["conversation"],
    firstContact: false,
    mode: "individual",
    note: NOTE
  } as const

  // No pseudonym key, and Jan in the staff directory.
  const { audit, fail, run, store } = eachTest(
    () => harness(storeLayer(), { pseudonymKey: false, staff: [jan] }),
    async (h) => {
      await setUp(h)
      await h.run((api) => api.recordContact(eva, contact))
    }
  )

  it("a worker corrects a contact; the record moves on one version and keeps its change history", async () => {
    const before = await store((s) => s.get("contact", "c1"))
    const { value } = await run((api) =>
      api.correctContact(eva, { id: "c1", changes: { durationMinutes: 45, note: NEW_NOTE } })
    )
    expect(value).toMatchObject({ id: "c1", durationMinutes: 45, note: NEW_NOTE, participants: ["kuba"] })
    const after = await store((s) => s.get("contact", "c1"))
    expect(after._tag === "Some" && before._tag === "Some" && after.value.version).toBe(
      before._tag === "Some" ? before.value.version + 1 : -1
    )
    expect(JSON.stringify(after._tag === "Some" ? after.value.data : null)).not.toContain("Brno")

    // A page of revisions (the whole history fits one).
    const page = await run((api) => api.recordChanges(marta, { kind: "contact", id: "c1" }))
    expect(page.next).toBeUndefined()
    const changes = page.items
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({
      kind: "contact",
      recordId: "c1",
      version: 1,
      by: "eva",
      operation: "CorrectContact"
    })
    expect(changes[0]!.patches).toEqual(expect.arrayContaining([
      { op: "replace", path: ["durationMinutes"], value: 45 },
      { op: "replace", path: ["note"], value: NEW_NOTE }
    ]))
    expect(changes[0]!.inverse).toEqual(expect.arrayContaining([{ op: "replace", path: ["note"], value: NOTE }]))

    // The audit entry names the contact and the revision; never a value.
    const entries = await audit()
    const entry = entries.find((e) => e.operation === "CorrectContact")
    expect(entry?.subjects.map((s) => s.kind)).toEqual(["contact", "revision"])
    expect(JSON.stringify(entries)).not.toContain("Brno")
    expect(JSON.stringify(entries)).not.toContain("brother")
    expect(entries.find((e) => e.operation === "ReadChanges")).toMatchObject({ outcome: "read", actor: "marta" })
  })

  it("only the matrix's roles correct or read changes; another service's record is NotFound", async () => {
    expect(await fail((api) => api.correctContact(ana, { id: "c1", changes: { durationMinutes: 5 } }))).toMatchObject({
      _tag: "AccessDenied"
    })
    expect(await fail((api) => api.correctContact(admin, { id: "c1", changes: { durationMinutes: 5 } }))).toMatchObject(
      { _tag: "AccessDenied" }
    )
    expect(await fail((api) => api.correctContact(petr, { id: "c1", changes: { durationMinutes: 5 } }))).toMatchObject({
      _tag: "NotFound",
      kind: "contact"
    })
    expect(await fail((api) => api.recordChanges(eva, { kind: "contact", id: "c1" }))).toMatchObject({
      _tag: "AccessDenied"
    })
    expect(await fail((api) => api.recordChanges(admin, { kind: "contact", id: "c1" }))).toMatchObject({
      _tag: "AccessDenied"
    })
    const version = await store((s) => s.get("contact", "c1"))
    expect(version._tag === "Some" && version.value.version).toBe(1)
  })

  it("refuses bad corrections with a typed error naming the field, and stores nothing", async () => {
    const e1 = await fail((api) => api.correctContact(eva, { id: "c1", changes: { serviceId: "debt" } }))
    expect(e1).toMatchObject({ _tag: "InvalidInput" })
    expect(JSON.stringify(e1)).not.toContain("debt\"")
    const e2 = await fail((api) => api.correctContact(eva, { id: "c1", changes: { durationMinutes: -3 } }))
    expect(e2).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "durationMinutes" })] })
    const e3 = await fail((api) => api.correctContact(eva, { id: "c1", changes: { participants: ["marek"] } }))
    expect(e3).toMatchObject({ _tag: "InvalidCommand", field: "participants[0]" })
    const e4 = await fail((api) =>
      api.correctContact(eva, { id: "c1", changes: { interventions: ["insolvency-petition"] } })
    )
    expect(e4).toMatchObject({ _tag: "InvalidCommand", field: "interventions[0]" })
    const e5 = await fail((api) => api.correctPerson(eva, { id: "kuba", changes: { nickname: "Jakub" } }))
    expect(e5).toMatchObject({ _tag: "InvalidInput" })
    const record = await store((s) => s.get("contact", "c1"))
    expect(record._tag === "Some" && record.value.version).toBe(1)
    expect(await store((s) => s.list({ kind: "revision" }))).toHaveLength(0)
  })

  it("refuses a correction that would break a principle (a low-threshold service made to demand identity)", async () => {
    const e = await fail((api) =>
      api.correctService(marta, { id: "club", changes: { config: { requiresIdentity: true } } })
    )
    expect(e).toMatchObject({ _tag: "CommandRefused", operation: "CorrectService" })
    expect((e as { violations: ReadonlyArray<{ principle: string }> }).violations.map((v) => v.principle)).toContain(
      "low-threshold"
    )
    const service = await store((s) => s.get("service", "club"))
    expect(service._tag === "Some" && service.value.version).toBe(1)
    const { value } = await run((api) => api.correctService(marta, { id: "club", changes: { name: "Klub Ostrov" } }))
    expect(value.name).toBe("Klub Ostrov")
    // A coordinator of another service may not.
    const other = { id: "jan", grants: [{ role: "coordinator", services: ["debt"] }] }
    expect(await fail((api) => api.correctService(other, { id: "club", changes: { name: "X" } }))).toMatchObject({
      _tag: "NotFound"
    })
  })

  it("corrects a person's non-identity fields, an activity's attendance and a location", async () => {
    const person = await run((api) =>
      api.correctPerson(eva, { id: "kuba", changes: { ageBand: "18-20", notes: "Prefers evenings." } })
    )
    expect(person.value).toMatchObject({
      _tag: "pseudonymous",
      nickname: "Kuba",
      ageBand: "18-20",
      notes: "Prefers evenings."
    })
    const removed = await run((api) => api.correctPerson(eva, { id: "kuba", changes: { notes: null } }))
    expect(removed.value).not.toHaveProperty("notes")

    await run((api) =>
      api.recordActivity(ana, {
        id: "football",
        serviceId: "club",
        kind: "group-session",
        title: "Football",
        startsAt: T(4, 16),
        audience: "youth",
        forExternalStaff: false,
        attendees: ["kuba"],
        anonymousAttendance: 5
      })
    )
    const activity = await run((api) =>
      api.correctActivity(ana, { id: "football", changes: { attendees: [], anonymousAttendance: 6 } })
    )
    expect(activity.value).toMatchObject({ attendees: [], anonymousAttendance: 6 })
    expect(await fail((api) => api.correctActivity(ana, { id: "football", changes: { attendees: ["marek"] } })))
      .toMatchObject({ _tag: "InvalidCommand", field: "attendees[0]" })

    const location = await run((api) =>
      api.correctLocation(marta, { id: "premises", changes: { name: "Klub Ostrov", municipality: "Praha 4" } })
    )
    expect(location.value).toMatchObject({ name: "Klub Ostrov", municipality: "Praha 4" })
    expect(await fail((api) => api.correctLocation(eva, { id: "premises", changes: { name: "X" } }))).toMatchObject({
      _tag: "AccessDenied"
    })
    const { items: history } = await run((api) => api.recordChanges(marta, { kind: "location", id: "premises" }))
    expect(history.map((r) => r.operation)).toEqual(["CorrectLocation"])
    const { items: personHistory } = await run((api) => api.recordChanges(marta, { kind: "person", id: "kuba" }))
    expect(personHistory.map((r) => r.version)).toEqual([1, 2])
  })

  it("voids a contact: out of reports and lists, in the audit log and the person's export", async () => {
    const count = () =>
      store((s) => s.aggregate({ kind: "contact", groupBy: [], serviceId: "club" })).then((rows) =>
        rows.reduce((n, r) => n + r.count, 0)
      )
    expect(await count()).toBe(1)
    // Workers, volunteers, administrators and auditors may not void; a coordinator may.
    for (const actor of [eva, ana, admin, ola]) {
      expect(await fail((api) => api.voidRecord(actor, { kind: "contact", id: "c1", reason: "entered-in-error" })))
        .toMatchObject({ _tag: "AccessDenied" })
    }
    expect(await fail((api) => api.voidRecord(marta, { kind: "contact", id: "c1", reason: "because" } as never)))
      .toMatchObject({ _tag: "InvalidInput" })
    expect(await fail((api) => api.voidRecord(marta, { kind: "person", id: "kuba", reason: "duplicate" } as never)))
      .toMatchObject({ _tag: "InvalidInput" })
    const { value } = await run((api) => api.voidRecord(marta, { kind: "contact", id: "c1", reason: "duplicate" }))
    expect(value).toMatchObject({ kind: "contact", reason: "duplicate", voidedBy: "marta", version: 1 })

    expect(await count()).toBe(0)
    expect(await store((s) => s.list({ kind: "contact", serviceId: "club" }))).toHaveLength(0)
    const report = await run((api) =>
      api.report(marta, { reportId: "contacts-by-intervention", serviceId: "club", period: "2026-05" })
    )
    expect(JSON.stringify(report)).not.toContain("conversation\",\"count\":1")
    const history = await run((api) => api.personHistory(eva, "kuba"))
    expect(history.contacts ?? []).toHaveLength(0)
    // Voiding again finds nothing to void.
    expect(await fail((api) => api.voidRecord(marta, { kind: "contact", id: "c1", reason: "duplicate" })))
      .toMatchObject({ _tag: "NotFound" })

    const entries = await audit()
    expect(entries.filter((e) => e.operation === "VoidRecord").map((e) => e.subjects)).toEqual([[{
      kind: "voided",
      id: "c1"
    }]])
    expect(entries.find((e) => e.operation === "RecordContact")?.subjects).toEqual([{ kind: "contact", id: "c1" }])

    const exported = await run((api) => api.exportPerson(marta, "kuba"))
    expect(exported.contacts).toHaveLength(0)
    expect(exported.voided).toHaveLength(1)
    expect(exported.voided[0]).toMatchObject({ kind: "contact", reason: "duplicate", record: { id: "c1", note: NOTE } })
    // The voided record stays encrypted at rest.
    const raw = await store((s) => s.get("voided", "c1"))
    expect(JSON.stringify(raw._tag === "Some" ? raw.value.data : null)).not.toContain("brother")
  })
})
