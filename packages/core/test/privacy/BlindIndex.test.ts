import { Effect, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Store } from "../../src/index.js"
import { AnonymousPerson, IdentifiedPerson, PseudonymousPerson } from "../../src/model/Person.js"
import { BlindIndex, KeyMaterial, Pseudonym } from "../../src/privacy/index.js"

const run = <A>(effect: Effect.Effect<A>): Promise<A> => Effect.runPromise(effect)
const key = KeyMaterial.generate()
const withKey = <A>(f: (p: Pseudonym.Pseudonymiser) => Effect.Effect<A>) =>
  run(Effect.flatMap(Effect.orDie(Pseudonym.make(key)), f))

const arbService = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,30}$/)
const arbNickname = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter(BlindIndex.indexable)
/** The same text as a worker might type it: other case, spaces around and inside. */
const arbTyping = (s: string) =>
  fc.tuple(fc.boolean(), fc.nat(3), fc.nat(3)).map(([upper, before, after]) =>
    " ".repeat(before) + (upper ? s.toUpperCase() : s.toLowerCase()).replace(/ /g, "  ") + " ".repeat(after)
  )

const person = (
  fields: { readonly nickname?: string; readonly code?: string; readonly sharedWith?: ReadonlyArray<string> }
) =>
  Schema.decodeUnknownSync(PseudonymousPerson)({
    _tag: "pseudonymous",
    id: "p-1",
    serviceId: "club",
    sharedWith: fields.sharedWith ?? [],
    ageBand: "15-17",
    gender: "not-stated",
    needs: [],
    registeredAt: "2026-01-01T10:00:00.000Z",
    nickname: fields.nickname ?? "Kuba",
    ...(fields.code === undefined ? {} : { code: fields.code })
  })

describe("BlindIndex", () => {
  it("gives the same token however the nickname is typed (case, spaces), and a store token", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbService,
        // Letters whose upper case lower-cases back (not "ß", whose upper case is "SS").
        fc.stringMatching(/^[A-Za-zÀ-ž]{1,8}( [A-Za-zÀ-ž]{1,8})?$/).filter((s) =>
          s.toUpperCase().toLowerCase() === s.toLowerCase()
        ).chain((s) => fc.tuple(fc.constant(s), arbTyping(s))),
        async (service, [nickname, typed]) => {
          const [a, b] = await withKey((p) =>
            Effect.all([
              BlindIndex.token(p, service, "nickname", nickname),
              BlindIndex.token(p, service, "nickname", typed)
            ])
          )
          expect(a).toBeDefined()
          expect(a).toBe(b)
          expect(Store.LOOKUP_TOKEN.test(a!)).toBe(true)
        }
      ),
      { numRuns: 50 }
    )
  })

  it("gives unrelated tokens in two services and for two fields, and none for a blank value", async () => {
    await fc.assert(
      fc.asyncProperty(arbService, arbService, arbNickname, async (s1, s2, nickname) => {
        fc.pre(s1 !== s2)
        const [a, b, c] = await withKey((p) =>
          Effect.all([
            BlindIndex.token(p, s1, "nickname", nickname),
            BlindIndex.token(p, s2, "nickname", nickname),
            BlindIndex.token(p, s1, "code", nickname)
          ])
        )
        expect(a).not.toBe(b)
        expect(a).not.toBe(c)
        // A token holds no part of the nickname's normalised text (beyond chance of a letter).
        const normalised = Pseudonym.normalise(nickname)
        if (normalised.length >= 4) expect(a!.includes(normalised)).toBe(false)
      }),
      { numRuns: 50 }
    )
    expect(await withKey((p) => BlindIndex.token(p, "club", "nickname", " \t "))).toBeUndefined()
    expect(BlindIndex.purpose("club", "nickname")).not.toBe(BlindIndex.purpose("Club", "nickname"))
    expect(BlindIndex.purpose("club", "nickname")).toMatch(/^find-nickname-[0-9a-f]{32}$/)
  })

  it("indexes a person in each service they are known to; an anonymous person not at all", async () => {
    const tokens = await withKey((p) => BlindIndex.tokensOf(p, person({ sharedWith: ["street"] })))
    const expected = await withKey((p) =>
      Effect.all([BlindIndex.token(p, "club", "nickname", "kuba"), BlindIndex.token(p, "street", "nickname", "KUBA")])
    )
    expect(tokens).toEqual([...expected].sort())
    const anonymous = Schema.decodeUnknownSync(AnonymousPerson)({
      _tag: "anonymous",
      id: "p-2",
      serviceId: "club",
      sharedWith: [],
      ageBand: "15-17",
      gender: "not-stated",
      needs: [],
      registeredAt: "2026-01-01T10:00:00.000Z"
    })
    expect(await withKey((p) => BlindIndex.tokensOf(p, anonymous))).toEqual([])
    const identified = Schema.decodeUnknownSync(IdentifiedPerson)({
      _tag: "identified",
      id: "p-3",
      serviceId: "club",
      sharedWith: [],
      ageBand: "21-26",
      gender: "not-stated",
      needs: [],
      registeredAt: "2026-01-01T10:00:00.000Z",
      givenName: "Jakub",
      contactDetails: {}
    })
    // The given name is never indexed: only a nickname (absent here) or a code.
    expect(await withKey((p) => BlindIndex.tokensOf(p, identified))).toEqual([])
  })

  it("indexes a person's code apart from their nickname, in each of their services, case-folded", async () => {
    const tokens = await withKey((p) => BlindIndex.tokensOf(p, person({ code: "JK-0412", sharedWith: ["street"] })))
    const expected = await withKey((p) =>
      Effect.all([
        BlindIndex.token(p, "club", "nickname", "kuba"),
        BlindIndex.token(p, "street", "nickname", "kuba"),
        BlindIndex.token(p, "club", "code", "jk-0412"),
        BlindIndex.token(p, "street", "code", " JK-0412")
      ])
    )
    expect(tokens).toEqual([...expected].sort())
    expect(new Set(tokens).size).toBe(4)
    // A code equal to the nickname still gives its own tokens (another field, another purpose).
    const same = await withKey((p) => BlindIndex.tokensOf(p, person({ code: "Kuba" })))
    expect(same).toHaveLength(2)
    // Case folding: a code typed with "ß" finds the one stored with "SS".
    const [a, b] = await withKey((p) =>
      Effect.all([BlindIndex.token(p, "club", "code", "STRASSE-7"), BlindIndex.token(p, "club", "code", "straße-7")])
    )
    expect(a).toBe(b)
  })
})
