import {
  arbContact,
  arbDisclosure,
  arbId,
  arbIndividualPlan,
  arbPerson,
  arbReferral,
  arbVolunteer
} from "@pomoc/core/testing"
import { Effect, Exit } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { FieldCrypto, KeyMaterial } from "../../src/privacy/index.js"
import type { RecordKind } from "../../src/Store.js"

const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)
const runExit = <A, E>(effect: Effect.Effect<A, E>): Promise<Exit.Exit<A, E>> => Effect.runPromiseExit(effect)
const failureOf = <A, E>(exit: Exit.Exit<A, E>): E | undefined => {
  if (Exit.isSuccess(exit)) return undefined
  const reason = exit.cause.reasons.find((r) => r._tag === "Fail")
  return reason?._tag === "Fail" ? reason.error : undefined
}

const k1 = KeyMaterial.generate()
const k2 = KeyMaterial.generate()
const crypto1 = await run(FieldCrypto.make({ keys: { k1 }, current: "k1" }))
const crypto12 = await run(FieldCrypto.make({ keys: { k1, k2 }, current: "k2" }))
const crypto2 = await run(FieldCrypto.make({ keys: { k2 }, current: "k2" }))

const arbContext = fc.record({
  kind: fc.constantFrom<RecordKind>("person", "contact", "plan", "disclosure"),
  id: arbId,
  field: fc.stringMatching(/^[a-z][A-Za-z]{0,10}(\[[0-9]\])?$/)
})
const arbJson = fc.jsonValue({ maxDepth: 3 })
/** JSON values as they come back from JSON (no -0). */
const canonical = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe("encrypt / decrypt", () => {
  it("round-trips any JSON value, including any Unicode text", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbContext,
        fc.oneof(arbJson, fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })),
        async (context, value) => {
          const envelope = await run(crypto1.encrypt(context, value))
          expect(envelope.$enc).toBe("v1")
          expect(envelope.kid).toBe("k1")
          expect(envelope.iv).toMatch(/^[A-Za-z0-9_-]{16}$/)
          expect(await run(crypto1.decrypt(context, envelope))).toEqual(canonical(value))
        }
      )
    )
  })

  it("writes envelopes a Web Crypto key reads, and reads theirs (raw keys use the synchronous cipher)", async () => {
    // The same key handed over as a Web Crypto key: the envelopes are one format either way.
    const webKey = await globalThis.crypto.subtle.importKey("raw", k1, { name: "AES-GCM" }, false, [
      "encrypt",
      "decrypt"
    ])
    const web = await run(FieldCrypto.make({ keys: { k1: webKey }, current: "k1" }))
    await fc.assert(
      fc.asyncProperty(arbContext, arbJson, async (context, value) => {
        expect(await run(web.decrypt(context, await run(crypto1.encrypt(context, value))))).toEqual(canonical(value))
        expect(await run(crypto1.decrypt(context, await run(web.encrypt(context, value))))).toEqual(canonical(value))
        // Tampering is caught the same way on both paths.
        const envelope = await run(web.encrypt(context, value))
        const ct = fromB64(envelope.ct)
        ct[0] = ct[0]! ^ 1
        const tampered = { ...envelope, ct: toB64(ct) }
        expect(failureOf(await runExit(crypto1.decrypt(context, tampered)))?.reason).toBe("authentication-failed")
        expect(failureOf(await runExit(web.decrypt(context, tampered)))?.reason).toBe("authentication-failed")
      }),
      { numRuns: 50 }
    )
  })

  it("never encrypts the same value the same way twice", async () => {
    await fc.assert(
      fc.asyncProperty(arbContext, arbJson, async (context, value) => {
        const a = await run(crypto1.encrypt(context, value))
        const b = await run(crypto1.encrypt(context, value))
        expect(a.iv).not.toBe(b.iv)
        expect(a.ct).not.toBe(b.ct)
      }),
      { numRuns: 50 }
    )
  })

  it("fails on any altered byte of the IV or the ciphertext", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbContext,
        arbJson,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (context, value, at, mask) => {
          const envelope = await run(crypto1.encrypt(context, value))
          const iv = fromB64(envelope.iv)
          const ct = fromB64(envelope.ct)
          const bytes = new Uint8Array([...iv, ...ct])
          const i = at % bytes.length
          bytes[i] = bytes[i]! ^ mask
          const tampered = { ...envelope, iv: toB64(bytes.slice(0, 12)), ct: toB64(bytes.slice(12)) }
          const error = failureOf(await runExit(crypto1.decrypt(context, tampered)))
          expect(error).toBeInstanceOf(FieldCrypto.DecryptionFailed)
          expect(error?.reason).toBe("authentication-failed")
          expect({ kind: error?.kind, id: error?.id, field: error?.field }).toEqual(context)
        }
      )
    )
  })

  it("fails when the envelope is read for another record kind, id or field", async () => {
    await fc.assert(
      fc.asyncProperty(arbContext, arbContext, arbJson, async (context, other, value) => {
        fc.pre(context.kind !== other.kind || context.id !== other.id || context.field !== other.field)
        const envelope = await run(crypto1.encrypt(context, value))
        const error = failureOf(await runExit(crypto1.decrypt(other, envelope)))
        expect(error?.reason).toBe("authentication-failed")
      }),
      { numRuns: 50 }
    )
  })

  it("fails when the key id is swapped for another known key", async () => {
    const context = { kind: "person", id: "p-1", field: "notes" }
    const envelope = await run(crypto12.encrypt(context, "a note"))
    expect(envelope.kid).toBe("k2")
    const error = failureOf(await runExit(crypto12.decrypt(context, { ...envelope, kid: "k1" })))
    expect(error?.reason).toBe("authentication-failed")
  })

  it("says unknown-key, malformed or not-encrypted, never the value", async () => {
    const context = { kind: "person", id: "p-1", field: "nickname" }
    const envelope = await run(crypto2.encrypt(context, "Secret Nick"))
    const reasonOf = async (value: unknown) => failureOf(await runExit(crypto1.decrypt(context, value)))?.reason
    expect(await reasonOf(envelope)).toBe("unknown-key")
    expect(await reasonOf({ ...envelope, kid: "__proto__" })).toBe("unknown-key")
    expect(await reasonOf("Secret Nick")).toBe("not-encrypted")
    expect(await reasonOf({ nickname: "Secret Nick" })).toBe("not-encrypted")
    expect(await reasonOf({ ...envelope, $enc: "v2" })).toBe("malformed")
    expect(await reasonOf({ ...envelope, iv: envelope.iv.slice(1) })).toBe("malformed")
    expect(await reasonOf({ ...envelope, iv: "!!!!!!!!!!!!!!!!" })).toBe("malformed")
    expect(await reasonOf({ ...envelope, ct: "" })).toBe("malformed")
    expect(await reasonOf({ ...envelope, extra: 1 })).toBe("malformed")
    const exit = await runExit(crypto1.decrypt(context, "Secret Nick"))
    expect(JSON.stringify(exit)).not.toContain("Secret Nick")
    expect(String(failureOf(exit)?.message)).toBe("Cannot decrypt person p-1 field nickname: not-encrypted")
  })
})

