/**
 * Decisions on stale facts, with two processes on one SQLite file: each racer is a child process
 * (`fixtures/race-child.ts`) with its own connection; the parent prepares the file, starts each
 * race in both children at once and checks the file afterwards. No disclosure may be committed
 * after the withdrawal it should have seen, and nobody may be left with two active cooperations.
 */
import { KeyMaterial } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { expectNoStaleDecision, prepare, racer } from "./races.js"

const RACES = Number(process.env["POMOC_RACES"] ?? 100)

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, "../../..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const childScript = join(here, "fixtures", "race-child.ts")

/** A child racer: send it a move, await its answer. */
const startChild = (file: string, keyHex: string) => {
  const proc: ChildProcessWithoutNullStreams = spawn(tsx, ["--conditions=@pomoc/source", childScript, file, keyHex], {
    cwd: root
  })
  let errors = ""
  proc.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString()
  })
  const waiting: Array<{ readonly ok: (line: string) => void; readonly fail: (error: Error) => void }> = []
  createInterface({ input: proc.stdout }).on("line", (line) => waiting.shift()?.ok(line))
  proc.on("exit", (code) => {
    for (const w of waiting.splice(0)) w.fail(new Error(`racer exited (${String(code)}): ${errors}`))
  })
  const next = () => new Promise<string>((ok, fail) => waiting.push({ ok, fail }))
  return {
    ready: next(),
    move: (move: string, i: number) => {
      const answer = next()
      proc.stdin.write(`${move} ${i}\n`)
      return answer
    },
    stop: () =>
      new Promise<void>((ok) => {
        if (proc.exitCode !== null) return ok()
        proc.once("exit", () => ok())
        proc.stdin.end()
      })
  }
}

describe("races on SQLite (two processes, one file)", () => {
  it(`${RACES} disclose-vs-withdraw and ${RACES} double startCooperation races commit no stale decision`, {
    timeout: 600_000
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-races-"))
    const file = join(dir, "races.db")
    const key = KeyMaterial.generate()
    const parent = racer(SqliteStore.layer({ filename: file }), key)
    const children: Array<ReturnType<typeof startChild>> = []
    try {
      await prepare(parent, RACES)
      const keyHex = Buffer.from(key).toString("hex")
      children.push(startChild(file, keyHex), startChild(file, keyHex))
      const [a, b] = children as [ReturnType<typeof startChild>, ReturnType<typeof startChild>]
      expect(await Promise.all([a.ready, b.ready])).toEqual(["ready", "ready"])
      const outcomes: Array<string> = []
      for (let i = 0; i < RACES; i++) {
        outcomes.push((await Promise.all([a.move("withdraw", i), b.move("disclose", i)])).join("/"))
        outcomes.push((await Promise.all([a.move("start0", i), b.move("start1", i)])).join("/"))
      }
      await expectNoStaleDecision(parent, RACES, outcomes)
    } finally {
      await Promise.all(children.map((c) => c.stop()))
      await parent.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
