import * as fc from "fast-check"
import { describe, expect, it, vi } from "vitest"
import { fromBase64Url, randomIv, toBase64Url } from "../../src/privacy/internal/bytes.js"

describe("base64url (effect/encoding)", () => {
  it("round-trips any bytes, unpadded and URL-safe", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
      const text = toBase64Url(bytes)
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
      expect(fromBase64Url(text)).toEqual(bytes)
    }))
  })

  it("matches RFC 4648 test vectors", () => {
    const vectors: ReadonlyArray<[string, string]> = [
      ["", ""],
      ["f", "Zg"],
      ["fo", "Zm8"],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg"],
      ["fooba", "Zm9vYmE"],
      ["foobar", "Zm9vYmFy"]
    ]
    for (const [plain, encoded] of vectors) {
      expect(toBase64Url(new TextEncoder().encode(plain))).toBe(encoded)
    }
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe("-_8")
  })

  it("accepts only the canonical text of some bytes", () => {
    for (const bad of ["Zg==", "Zh", "Z", "Zm9v!", "Zm+v", "Zm/v", "Zm9\nv"]) expect(fromBase64Url(bad)).toBeUndefined()
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (text) => {
      const bytes = fromBase64Url(text)
      if (bytes !== undefined) expect(toBase64Url(bytes)).toBe(text)
    }))
  })
})

describe("randomIv (a pool of random bytes)", () => {
  it("hands out every byte the random source gave once, in order, across refills", () => {
    let k = 0
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(
      array: T
    ): T => {
      const bytes = array as unknown as Uint8Array
      for (let i = 0; i < bytes.length; i++) bytes[i] = k++ & 0xff
      return array
    })
    try {
      // Empty what an earlier test left in the pool: a draw larger than the pool refills it whole.
      randomIv(1 << 16)
      const start = k
      const ivs = Array.from({ length: 3000 }, () => randomIv(12))
      const calls = spy.mock.calls.length
      expect(calls).toBeGreaterThanOrEqual(3)
      expect(calls).toBeLessThanOrEqual(6)
      const all = ivs.flatMap((iv) => [...iv])
      // No byte handed out twice or skipped within a refill (12 divides the pool).
      expect(all).toEqual(Array.from({ length: all.length }, (_, i) => (start + i) & 0xff))
      // Each IV is a buffer of its own.
      ivs[0]![0] = ivs[0]![0]! ^ 0xff
      expect(ivs[1]![0]).toBe((start + 12) & 0xff)
    } finally {
      spy.mockRestore()
    }
  })

  it("gives distinct IVs of the asked length, whatever the sizes asked (property)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 400 }), (sizes) => {
      const seen = new Set<string>()
      for (const n of sizes) {
        const iv = randomIv(n)
        expect(iv.length).toBe(n)
        expect(iv.buffer.byteLength).toBe(n)
        if (n >= 8) {
          const text = toBase64Url(iv)
          expect(seen.has(text)).toBe(false)
          seen.add(text)
        }
      }
    }))
  })
})
