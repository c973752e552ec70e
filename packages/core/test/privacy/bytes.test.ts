import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fromBase64Url, toBase64Url } from "../../src/privacy/internal/bytes.js"

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