const encodedRecords: ReadonlyArray<readonly [RecordKind, fc.Arbitrary<{ readonly id: string }>]> = [
  ["person", arbPerson],
  ["contact", arbContact],
  ["disclosure", arbDisclosure],
  ["plan", arbIndividualPlan],
  ["referral", arbReferral],
  ["volunteer", arbVolunteer]
]

describe.each(encodedRecords)("encryptFields / decryptFields of a %s", (kind, arbitrary) => {
  it("encrypts every present sensitive field, keeps the rest, and round-trips", async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (record) => {
        const before = structuredClone(record)
        const stored = await run(crypto1.encryptFields(kind, record.id, record))
        expect(record).toEqual(before)
        let encrypted = 0
        for (const path of FieldCrypto.sensitiveFields[kind]) {
          const plain = FieldCrypto.valuesAt(record, path)
          const sealed = FieldCrypto.valuesAt(stored, path)
          expect(sealed.map((s) => s.field)).toEqual(plain.map((p) => p.field))
          for (const { value } of sealed) {
            expect(FieldCrypto.isEncrypted(value)).toBe(true)
            encrypted++
          }
        }
        // Only the sensitive fields changed.
        const strip = (data: unknown) => {
          const copy = structuredClone(data)
          for (const path of FieldCrypto.sensitiveFields[kind]) {
            for (const { field } of FieldCrypto.valuesAt(copy, path)) {
              setAt(copy, field, null)
            }
          }
          return copy
        }
        expect(strip(stored)).toEqual(strip(record))
        if (encrypted > 0) expect(stored).not.toEqual(record)
        expect(await run(crypto1.decryptFields(kind, record.id, stored))).toEqual(record)
      }),
      { numRuns: 50 }
    )
  })
})

