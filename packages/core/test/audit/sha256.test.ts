import { describe, expect, it } from "vitest"
import { sha256 } from "../../src/internal/sha256.js"

// FIPS 180-4 / NIST test vectors, plus lengths around the 55/56/64-byte padding boundaries
// checked against Web Crypto.
describe("sha256", () => {
  it("matches the NIST vectors", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    )
  })
  it("matches Web Crypto on padding boundaries and Unicode", async () => {
    for (
      const text of [
        "a".repeat(55),
        "a".repeat(56),
        "a".repeat(63),
        "a".repeat(64),
        "a".repeat(1000),
        "Žluťoučký kůň 🐎 Ђ"
      ]
    ) {
      const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))
      const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("")
      expect(sha256(text)).toBe(hex)
    }
  })
})
