/**
 * Properties of spreadsheet import: any file of valid rows is stored exactly as written (each
 * row one contact with the cells' values); any set of broken cells is refused with exactly those
 * rows and columns named, never their values, and nothing stored.
 */
import { Casework } from "@pomoc/core"
import { DateTime, Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Import, Sheet } from "../src/index.js"
import { head, makeRuntime, stored, worker } from "./fixture.js"
import { contacts, contactsHeader, people } from "./mappings.js"

const PEOPLE = ["p-0", "p-1", "p-2", "p-3"]
const INTERVENTIONS = ["conversation", "information", "crisis-intervention"]

const HEADER = contactsHeader

const row = fc.record({
  minute: fc.integer({ min: 0, max: 60 * 24 * 365 }),
  minutes: fc.integer({ min: 0, max: 24 * 60 }),
  participants: fc.subarray(PEOPLE),
  anonymous: fc.integer({ min: 0, max: 40 }),
  interventions: fc.subarray(INTERVENTIONS)
}).filter((r) => r.participants.length + r.anonymous >= 1)
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString()
const cells = (
  r: Row,
  i: number
) => [
  `c-${i}`,
  at(r.minute).slice(0, 16).replace("T", " "),
  String(r.minutes),
  r.participants.join(";"),
  String(r.anonymous),
  r.interventions.join(";"),
  ""
]
const toCsv = (table: ReadonlyArray<ReadonlyArray<string>>, delimiter: string) =>
  table.map((cs) => cs.map((c) => c.includes(delimiter) || c.includes(";") ? `"${c}"` : c).join(delimiter)).join("\r\n")

const withClub = async <A>(
  f: (
    run: <B, E>(e: Effect.Effect<B, E, Casework.Casework>) => Promise<B>,
    rt: Awaited<ReturnType<typeof makeRuntime>>
  ) => Promise<A>
) => {
  const runtime = await makeRuntime()
  try {
    const run = <B, E>(e: Effect.Effect<B, E, Casework.Casework>) => runtime.runPromise(e)
    await run(
      Casework.Casework.use((api) =>
        Import.run(
          api,
          worker,
          people,
          Effect.runSync(
            Sheet.fromCsv(["ID,Nickname,Age", ...PEOPLE.map((p) => `${p},${p.toUpperCase()},15-17`)].join("\n"))
          )
        )
      )
    )
    return await f(run, runtime)
  } finally {
    await runtime.dispose()
  }
}

describe("import properties", () => {
  it("a file of valid rows is stored row for row, as written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(",", ";", "\t"),
        async (rows, delimiter) => {
          await withClub(async (run, runtime) => {
            const sheet = Effect.runSync(Sheet.fromCsv(toCsv([HEADER, ...rows.map(cells)], delimiter), { delimiter }))
            const report = await run(Casework.Casework.use((api) => Import.run(api, worker, contacts, sheet)))
            expect(report).toMatchObject({ rows: rows.length, stored: true })
            const history = await Promise.all(
              PEOPLE.map((p) => run(Casework.Casework.use((api) => api.personHistory(worker, p))))
            )
            const seen = new Map(history.flatMap((h) => h.contacts ?? []).map((c) => [c.id, c]))
            expect((await stored(runtime, "contact")).length).toBe(rows.length)
            rows.forEach((r, i) => {
              if (r.participants.length === 0) return
              const c = seen.get(`c-${i}` as never)
              expect(c).toBeDefined()
              expect(DateTime.formatIso(c!.at)).toBe(at(r.minute))
              expect([c!.durationMinutes, [...c!.participants], c!.anonymousCount, [...c!.interventions]]).toEqual([
                r.minutes,
                r.participants,
                r.anonymous,
                r.interventions
              ])
              expect(c!.mode).toBe(r.participants.length + r.anonymous === 1 ? "individual" : "group")
            })
          })
        }
      ),
      { numRuns: 15 }
    )
  })

  it("broken cells: exactly their rows and columns are named, never their values, and nothing is stored", async () => {
    const broken = fc.array(row, { minLength: 1, maxLength: 20 }).chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.uniqueArray(
          fc.tuple(
            fc.nat(rows.length - 1),
            fc.constantFrom("When", "Minutes", "Anonymous", "Interventions", "People"),
            fc.integer({ min: 100, max: 999 })
          ),
          {
            minLength: 1,
            maxLength: 6,
            selector: ([i]) => i
          }
        )
      )
    )
    await fc.assert(
      fc.asyncProperty(broken, async ([rows, breaks]) => {
        await withClub(async (run, runtime) => {
          const table = rows.map(cells)
          const values: Array<string> = []
          for (const [i, column, n] of breaks) {
            const value = {
              When: `2026-02-${30 + (n % 2)} 10:${n % 60}`,
              Minutes: `m${n}`,
              Anonymous: `-${n}x`,
              Interventions: `zz-code-${n}`,
              People: `ghost-${n}`
            }[column]
            values.push(value)
            table[i]![HEADER.indexOf(column)] = value
          }
          const before = await head(runtime)
          const sheet = Effect.runSync(Sheet.fromCsv(toCsv([HEADER, ...table], ",")))
          const error = await run(Effect.flip(Casework.Casework.use((api) => Import.run(api, worker, contacts, sheet))))
          expect(error._tag).toBe("ImportRefused")
          const problems = (error as Import.ImportRefused).problems
          expect(new Set(problems.map((p) => `${p.row}/${p.column}`))).toEqual(
            new Set(breaks.map(([i, column]) => `${i + 2}/${column}`))
          )
          const text = JSON.stringify(problems) + (error as Import.ImportRefused).message
          for (const value of values) expect(text).not.toContain(value)
          expect(await stored(runtime, "contact")).toHaveLength(0)
          expect(await head(runtime)).toEqual(before)
        })
      }),
      { numRuns: 20 }
    )
  })
})
