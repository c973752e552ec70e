/**
 * Issue 11: the audit chain truncated or wiped in the database (head row moved back) verifies as
 * intact against the store's own head; `verifyAudit` with a head the auditor kept elsewhere
 * reports it, naming the first missing entry's seq.
 */
import { Audit, FieldCrypto, KeyMaterial, Pomoc, Principles, StaffDirectory, Store } from "@pomoc/core"
import { MemoryStore } from "@pomoc/store-memory"
import { NodeHasher } from "@pomoc/store-sql"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Context, Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { serviceTypes } from "./model.js"

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const auditor = { id: "auditor-1", grants: [{ role: "auditor", services: "*" }] }

describe("verifyAudit against a head kept outside the database", () => {
  it("detects truncation and wiping that the store's own head hides", async () => {
    const program = Effect.gen(function*() {
      const { inspector, store } = yield* MemoryStore.makeWithInspector()
      const layer = Pomoc.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(
        Layer.provide(StaffDirectory.layerList([admin, auditor])),
        Layer.provide(Layer.succeedContext(Context.make(Store.Store, store))),
        Layer.provide(FieldCrypto.layer({ keys: { k1: KeyMaterial.generate() }, current: "k1" }))
      )
      return yield* Effect.gen(function*() {
        const api = yield* Pomoc.Pomoc
        for (let i = 0; i < 4; i++) yield* api.registerOrganisation(admin, { id: `org-${i}`, name: `Org ${i}` })
        // The auditor keeps the head as a line of text outside the database.
        const line = Audit.formatHead(yield* store.auditHead, "2026-11-27T10:00:00.000Z")
        const expected = Audit.parseHead(line)!
        expect(yield* api.verifyAudit(auditor, { expected })).toEqual({ _tag: "Intact", head: expected })

        inspector.truncateAudit(2)
        expect((yield* api.verifyAudit(auditor, undefined))._tag).toBe("Intact")
        expect(yield* api.verifyAudit(auditor, { expected })).toEqual({ _tag: "Broken", seq: 3, reason: "expected" })

        inspector.truncateAudit(0)
        expect((yield* api.verifyAudit(auditor, undefined))._tag).toBe("Intact")
        expect(yield* api.verifyAudit(auditor, { expected })).toEqual({ _tag: "Broken", seq: 1, reason: "expected" })

        const bad = yield* Effect.flip(api.verifyAudit(auditor, { expected: { seq: -1, hash: "x" } }))
        expect(bad).toMatchObject({ _tag: "InvalidInput", entity: "VerifyAudit" })
        expect(JSON.stringify(bad)).not.toContain("\"x\"")
        const paths = (bad as unknown as { problems: ReadonlyArray<{ path: string }> }).problems.map((p) => p.path)
        expect(paths).toEqual(expect.arrayContaining(["expected.seq", "expected.hash"]))
      }).pipe(Effect.provide(layer))
    })
    await Effect.runPromise(program)
  })
})

describe("verifyAudit with Node's SHA-256 (docs/access-and-audit.md, \"Verifying fast on Node\")", () => {
  it("a SQLite log verifies through the provided hasher, with the same result as the portable one", async () => {
    const layer = Pomoc.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(
      Layer.provide(StaffDirectory.layerList([admin, auditor])),
      Layer.provide(SqliteStore.layer({ filename: ":memory:" })),
      Layer.provide(FieldCrypto.layer({ keys: { k1: KeyMaterial.generate() }, current: "k1" }))
    )
    const program = Effect.gen(function*() {
      const pomoc = yield* Pomoc.Pomoc
      for (let i = 0; i < 3; i++) yield* pomoc.registerOrganisation(admin, { id: `org-${i}`, name: `Org ${i}` })
      // --- from docs/access-and-audit.md
      const verification = yield* pomoc.verifyAudit(auditor, undefined).pipe(Effect.provide(NodeHasher.layer))
      // --- end
      expect(verification._tag).toBe("Intact")
      expect(yield* pomoc.verifyAudit(auditor, undefined)).toEqual(verification)
      // The hasher in context is the one used: two hashes an entry.
      let calls = 0
      const counting: Audit.Sha256 = (text) => {
        calls++
        return NodeHasher.sha256(text)
      }
      yield* pomoc.verifyAudit(auditor, undefined).pipe(Effect.provideService(Audit.Hasher, counting))
      expect(verification._tag === "Intact" && calls >= 2 * verification.head.seq).toBe(true)
    }).pipe(Effect.provide(layer))
    await Effect.runPromise(program)
  })
})
