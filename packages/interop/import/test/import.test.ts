/**
 * Spreadsheet import (issue 16): CSV and XLSX rows through the case-work batch path, all or
 * nothing per file, problems by row and column without the cells' values, and a dry run.
 */
import { type ActorRef, Casework } from "@pomoc/core"
import { Effect, Result } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import writeXlsxFile from "write-excel-file/node"
import { Import, Mapping, Sheet } from "../src/index.js"
import { coordinator, head, makeRuntime, type Runtime, stored, worker } from "./fixture.js"

let runtime: Runtime
beforeEach(async () => {
  runtime = await makeRuntime()
})
afterEach(() => runtime.dispose())

const csv = (text: string) => Effect.runSync(Sheet.fromCsv(text))
const importing = (mapping: Mapping.Mapping, sheet: Sheet.Sheet, options?: Import.Options, actor: ActorRef = worker) =>
  runtime.runPromise(Casework.Casework.use((api) => Import.run(api, actor, mapping, sheet, options)))
const refusedBy = (mapping: Mapping.Mapping, sheet: Sheet.Sheet, options?: Import.Options, actor: ActorRef = worker) =>
  runtime.runPromise(Effect.flip(Casework.Casework.use((api) => Import.run(api, actor, mapping, sheet, options))))

export const people = Mapping.make({
  target: "person",
  fixed: { serviceId: "club", identityLevel: "pseudonymous" },
  columns: [
    { column: "ID", field: "id", required: true },
    { column: "Nickname", field: "nickname" },
    { column: "Age", field: "ageBand", values: { "15 to 17": "15-17", "18 to 20": "18-20" } },
    { column: "Gender", field: "gender", values: { F: "female", M: "male" } },
    { column: "Registered", field: "registeredAt", type: "date" }
  ]
})

export const contacts = Mapping.make({
  target: "contact",
  fixed: { serviceId: "club", locationKind: "club-premises" },
  columns: [
    { column: "ID", field: "id" },
    { column: "When", field: "at", type: "datetime", required: true },
    { column: "Minutes", field: "durationMinutes", type: "integer" },
    { column: "Channel", field: "channel", values: { "In person": "in-person", Phone: "phone" } },
    { column: "People", field: "participants", type: "list" },
    { column: "Anonymous", field: "anonymousCount", type: "integer" },
    { column: "Interventions", field: "interventions", type: "list" },
    { column: "First", field: "firstContact", type: "boolean" }
  ]
})

const PEOPLE = `ID;Nickname;Age;Gender;Registered
p-1;Kuba;15 to 17;M;2026-02-01
p-2;Bára;18 to 20;F;3.2.2026
`
const CONTACTS = `ID,When,Minutes,Channel,People,Anonymous,Interventions,First
c-1,2026-02-10 16:00,30,In person,p-1,0,conversation,yes
c-2,2026-02-10 17:30,45,In person,p-1;p-2,0,conversation;information,no
c-3,2026-02-11T18:00:00Z,10,Phone,,1,information,no
`

