/**
 * Crash safety: a process SIGKILLed in the middle of a 20,000-record commit leaves a database
 * that passes `integrity_check` and holds either the whole batch or none of it.
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
import { SqliteDriver } from "../src/index.js"

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, "../../../..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const child = join(here, "fixtures", "store-crash-child.ts")

const RECORDS = 20_000
const MID = 10_000

/** Runs the child and SIGKILLs it as soon as it says "mid"; resolves with its output. */
const runAndKill = (file: string) =>
  new Promise<{ output: string; signal: NodeJS.Signals | null }>((resolvePromise, reject) => {
    const proc = spawn(tsx, ["--conditions=@pomoc/source", child, file, String(RECORDS), String(MID)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      // tsx runs the script in a child node process: kill the whole process group.
      detached: true
    })
    let killed = false
    let output = ""
    let errors = ""
    proc.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes("mid") && !killed && proc.pid !== undefined) {
        killed = true
        process.kill(-proc.pid, "SIGKILL")
      }
    })
    proc.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString()
    })
    proc.on("error", reject)
    proc.on("close", (_code, signal) => {
      if (!output.includes("mid")) reject(new Error(`child ended before the batch: ${errors}`))
      else resolvePromise({ output, signal })
    })
  })

describe("crash safety", () => {
  it("a SIGKILL in the middle of a large commit leaves all or nothing, and the file opens cleanly", {
    timeout: 120_000
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-crash-"))
    try {
      const file = join(dir, "crash.db")
      const { output, signal } = await runAndKill(file)
      assert.strictEqual(signal, "SIGKILL")
      assert.isTrue(output.includes("ready"))
      assert.isFalse(output.includes("committed"))

      const db = SqliteDriver.open(file)
      try {
        assert.strictEqual(SqliteDriver.pragma(db, "integrity_check"), "ok")
        const batch =
          (db.prepare("SELECT count(*) AS n FROM pomoc_records WHERE id LIKE 'batch-%'").get() as { n: number }).n
        assert.include([0, RECORDS], batch)
        // It was killed before committing, so the batch is absent, and so are its index rows.
        assert.strictEqual(batch, 0)
        assert.strictEqual(
          (db.prepare("SELECT count(*) AS n FROM pomoc_record_people WHERE id LIKE 'batch-%'").get() as { n: number })
            .n,
          0
        )
        assert.strictEqual(
          (db.prepare("SELECT count(*) AS n FROM pomoc_records WHERE id = 'before'").get() as { n: number }).n,
          1
        )
      } finally {
        db.close()
      }

      // The store opens the file again; the chain is intact; the batch can be committed now.
      await Effect.runPromise(
        Effect.gen(function*() {
          const store = yield* Store.Store
          const audit = yield* store.readAudit()
          assert.strictEqual(audit.length, 1)
          assert.strictEqual(Audit.verify(audit)._tag, "Intact")
          const committed = yield* store.commit({
            writes: [{
              kind: "contact",
              id: "batch-0",
              expectedVersion: 0,
              serviceId: null,
              personIds: [],
              at: null,
              facets: {},
              tags: [],
              data: 1
            }],
            audit: []
          })
          assert.deepStrictEqual(committed.versions, [1])
        }).pipe(Effect.provide(SqliteStore.layer({ filename: file })))
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
