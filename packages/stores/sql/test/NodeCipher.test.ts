import { FieldCrypto, KeyMaterial } from "@pomoc/core"
import { Context, Effect, Layer } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { NodeCipher } from "../src/index.js"

const portable = Context.get(Context.empty(), FieldCrypto.Cipher)
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n })

describe("NodeCipher", () => {
  it("gives core's bytes for any key, IV, associated data and plaintext; each reads the other's (property)", () => {
    fc.assert(
      fc.property(bytes(32), bytes(12), fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 300 }), (
        key,
        iv,
        aad,
        plaintext
      ) => {
        const native = NodeCipher.aes256Gcm.encrypt(key, iv, aad, plaintext)
        expect(native).toEqual(portable.encrypt(key, iv, aad, plaintext))
        expect(NodeCipher.aes256Gcm.decrypt(key, iv, aad, native)).toEqual(plaintext)
        expect(portable.decrypt(key, iv, aad, native)).toEqual(plaintext)
      }),
      { numRuns: 300 }
    )
  })

  it("refuses a changed ciphertext, tag, IV or associated data, and a ciphertext shorter than its tag (property)", () => {
    fc.assert(
      fc.property(
        bytes(32),
        bytes(12),
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ minLength: 1, maxLength: 60 }),
        fc.constantFrom("ct", "iv", "aad"),
        fc.nat(),
        (key, iv, aad, plaintext, what, at) => {
          const ct = NodeCipher.aes256Gcm.encrypt(key, iv, aad, plaintext)
          const flip = (b: Uint8Array) => {
            const out = Uint8Array.from(b.length === 0 ? [0] : b)
            out[at % out.length] = out[at % out.length]! ^ 1
            return out
          }
          const args = [
            key,
            what === "iv" ? flip(iv) : iv,
            what === "aad" ? flip(aad) : aad,
            what === "ct"
              ? flip(ct)
              : ct
          ] as const
          expect(() => NodeCipher.aes256Gcm.decrypt(...args)).toThrow()
          expect(() => portable.decrypt(...args)).toThrow()
          expect(() => NodeCipher.aes256Gcm.decrypt(key, iv, aad, ct.subarray(0, 15))).toThrow()
        }
      ),
      { numRuns: 200 }
    )
  })

  it("as FieldCrypto.Cipher: fields sealed natively open with the portable cipher and back (docs/privacy.md)", async () => {
    const key = KeyMaterial.generate()
    const config = { keys: { k1: key }, current: "k1" }
    let calls = 0
    const counting: FieldCrypto.Aes256Gcm = {
      encrypt: (...a) => (calls++, NodeCipher.aes256Gcm.encrypt(...a)),
      decrypt: (...a) => (calls++, NodeCipher.aes256Gcm.decrypt(...a))
    }
    const data = { id: "c-1", note: "Talked about school" }
    const program = Effect.gen(function*() {
      const native = yield* FieldCrypto.make(config).pipe(Effect.provideService(FieldCrypto.Cipher, counting))
      const plain = yield* FieldCrypto.make(config)
      const sealed = yield* native.encryptFields("contact", "c-1", data)
      expect(calls).toBe(1)
      expect(yield* plain.decryptFields("contact", "c-1", sealed)).toEqual(data)
      const back = yield* native.decryptFields("contact", "c-1", yield* plain.encryptFields("contact", "c-1", data))
      expect(calls).toBe(2)
      return back
    })
    expect(await Effect.runPromise(program)).toEqual(data)
    // The layer provides it.
    const provided = await Effect.runPromise(
      Effect.gen(function*() {
        return yield* FieldCrypto.Cipher
      }).pipe(Effect.provide(NodeCipher.layer))
    )
    expect(provided).toBe(NodeCipher.aes256Gcm)
    expect(Layer.isLayer(NodeCipher.layer)).toBe(true)
  })
})
