/**
 * The verify path's fast parts (entries decoded without Schema, Node's SHA-256) against a long log
 * in a real file: a tampered entry anywhere is still found, at its own seq, with the right reason;
 * a stored entry that is no longer a draft is `CorruptData` naming the field, never the value.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Audit, Store } from "@pomoc/core"
import { NodeHasher } from "@pomoc/store-sql"
import { Context, Effect, Exit, Layer, Scope } from "effect"
import * as fc from "fast-check"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteDriver, SqliteStore } from "../src/index.js"

const ENTRIES = 3000
const dir = mkdtempSync(join(tmpdir(), "pomoc-sqlite-tamper-"))
const file = join(dir, "audit.db")
const scope = Scope.makeUnsafe()
let store: Store.StoreShape
let head: Audit.Head

beforeAll(async () => {
  const context = await Effect.runPromise(Layer.buildWithScope(SqliteStore.layer({ filename: file }), scope))
  store = Context.get(context, Store.Store)
  for (let done = 0; done < ENTRIES; done += 500) {
    await Effect.runPromise(store.commit({
      writes: [],
      audit: Array.from({ length: 500 }, (_, i): Audit.AuditDraft => ({
        at: new Date(Date.UTC(2026, 0, 1) + (done + i) * 1000).toISOString(),
        actor: `worker-${(done + i) % 7}`,
        role: "worker",
        operation: "RecordContact",
        outcome: "allowed",
        serviceId: "service-1",
        subjects: [{ kind: "contact", id: `c-${done + i}` }, { kind: "person", id: `p-${(done + i) % 50}` }],
        ...((done + i) % 11 === 0 ? { legalGround: "duty-to-report", rules: ["r1"] } : {})
      }))
    }))
  }
  head = await Effect.runPromise(store.auditHead)
}, 120_000)

afterAll(async () => {
  await Effect.runPromise(Scope.close(scope, Exit.void))
  rmSync(dir, { recursive: true, force: true })
})

const verify = (pageSize: number) =>
  Effect.runPromise(Effect.result(Audit.verifyPages(store.readAudit, { head, pageSize, sha256: NodeHasher.sha256 })))

/** Changes one row through a second connection, runs `f`, and puts the row back. */
const tampered = async <A>(
  seq: number,
  set: string,
  params: ReadonlyArray<unknown>,
  f: () => Promise<A>
): Promise<A> => {
  const db = SqliteDriver.open(file)
  try {
    const [before] = db.prepare("SELECT entry, prev_hash, hash FROM pomoc_audit WHERE seq = ?").all(seq) as Array<
      { entry: string; prev_hash: string; hash: string }
    >
    db.prepare(`UPDATE pomoc_audit SET ${set} WHERE seq = ?`).run(...params, seq)
    try {
      return await f()
    } finally {
      db.prepare("UPDATE pomoc_audit SET entry = ?, prev_hash = ?, hash = ? WHERE seq = ?").run(
        before!.entry,
        before!.prev_hash,
        before!.hash,
        seq
      )
    }
  } finally {
    db.close()
  }
}

type Change = { readonly set: string; readonly params: ReadonlyArray<unknown>; readonly reason: Audit.BreakReason }

const arbChange: fc.Arbitrary<Change> = fc.oneof(
  fc.constantFrom("actor", "operation", "at", "role", "serviceId").map((field) => ({
    set: `entry = json_set(entry, '$.${field}', ?)`,
    params: ["tampered"],
    reason: "hash" as const
  })),
  fc.constant({ set: "entry = json_set(entry, '$.outcome', 'denied')", params: [], reason: "hash" as const }),
  fc.constant({ set: "entry = json_remove(entry, '$.subjects[1]')", params: [], reason: "hash" as const }),
  fc.constant({ set: "entry = json_set(entry, '$.rules', json('[\"r2\"]'))", params: [], reason: "hash" as const }),
  fc.constant({ set: "hash = ?", params: ["f".repeat(64)], reason: "hash" as const }),
  fc.constant({ set: "prev_hash = ?", params: ["e".repeat(64)], reason: "link" as const })
)

describe("verifying a long SQLite log on the fast path", () => {
  it("the untouched log is intact", async () => {
    expect(await verify(500)).toMatchObject({ _tag: "Success", success: { _tag: "Intact", head } })
  })

  it("a change anywhere is found at that entry's seq, whatever the page size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: ENTRIES }),
        arbChange,
        fc.constantFrom(97, 1000, 5000),
        async (seq, change, size) => {
          const result = await tampered(seq, change.set, change.params, () => verify(size))
          expect(result).toMatchObject({ _tag: "Success", success: { _tag: "Broken", seq, reason: change.reason } })
        }
      ),
      { numRuns: 12 }
    )
  }, 120_000)

  it("an entry that is no longer a draft is CorruptData naming the field, not the value", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: ENTRIES }),
        fc.constantFrom("actor", "outcome", "subjects", "at"),
        async (seq, field) => {
          const result = await tampered(seq, `entry = json_set(entry, '$.${field}', 1985)`, [], () => verify(1000))
          expect(result._tag).toBe("Failure")
          if (result._tag !== "Failure") return
          const reason = result.failure.reason
          expect(reason._tag).toBe("CorruptData")
          if (reason._tag !== "CorruptData") return
          expect(reason.detail).toMatch(
            new RegExp(`^audit entry ${seq} does not hold a valid entry: ${field} must be `)
          )
          expect(JSON.stringify(result.failure)).not.toContain("1985")
        }
      ),
      { numRuns: 6 }
    )
  }, 120_000)
})