describe("records", () => {
  const person = {
    _tag: "identified",
    id: "p-1",
    serviceId: "s-1",
    sharedWith: [],
    ageBand: "18-20",
    gender: "female",
    needs: ["housing"],
    registeredAt: "2026-01-01T00:00:00.000Z",
    givenName: "Jana",
    familyName: "Nováková",
    contactDetails: { phone: "+420 777 000 111" },
    notes: "Žije u babičky"
  }

  it("leave no sensitive text in the stored JSON", async () => {
    const stored = JSON.stringify(await run(crypto1.encryptFields("person", "p-1", person)))
    for (const secret of ["Jana", "Nov", "777", "babi"]) expect(stored).not.toContain(secret)
    expect(stored).toContain("housing")
  })

  it("do not decrypt when a ciphertext is copied into another record", async () => {
    const stored = (await run(crypto1.encryptFields("person", "p-1", person))) as Record<string, unknown>
    const other =
      (await run(crypto1.encryptFields("person", "p-2", { ...person, id: "p-2", givenName: "Eva" }))) as Record<
        string,
        unknown
      >
    const forged = { ...other, givenName: stored.givenName }
    const error = failureOf(await runExit(crypto1.decryptFields("person", "p-2", forged)))
    expect(error).toMatchObject({
      _tag: "DecryptionFailed",
      kind: "person",
      id: "p-2",
      field: "givenName",
      reason: "authentication-failed"
    })
    // Nor when moved to another field of the same record.
    const swapped = { ...stored, givenName: stored.familyName, familyName: stored.givenName }
    expect(failureOf(await runExit(crypto1.decryptFields("person", "p-1", swapped)))?.reason).toBe(
      "authentication-failed"
    )
  })

  it("refuse a plain value where an envelope is expected", async () => {
    const stored = (await run(crypto1.encryptFields("person", "p-1", person))) as Record<string, unknown>
    const error = failureOf(await runExit(crypto1.decryptFields("person", "p-1", { ...stored, notes: "replaced" })))
    expect(error).toMatchObject({ field: "notes", reason: "not-encrypted" })
  })

  it("refuse to encrypt twice", async () => {
    const stored = await run(crypto1.encryptFields("person", "p-1", person))
    const error = failureOf(await runExit(crypto1.encryptFields("person", "p-1", stored)))
    expect(error).toMatchObject({ _tag: "EncryptionFailed", reason: "already-encrypted" })
  })

  it("bind array elements to their index", async () => {
    const plan = {
      id: "pl-1",
      goals: [
        {
          id: "g-1",
          inPersonsWords: "first",
          steps: [{ id: "s-1", description: "a" }, { id: "s-2", description: "b" }]
        },
        { id: "g-2", inPersonsWords: "second", steps: [] }
      ],
      reviews: [{ summary: "ok" }, {}]
    }
    const stored = (await run(crypto1.encryptFields("plan", "pl-1", plan))) as typeof plan
    expect(FieldCrypto.valuesAt(stored, "goals[].steps[].description").map((v) => v.field)).toEqual([
      "goals[0].steps[0].description",
      "goals[0].steps[1].description"
    ])
    expect(FieldCrypto.valuesAt(stored, "reviews[].summary").map((v) => v.field)).toEqual(["reviews[0].summary"])
    const reordered = { ...stored, goals: [stored.goals[1]!, stored.goals[0]!] }
    const error = failureOf(await runExit(crypto1.decryptFields("plan", "pl-1", reordered)))
    expect(error?.reason).toBe("authentication-failed")
    expect(await run(crypto1.decryptFields("plan", "pl-1", stored))).toEqual(plan)
  })
})

