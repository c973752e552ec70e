/**
 * Two processes on one SQLite file race for the same guard keys: for every key exactly one wins,
 * the other gets a Conflict naming the winner, and the file holds one holder per key and an intact
 * audit chain.
 */
import { assert, describe, it } from "@effect/vitest"
import { Audit, Store } from "@pomoc/core"
import { Effect } from "effect"
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { SqliteStore } from "../src/index.js"

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, "../../../..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const child = join(here, "fixtures", "guard-child.ts")
const ROUNDS = 40

const run = (file: string, name: string) =>
  new Promise<string>((resolvePromise, reject) => {
    const proc = spawn(tsx, ["--conditions=@pomoc/source", child, file, name, String(ROUNDS)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    let errors = ""
    proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    proc.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()))
    proc.on("error", reject)
    proc.on(
      "close",
      (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`child ${name} failed (${code}): ${errors}`)))
    )
  })

describe("two processes", () => {
  it(
    "racing for the same guard keys: exactly one holder per key, the loser told who holds it",
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "pomoc-processes-"))
      try {
        const file = join(dir, "guards.db")
        const open = <A>(f: (store: Store.StoreShape) => Effect.Effect<A, Store.StoreError>) =>
          Effect.runPromise(Effect.flatMap(Store.Store, f).pipe(Effect.provide(SqliteStore.layer({ filename: file }))))
        await open((store) => store.auditHead) // migrate once before the race
        const [a, b] = await Promise.all([run(file, "a"), run(file, "b")])
        const lines = [
          ...a.trim().split("\n").map((l) => ["a", l] as const),
          ...b.trim().split("\n").map((l) => ["b", l] as const)
        ]
        for (let round = 0; round < ROUNDS; round++) {
          const outcomes = lines.filter(([, l]) => l.split(" ")[1] === String(round))
          assert.strictEqual(outcomes.length, 2)
          const winners = outcomes.filter(([, l]) => l.startsWith("won"))
          assert.strictEqual(winners.length, 1, `round ${round}: ${JSON.stringify(outcomes)}`)
          const [winner] = winners[0]!
          const loser = outcomes.find(([, l]) => !l.startsWith("won"))!
          assert.strictEqual(loser[1], `lost ${round} ${winner}-${round}`)
        }
        const { entries, holders } = await open((store) =>
          Effect.all({ holders: store.list({ kind: "cooperation" }), entries: store.readAudit(1, 10_000) })
        )
        assert.strictEqual(holders.length, ROUNDS)
        assert.strictEqual(new Set(holders.map((h) => h.key)).size, ROUNDS)
        assert.strictEqual(entries.length, ROUNDS)
        assert.strictEqual(Audit.verify(entries)._tag, "Intact")
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  )
})
