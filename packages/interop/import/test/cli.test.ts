/**
 * The `pomoc-import` command line: a dry run that stores nothing, an import that stores the file,
 * a refused file listed by row and column, the progress bar, and its usage errors.
 */
import { Casework, Store } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { ManagedRuntime } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bar, main } from "../src/Cli.js"
import { fixedKey as key, layerOn, seed } from "./fixture.js"

const dir = mkdtempSync(join(tmpdir(), "pomoc-import-cli-"))
const db = join(dir, "club.db")
const setup = join(import.meta.dirname, "fixtures", "setup.ts")

const cli = async (...args: ReadonlyArray<string>) => {
  let out = "", err = ""
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), tty: false, cwd: dir })
  return { code, out, err }
}
const open = () => ManagedRuntime.make(layerOn(SqliteStore.layer({ filename: db }), key))
const count = async (kind: Store.RecordKind) => {
  const runtime = open()
  try {
    return (await runtime.runPromise(Store.Store.use((s) => s.list({ kind })))).length
  } finally {
    await runtime.dispose()
  }
}

beforeAll(async () => {
  process.env["POMOC_IMPORT_DB"] = db
  const runtime = open()
  await runtime.runPromise(Casework.Casework.use(seed))
  await runtime.dispose()
  writeFileSync(
    join(dir, "people.mapping.json"),
    JSON.stringify({
      target: "person",
      fixed: { serviceId: "club", identityLevel: "pseudonymous" },
      columns: [
        { column: "ID", field: "id", required: true },
        { column: "Nickname", field: "nickname" },
        { column: "Age", field: "ageBand" },
        { column: "Gender", field: "gender" },
        { column: "Registered", field: "registeredAt", type: "date" }
      ]
    })
  )
  const rows = Array.from({ length: 40 }, (_, i) => `p-${i},Nick ${i},15-17,female,2026-02-01`)
  writeFileSync(join(dir, "people.csv"), ["ID,Nickname,Age,Gender,Registered", ...rows].join("\n"))
  writeFileSync(
    join(dir, "broken.csv"),
    ["ID,Nickname,Age,Gender,Registered", "q-1,Ann,15-17,female,2026-13-01", "q-2,Bo,teen,male,2026-02-01"].join("\n")
  )
})
afterAll(() => {
  delete process.env["POMOC_IMPORT_DB"]
  rmSync(dir, { recursive: true, force: true })
})

describe("pomoc-import", () => {
  it("a dry run checks the file, draws progress and stores nothing; then the import stores it", async () => {
    const dry = await cli("--setup", setup, "--mapping", "people.mapping.json", "--dry-run", "people.csv")
    expect(dry).toMatchObject({ code: 0, out: "40 row(s) checked (dry run: nothing stored) with registerPerson\n" })
    expect(dry.err).toContain(`checking [${"#".repeat(30)}] 100% 40/40 rows`)
    expect(await count("person")).toBe(0)
    const real = await cli("--setup", setup, "--mapping", "people.mapping.json", "people.csv")
    expect(real.code).toBe(0)
    expect(real.out).toContain("40 row(s) imported with registerPerson")
    expect(real.err).toContain("storing  [")
    expect(await count("person")).toBe(40)
  })

  it("a refused file: every problem by row and column on standard output, exit 1, nothing stored", async () => {
    const before = await count("person")
    const r = await cli("--setup", setup, "--mapping", "people.mapping.json", "broken.csv")
    expect(r.code).toBe(1)
    const lines = r.out.trim().split("\n")
    expect(lines[0]).toMatch(/^row 2, column "Registered" \(registeredAt\): is not a date/)
    expect(lines[1]).toMatch(/^row 3, column "Age" \(ageBand\): /)
    expect(lines.at(-1)).toBe("2 problem(s) in 2 row(s): nothing stored")
    expect(r.out).not.toContain("2026-13-01")
    expect(r.out).not.toContain("teen")
    expect(await count("person")).toBe(before)
  })

  it("usage errors exit 2 and name no data", async () => {
    expect((await cli("people.csv")).code).toBe(2)
    expect((await cli("--setup", setup, "--mapping", "missing.json", "people.csv")).code).toBe(2)
    writeFileSync(join(dir, "bad.mapping.json"), JSON.stringify({ target: "cats", columns: [] }))
    const bad = await cli("--setup", setup, "--mapping", "bad.mapping.json", "people.csv")
    expect(bad.code).toBe(2)
    expect(bad.err).toContain("target")
    expect((await cli("--help")).out).toContain("usage: pomoc-import")
  })

  it("draws a bar of thirty cells", () => {
    expect(bar({ phase: "checking", done: 50_000, total: 100_000 })).toBe(
      `checking [${"#".repeat(15)}${"-".repeat(15)}]  50% 50,000/100,000 rows`
    )
    expect(bar({ phase: "storing", done: 0, total: 0 })).toContain("100%")
  })
})
