import { Effect, Exit, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { KeyMaterial, Pseudonym } from "../../src/privacy/index.js"

const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)
const runExit = <A, E>(effect: Effect.Effect<A, E>): Promise<Exit.Exit<A, E>> => Effect.runPromiseExit(effect)

const arbKey = fc.uint8Array({ minLength: 32, maxLength: 64 })
const arb32 = fc.uint8Array({ minLength: 32, maxLength: 32 })
const arbPurpose = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/)
const arbInput = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) =>
  Pseudonym.normalise(s) !== ""
)

const codeWith = (key: Uint8Array, input: string, purpose: string, options?: Pseudonym.CodeOptions) =>
  run(Effect.flatMap(Pseudonym.make(key), (p) => p.code(input, purpose, options)))

const isCode = Schema.is(Pseudonym.PseudonymCode)

describe("Pseudonym.code", () => {
  it("is stable, URL-safe and prefixed", async () => {
    await fc.assert(
      fc.asyncProperty(arbKey, arbInput, arbPurpose, async (key, input, purpose) => {
        const a = await codeWith(key, input, purpose)
        const b = await codeWith(Uint8Array.from(key), input, purpose)
        expect(a).toBe(b)
        expect(isCode(a)).toBe(true)
        expect(a).toMatch(/^ps1-[a-z2-7]{16}$/)
        expect(encodeURIComponent(a)).toBe(a)
      })
    )
  })

  it("differs between keys and between purposes", async () => {
    await fc.assert(
      // Same length: HMAC pads short keys with zeros, so k and k + 0x00 are the same key by design.
      fc.asyncProperty(arb32, arb32, arbInput, arbPurpose, arbPurpose, async (k1, k2, input, p1, p2) => {
        fc.pre(!k1.every((b, i) => b === k2[i]))
        fc.pre(p1 !== p2)
        expect(await codeWith(k1, input, p1)).not.toBe(await codeWith(k2, input, p1))
        expect(await codeWith(k1, input, p1)).not.toBe(await codeWith(k1, input, p2))
      }),
      { numRuns: 50 }
    )
  })

  it("is not a plain hash of the input", async () => {
    const key = new Uint8Array(32).fill(7)
    const input = "kuba"
    const plain = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(input)))
    const code = await codeWith(key, input, "club-member")
    const hex = [...plain.slice(0, 10)].map((b) => b.toString(16).padStart(2, "0")).join("")
    expect(code).not.toContain(hex)
    // A different key gives a different code for the same input: the key, not the input alone, decides.
    expect(await codeWith(new Uint8Array(32).fill(8), input, "club-member")).not.toBe(code)
  })

  it("matches an independent HMAC-SHA-256 computation", async () => {
    const key = new Uint8Array(32).map((_, i) => i)
    const cryptoKey = await globalThis.crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, [
      "sign"
    ])
    const mac = new Uint8Array(
      await globalThis.crypto.subtle.sign(
        "HMAC",
        cryptoKey,
        new TextEncoder().encode("pomoc/pseudonym/v1\u0000club-member\u0000kuba")
      )
    )
    let bits = ""
    for (const b of mac.slice(0, 10)) bits += b.toString(2).padStart(8, "0")
    const expected = "ps1-" +
      bits.match(/.{5}/g)!.map((chunk) => "abcdefghijklmnopqrstuvwxyz234567"[parseInt(chunk, 2)]).join("")
    expect(await codeWith(key, "Kuba", "club-member")).toBe(expected)
    expect(await run(Effect.flatMap(Pseudonym.make(cryptoKey), (p) => p.code("kuba", "club-member")))).toBe(expected)
  })

  it("normalises nicknames: NFC, trim, whitespace, case; diacritics stay significant", async () => {
    const key = new Uint8Array(32).fill(1)
    const c = (s: string, options?: Pseudonym.CodeOptions) => codeWith(key, s, "club-member", options)
    expect(await c("  Kuba\u00a0\t Z ")).toBe(await c("kuba z"))
    expect(await c("S\u030cimon")).toBe(await c("\u0160imon"))
    expect(await c("Šimon")).not.toBe(await c("Simon"))
    expect(await c("Kuba", { normalisation: "exact" })).not.toBe(await c("kuba", { normalisation: "exact" }))
    expect(await c(" Kuba ", { normalisation: "exact" })).toBe(await c("Kuba", { normalisation: "exact" }))
    expect(Pseudonym.normalise("  ŽLUŤOUČKÝ  Kůň ")).toBe("žluťoučký kůň")
  })

  it("case-folds fully: one-to-many mappings (ß, ẞ, SS; ﬁ, FI) and final sigma give one code", async () => {
    const key = new Uint8Array(32).fill(2)
    const c = (s: string) => codeWith(key, s, "club-member")
    expect(await c("Straße")).toBe(await c("STRASSE"))
    expect(await c("STRAẞE")).toBe(await c("strasse"))
    expect(await c("ﬁlip")).toBe(await c("FILIP"))
    expect(await c("ΟΔΟΣ")).toBe(await c("οδοσ"))
    expect(await c("οδος")).toBe(await c("Οδοσ"))
    expect(Pseudonym.caseFold("Straße")).toBe("strasse")
    expect(Pseudonym.caseFold("ẞ")).toBe("ss")
    // Folding is not stripping: diacritics and letters stay.
    expect(await c("Straße")).not.toBe(await c("Strase"))
    expect(await c("Šimon")).not.toBe(await c("SIMON"))
  })

  it("case folding: a text, its upper case and its lower case normalise alike, for any Unicode text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (s) => {
        const n = Pseudonym.normalise(s)
        expect(Pseudonym.normalise(s.toUpperCase())).toBe(n)
        expect(Pseudonym.normalise(s.toLowerCase())).toBe(n)
        expect(Pseudonym.normalise(n)).toBe(n)
        expect(Pseudonym.caseFold(Pseudonym.caseFold(s))).toBe(Pseudonym.caseFold(s))
      }),
      { numRuns: 2000 }
    )
  })

  it("normalisation is idempotent", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        fc.constantFrom<Pseudonym.Normalisation>("nickname", "exact"),
        (s, mode) => {
          const once = Pseudonym.normalise(s, mode)
          expect(Pseudonym.normalise(once, mode)).toBe(once)
        }
      )
    )
  })

  it("refuses a blank input or a malformed purpose without echoing the input", async () => {
    const p = await run(Pseudonym.make(new Uint8Array(32)))
    const blank = await runExit(p.code(" \t\n ", "club-member"))
    expect(blank).toStrictEqual(
      Exit.fail(new Pseudonym.InvalidPseudonymInput({ field: "input", rule: "must not be blank" }))
    )
    const purpose = await runExit(p.code("secret-nickname", "Club Member"))
    expect(Exit.isFailure(purpose)).toBe(true)
    expect(JSON.stringify(purpose)).not.toContain("secret-nickname")
    const failure = Exit.isFailure(purpose) ? purpose.cause.reasons[0] : undefined
    expect(failure?._tag === "Fail" && failure.error.field).toBe("purpose")
  })

  it("refuses short keys and keys of the wrong algorithm", async () => {
    const short = await runExit(Pseudonym.make(new Uint8Array(31)))
    expect(Exit.isFailure(short)).toBe(true)
    const aes = await globalThis.crypto.subtle.importKey("raw", new Uint8Array(32), { name: "AES-GCM" }, false, [
      "encrypt"
    ])
    const wrong = await runExit(Pseudonym.make(aes))
    expect(wrong._tag).toBe("Failure")
    expect(JSON.stringify(wrong)).toContain("InvalidKey")
  })

  it("is provided as a service by Pseudonym.layer", async () => {
    const key = KeyMaterial.generate()
    const viaLayer = await run(Pseudonym.code("Kuba", "club-member").pipe(Effect.provide(Pseudonym.layer(key))))
    expect(viaLayer).toBe(await codeWith(key, "kuba", "club-member"))
    const viaStatic = await run(
      Pseudonym.code("kuba", "club-member").pipe(Effect.provide(Pseudonym.PseudonymKey.layer(key)))
    )
    expect(viaStatic).toBe(viaLayer)
    const failed = await runExit(
      Pseudonym.code("Kuba", "club-member").pipe(Effect.provide(Pseudonym.layer(new Uint8Array(3))))
    )
    expect(Exit.isFailure(failed)).toBe(true)
  })

  it("does not see changes to the caller's key bytes after make", async () => {
    const key = new Uint8Array(32).fill(5)
    const p = await run(Pseudonym.make(key))
    const before = await run(p.code("kuba", "x"))
    key.fill(6)
    expect(await run(p.code("kuba", "x"))).toBe(before)
  })
})
