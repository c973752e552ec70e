/**
 * The verify path's fast parts: the hand-written draft decoder against the `AuditDraft` schema on
 * damaged entries, and the SHA-256 a host injects (`Audit.Hasher`, the `sha256` option).
 */
import { Audit } from "@pomoc/core"
import { Context, Effect, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { sha256 } from "../../src/internal/sha256.js"

const text = fc.string({ unit: "grapheme", maxLength: 12 })

const arbDraft = fc.record({
  at: text,
  actor: text,
  role: text,
  operation: text,
  outcome: fc.constantFrom("allowed", "denied", "read"),
  serviceId: text,
  subjects: fc.array(fc.record({ kind: text, id: text }), { maxLength: 3 }),
  legalGround: text,
  rules: fc.array(text, { maxLength: 3 })
}, { requiredKeys: ["at", "actor", "role", "operation", "outcome", "subjects"] })

const FIELDS = ["at", "actor", "role", "operation", "outcome", "serviceId", "subjects", "legalGround", "rules"]

/** A stored entry as JSON gives it back: sound, or damaged in one or two places. */
const arbStored: fc.Arbitrary<unknown> = fc.oneof(
  arbDraft,
  fc.tuple(arbDraft, fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 2 })).map(([d, field, value]) => ({
    ...d,
    [field]: value
  })),
  fc.tuple(arbDraft, fc.constantFrom(...FIELDS)).map(([d, field]) => {
    const { [field]: _gone, ...rest } = d as Record<string, unknown>
    return rest
  }),
  fc.tuple(arbDraft, fc.nat(), fc.jsonValue({ maxDepth: 1 })).map(([d, i, value]) =>
    d.subjects.length === 0
      ? { ...d, subjects: [value] }
      : { ...d, subjects: d.subjects.map((s, k) => (k === i % d.subjects.length ? { ...s, id: value } : s)) }
  ),
  fc.tuple(arbDraft, fc.string(), fc.jsonValue({ maxDepth: 1 })).map(([d, key, value]) => ({ ...d, [key]: value })),
  fc.jsonValue({ maxDepth: 2 })
).map((value) => JSON.parse(JSON.stringify(value)) as unknown)

const schemaDecode = Schema.decodeUnknownExit(Audit.AuditDraft)

describe("Audit.decodeDraft", () => {
  it("accepts exactly what the AuditDraft schema accepts, and gives the same draft", () => {
    fc.assert(
      fc.property(arbStored, (value) => {
        const fast = Audit.decodeDraft(value)
        const exit = schemaDecode(value)
        if (exit._tag === "Success") {
          expect(Audit.isDraftIssue(fast)).toBe(false)
          expect(fast).toStrictEqual(exit.value)
        } else {
          expect(Audit.isDraftIssue(fast)).toBe(true)
        }
      }),
      { numRuns: 3000 }
    )
  })

  it("an issue names a field of the draft and a rule, never the value", () => {
    fc.assert(
      fc.property(arbDraft, fc.constantFrom("at", "actor", "outcome", "subjects", "rules"), (d, field) => {
        const secret = "Jana Nováková 1985"
        const issue = Audit.decodeDraft({ ...d, [field]: { secret } })
        expect(issue).toMatchObject({ _tag: "DraftIssue", field })
        expect(JSON.stringify(issue)).not.toContain(secret)
      })
    )
  })
})

const drafts = fc.array(arbDraft, { minLength: 1, maxLength: 8 }) as fc.Arbitrary<Array<Audit.AuditDraft>>

describe("an injected SHA-256", () => {
  it("core's default is the portable one, and sealing with an equal hasher gives the same chain", () => {
    expect(Context.get(Context.empty(), Audit.Hasher)).toBe(sha256)
    fc.assert(fc.property(drafts, (ds) => {
      const wrapped: Audit.Sha256 = (t) => sha256(t)
      expect(Audit.seal(Audit.emptyHead, ds, wrapped)).toEqual(Audit.seal(Audit.emptyHead, ds))
    }))
  })

  it("verifyPages hashes with the Hasher in context (two hashes an entry), or the one its options name", () => {
    fc.assert(fc.property(drafts, (ds) => {
      const log = Audit.seal(Audit.emptyHead, ds)
      const head = { seq: log.at(-1)!.seq, hash: log.at(-1)!.hash }
      const read = (from: number, limit: number) => Effect.succeed(log.slice(from - 1, from - 1 + limit))
      let calls = 0
      const counting: Audit.Sha256 = (t) => {
        calls++
        return sha256(t)
      }
      const viaContext = Effect.runSync(
        Effect.provideService(Audit.verifyPages(read, { head, pageSize: 3 }), Audit.Hasher, counting)
      )
      expect(viaContext).toEqual({ _tag: "Intact", head })
      expect(calls).toBe(2 * log.length)
      calls = 0
      expect(Effect.runSync(Audit.verifyPages(read, { head, sha256: counting }))._tag).toBe("Intact")
      expect(calls).toBe(2 * log.length)
      // A hasher that is not SHA-256 cannot verify the chain: the hasher is really used.
      const wrong: Audit.Sha256 = (t) => sha256(t + "x")
      expect(Effect.runSync(Audit.verifyPages(read, { head, sha256: wrong }))).toEqual({
        _tag: "Broken",
        seq: 1,
        reason: "hash"
      })
    }))
  })
})