describe("key rotation", () => {
  it("decrypts with any known key, encrypts with the current one, and rotates", async () => {
    await fc.assert(
      fc.asyncProperty(arbPerson, async (record) => {
        const old = await run(crypto1.encryptFields("person", record.id, record))
        expect(await run(crypto12.decryptFields("person", record.id, old))).toEqual(record)
        const rotated = await run(crypto12.rotateFields("person", record.id, old))
        for (const path of FieldCrypto.sensitiveFields.person) {
          for (const { value } of FieldCrypto.valuesAt(rotated, path)) {
            expect((value as FieldCrypto.Envelope).kid).toBe("k2")
          }
        }
        // Once rotated, the old key can be retired.
        expect(await run(crypto2.decryptFields("person", record.id, rotated))).toEqual(record)
      }),
      { numRuns: 30 }
    )
  })

  it("works through the service and its layer", async () => {
    const program = Effect.gen(function*() {
      const stored = yield* FieldCrypto.encryptFields("contact", "c-1", { id: "c-1", note: "Mluvili jsme o škole 📚" })
      const rotated = yield* FieldCrypto.rotateFields("contact", "c-1", stored)
      return yield* FieldCrypto.decryptFields("contact", "c-1", rotated)
    })
    expect(await run(program.pipe(Effect.provide(FieldCrypto.layer({ keys: { k1, k2 }, current: "k1" }))))).toEqual({
      id: "c-1",
      note: "Mluvili jsme o škole 📚"
    })
  })

  it("has the same layer as a static of the service", async () => {
    const program = FieldCrypto.FieldCrypto.use((c) => Effect.succeed(c.currentKeyId))
    expect(await run(program.pipe(Effect.provide(FieldCrypto.FieldCrypto.layer({ keys: { k1, k2 }, current: "k2" })))))
      .toBe("k2")
  })

  it("refuses unusable key configurations with InvalidKey", async () => {
    const ruleOf = async (config: FieldCrypto.Config) => {
      const error = failureOf(await runExit(FieldCrypto.make(config)))
      expect(error?._tag).toBe("InvalidKey")
      return error?.rule
    }
    expect(await ruleOf({ keys: {}, current: "k1" })).toMatch(/at least one/)
    expect(await ruleOf({ keys: { k1 }, current: "k2" })).toMatch(/current key id/)
    expect(await ruleOf({ keys: { k1: new Uint8Array(16) }, current: "k1" })).toMatch(/32 bytes/)
    expect(await ruleOf({ keys: { "bad id": k1 }, current: "bad id" })).toMatch(/key id/)
    const hmac = await globalThis.crypto.subtle.importKey("raw", k1, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
    expect(await ruleOf({ keys: { k1: hmac }, current: "k1" })).toMatch(/AES-GCM/)
    const decryptOnly = await globalThis.crypto.subtle.importKey("raw", k2, { name: "AES-GCM" }, false, ["decrypt"])
    expect(await ruleOf({ keys: { k1, k2: decryptOnly }, current: "k2" })).toMatch(/encrypt/)
    // A retired key may be decrypt-only.
    expect(Exit.isSuccess(await runExit(FieldCrypto.make({ keys: { k1, k2: decryptOnly }, current: "k1" })))).toBe(true)
  })
})

function fromB64(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4))
  return Uint8Array.from(bin, (c) => c.charCodeAt(0))
}
function toB64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}
function setAt(root: unknown, field: string, value: unknown): void {
  const keys = field.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "")
  let node = root as Record<string, unknown>
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  node[keys[keys.length - 1]!] = value
}