describe("importing a spreadsheet", () => {
  it("stores people and then their contacts, each file in one unit of work, through the principles", async () => {
    const before = await head(runtime)
    const r1 = await importing(people, csv(PEOPLE))
    expect(r1).toMatchObject({ rows: 2, operation: "registerPerson", stored: true })
    const r2 = await importing(contacts, csv(CONTACTS))
    expect(r2).toMatchObject({ rows: 3, operation: "recordContact", stored: true })
    expect((await stored(runtime, "person")).map((r) => r.id).sort()).toEqual(["p-1", "p-2"])
    expect((await stored(runtime, "contact")).map((r) => r.id).sort()).toEqual(["c-1", "c-2", "c-3"])
    // One audit entry per row: every row went through the API.
    expect((await head(runtime)).seq - before.seq).toBe(5)
    const history = await runtime.runPromise(Casework.Casework.use((api) => api.personHistory(worker, "p-2")))
    expect(history.contacts?.map((c) => [c.id, c.mode, c.interventions])).toEqual([["c-2", "group", [
      "conversation",
      "information"
    ]]])
    const kuba = await runtime.runPromise(Casework.Casework.use((api) => api.getPerson(worker, "p-2")))
    expect(kuba).toMatchObject({ _tag: "pseudonymous", nickname: "Bára", ageBand: "18-20", gender: "female" })
  })

  it("a dry run checks every row through the principles and stores nothing; the same file then imports", async () => {
    const before = await head(runtime)
    const report = await importing(people, csv(PEOPLE), { dryRun: true })
    expect(report).toMatchObject({ rows: 2, stored: false })
    expect(await stored(runtime, "person")).toHaveLength(0)
    expect(await stored(runtime, "data-key")).toHaveLength(0)
    expect(await head(runtime)).toEqual(before)
    // A dry run of contacts for people not stored is refused, as the real import would be.
    const e = await refusedBy(contacts, csv(CONTACTS), { dryRun: true })
    expect(e).toMatchObject({ _tag: "ImportRefused" })
    await importing(people, csv(PEOPLE))
    expect(await stored(runtime, "person")).toHaveLength(2)
  })

  it("reports progress: every row checked, then stored", async () => {
    const seen: Array<Import.Progress> = []
    await importing(people, csv(PEOPLE), { onProgress: (p) => Effect.sync(() => seen.push(p)) })
    expect(seen).toEqual([
      { phase: "checking", done: 1, total: 2 },
      { phase: "checking", done: 2, total: 2 },
      { phase: "storing", done: 0, total: 2 },
      { phase: "storing", done: 2, total: 2 }
    ])
  })

  it("reads XLSX: text, numbers, booleans and dates of a workbook", async () => {
    const header = ["ID", "Nickname", "Age", "Gender", "Registered"].map((value) => ({ value }))
    const row = (
      id: string,
      nick: string,
      age: string,
      gender: string,
      day: number
    ) => [{ value: id }, { value: nick }, { value: age }, { value: gender }, {
      value: new Date(Date.UTC(2026, 1, day)),
      format: "yyyy-mm-dd"
    }]
    const buffer = await writeXlsxFile([
      header,
      row("p-1", "Kuba", "15 to 17", "M", 1),
      row("p-2", "Bára", "18-20", "F", 3)
    ]).toBuffer()
    const sheet = await Effect.runPromise(Sheet.fromXlsx(new Uint8Array(buffer)))
    expect(sheet.header).toEqual(["ID", "Nickname", "Age", "Gender", "Registered"])
    await importing(people, sheet)
    const bara = await runtime.runPromise(Casework.Casework.use((api) => api.getPerson(worker, "p-2")))
    expect(bara).toMatchObject({ nickname: "Bára", ageBand: "18-20" })
    expect(String(bara.registeredAt)).toContain("2026-02-03")
    const contactSheet = await writeXlsxFile([
      ["ID", "When", "Minutes", "Channel", "People", "Anonymous", "Interventions", "First"].map((value) => ({ value })),
      [
        { value: "c-1" },
        { value: new Date(Date.UTC(2026, 1, 10, 16)), format: "yyyy-mm-dd hh:mm" },
        { value: 30 },
        { value: "In person" },
        { value: "p-1" },
        { value: 0 },
        { value: "conversation" },
        { value: true }
      ]
    ]).toBuffer()
    await importing(contacts, await Effect.runPromise(Sheet.fromXlsx(new Uint8Array(contactSheet))))
    const [c1] = await stored(runtime, "contact")
    expect(c1?.id).toBe("c-1")
    expect(await Effect.runPromise(Effect.flip(Sheet.fromXlsx(new Uint8Array([1, 2, 3]))))).toMatchObject({
      _tag: "UnreadableFile",
      format: "xlsx"
    })
  })

  it("imports activities and their attendance, volunteers and their hours", async () => {
    await importing(people, csv(PEOPLE))
    const activities = Mapping.make({
      target: "activity",
      fixed: { serviceId: "club", audience: "youth" },
      columns: [
        { column: "ID", field: "id" },
        { column: "Kind", field: "kind" },
        { column: "Title", field: "title" },
        { column: "Starts", field: "startsAt", type: "datetime" },
        { column: "Anonymous", field: "anonymousAttendance", type: "integer" }
      ]
    })
    await importing(activities, csv("ID,Kind,Title,Starts,Anonymous\na-1,club,Table football,2026-02-12 16:00,3\n"))
    const attendance = Mapping.make({
      target: "attendance",
      columns: [{ column: "Activity", field: "activityId" }, { column: "Who", field: "attendees", type: "list" }, {
        column: "Others",
        field: "anonymousAttendance",
        type: "integer"
      }]
    })
    await importing(attendance, csv("Activity,Who,Others\na-1,p-1;p-2,1\na-1,,2\n"))
    const [activity] = await stored(runtime, "activity")
    // Created at version 1; the two attendance rows are one write of its last state.
    expect(activity?.version).toBe(2)
    expect(activity?.data).toMatchObject({ attendees: ["p-1", "p-2"], anonymousAttendance: 6 })
    const volunteers = Mapping.make({
      target: "volunteer",
      fixed: { organisationId: "org", kind: "volunteer", ageGroup: "adult" },
      columns: [{ column: "ID", field: "id" }, { column: "Name", field: "displayName" }, {
        column: "Since",
        field: "since",
        type: "date"
      }, { column: "Skills", field: "skills", type: "list" }]
    })
    await importing(volunteers, csv("ID,Name,Since,Skills\nv-1,Petra,2025-09-01,tutoring\n"), undefined, coordinator)
    const hours = Mapping.make({
      target: "volunteer-hours",
      fixed: { serviceId: "club" },
      columns: [{ column: "Volunteer", field: "volunteerId" }, { column: "Day", field: "on", type: "date" }, {
        column: "Hours",
        field: "hours",
        type: "number"
      }, { column: "Activity", field: "activityId" }]
    })
    const report = await importing(
      hours,
      csv("Volunteer;Day;Hours;Activity\nv-1;2026-02-12;2,5;a-1\nv-1;2026-02-19;3;\n"),
      undefined,
      coordinator
    )
    expect(report.rows).toBe(2)
    expect(await stored(runtime, "volunteer-hours")).toHaveLength(2)
  })
})

