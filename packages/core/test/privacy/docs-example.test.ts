// The example of docs/privacy.md, kept running so that it cannot rot.
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { FieldCrypto, KeyMaterial, Pseudonym } from "../../src/privacy/index.js"

describe("docs/privacy.md example", () => {
  it("codes a nickname, encrypts the person's sensitive fields and decrypts them back", async () => {
    const keys = Layer.mergeAll(
      Pseudonym.layer(KeyMaterial.generate()),
      FieldCrypto.layer({ keys: { "2026-11": KeyMaterial.generate() }, current: "2026-11" })
    )
    const person = {
      _tag: "pseudonymous",
      serviceId: "club",
      sharedWith: [],
      ageBand: "15-17",
      gender: "male",
      needs: [],
      registeredAt: "2026-11-21T10:00:00.000Z",
      nickname: "Kuba"
    }
    const program = Effect.gen(function*() {
      const code = yield* Pseudonym.code("Kuba", "club-member")
      const stored = yield* FieldCrypto.encryptFields("person", code, { ...person, id: code })
      const back = yield* FieldCrypto.decryptFields("person", code, stored)
      return { code, stored, back }
    })
    const { code, stored, back } = await Effect.runPromise(program.pipe(Effect.provide(keys)))
    expect(code).toMatch(/^ps1-[a-z2-7]{16}$/)
    expect((stored as { nickname: unknown }).nickname).toMatchObject({ $enc: "v1", kid: "2026-11" })
    expect(JSON.stringify(stored)).not.toContain("Kuba")
    expect(back).toEqual({ ...person, id: code })
  })
})