describe("a file with broken rows", () => {
  it("stores nothing and locates every problem by row and column, never repeating the cell", async () => {
    await importing(people, csv(PEOPLE))
    const before = await head(runtime)
    const broken = `ID,When,Minutes,Channel,People,Anonymous,Interventions,First
c-1,2026-02-10 16:00,30,In person,p-1,0,conversation,yes
c-2,31.2.2026,30,In person,p-1,0,conversation,no
c-3,2026-02-10 18:00,30,telepathy,p-1,0,conversation,no
c-1,2026-02-10 19:00,thirty,In person,p-2,0,conversation,maybe
c-5,2026-02-10 20:00,30,In person,ghost-77,0,conversation,no
c-6,2026-02-10 21:00,30,In person,p-2,0,astrology-99,no
`
    const e = await refusedBy(contacts, csv(broken))
    expect(e._tag).toBe("ImportRefused")
    const problems = (e as Import.ImportRefused).problems
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, "When"],
      [4, "Channel"],
      [5, "Minutes"],
      [5, "First"],
      [5, "ID"],
      [6, "People"],
      [7, "Interventions"]
    ])
    expect(problems.find((p) => p.row === 5 && p.column === "ID")?.rule).toBe("the same id as row 2")
    const text = JSON.stringify(problems) + (e as Import.ImportRefused).message
    for (const value of ["31.2.2026", "telepathy", "thirty", "maybe", "ghost-77", "astrology-99"]) {
      expect(text).not.toContain(value)
    }
    expect(await stored(runtime, "contact")).toHaveLength(0)
    expect(await head(runtime)).toEqual(before)
  })

  it("a name where the nickname club allows none without consent: refused at the name's column", async () => {
    const identified = Mapping.make({
      target: "person",
      fixed: { serviceId: "club", sharedWith: [], needs: [] },
      columns: [
        { column: "ID", field: "id" },
        { column: "Level", field: "identityLevel" },
        { column: "Nickname", field: "nickname" },
        { column: "Name", field: "givenName" },
        { column: "Age", field: "ageBand" },
        { column: "Gender", field: "gender" },
        { column: "Registered", field: "registeredAt", type: "date" }
      ]
    })
    const e = await refusedBy(
      identified,
      csv(`ID,Level,Nickname,Name,Age,Gender,Registered
p-1,pseudonymous,Kuba,,15-17,male,2026-02-01
p-2,identified,,Barbora Nováková,18-20,female,2026-02-01
`)
    )
    expect(e).toMatchObject({ _tag: "ImportRefused", problems: [{ row: 3, column: "Name", field: "givenName" }] })
    expect((e as Import.ImportRefused).problems[0]?.rule).toContain("identification-needs-consent")
    expect(JSON.stringify(e)).not.toContain("Barbora")
    expect(await stored(runtime, "person")).toHaveLength(0)
  })

  it("a missing column is a problem of the header row; an id already stored is located at its row", async () => {
    const e = await refusedBy(people, csv("ID,Nickname\np-1,Kuba\n"))
    expect((e as Import.ImportRefused).problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [1, "Age", "the column is not in the header row"],
      [1, "Gender", "the column is not in the header row"],
      [1, "Registered", "the column is not in the header row"]
    ])
    await importing(people, csv(PEOPLE))
    const again = await refusedBy(people, csv(PEOPLE.replace("p-1;Kuba", "p-9;Kuba")))
    expect(again).toMatchObject({
      _tag: "ImportRefused",
      problems: [{ row: 3, column: "ID", rule: "a record with this id is already stored" }]
    })
    expect(await stored(runtime, "person")).toHaveLength(2)
  })

  it("a required cell left empty, and a field the mapping's fixed values break, are located too", async () => {
    const e = await refusedBy(
      contacts,
      csv("ID,When,Minutes,Channel,People,Anonymous,Interventions,First\nc-1,,30,Phone,,1,information,no\n")
    )
    expect((e as Import.ImportRefused).problems).toEqual([{ row: 2, column: "When", field: "at", rule: "is required" }])
    const wrongFixed = Mapping.make(
      { ...contacts, fixed: { serviceId: "club", locationKind: "moon-base" } } as Mapping.Declared<"contact">
    )
    const f = await refusedBy(wrongFixed, csv(CONTACTS.split("\n").slice(0, 2).join("\n").replace("p-1,0", ",1")))
    expect((f as Import.ImportRefused).problems).toEqual([expect.objectContaining({ row: 2, field: "locationKind" })])
    expect((f as Import.ImportRefused).problems[0]?.column).toBeUndefined()
  })

  it("a mapping is decoded: a misspelt type or a column mapped twice names its path", () => {
    const bad = Mapping.decode({ target: "contact", columns: [{ column: "A", field: "at", type: "when" }] })
    expect(Result.isFailure(bad) ? bad.failure.problems.map((p) => p.path) : []).toEqual(["columns[0].type"])
    const twice = Mapping.decode({
      target: "contact",
      columns: [{ column: "A", field: "at" }, { column: "A", field: "id" }]
    })
    expect(Result.isFailure(twice) ? twice.failure.problems : []).toEqual([{
      path: "columns",
      rule: "a column is mapped twice"
    }])
    expect(Result.isSuccess(Mapping.decode(contacts))).toBe(true)
  })

  it("an unreadable CSV names the line and the rule", async () => {
    const e = await Effect.runPromise(Effect.flip(Sheet.fromCsv("ID,Nickname\np-1,\"Kuba\n")))
    expect(e).toMatchObject({ _tag: "UnreadableFile", format: "csv", reason: "a quoted cell is not closed" })
    expect(e.message).not.toContain("Kuba")
  })
})
