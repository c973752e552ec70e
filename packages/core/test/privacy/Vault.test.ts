import { Effect, Option } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { FieldCrypto, KeyMaterial, Vault } from "../../src/privacy/index.js"
import * as Store from "../../src/Store.js"

const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)

/** A memory store counting the data-key lists (the lookup a session saves). */
const counted = async () => {
  const store = await run(Store.makeMemory())
  const counts = { keyLists: 0 }
  const wrapped: Store.StoreShape = {
    ...store,
    list: (query) => {
      if (query.kind === "data-key") counts.keyLists++
      return store.list(query)
    }
  }
  return { store: wrapped, counts }
}

const crypto = await run(FieldCrypto.make({ keys: { k1: KeyMaterial.generate() }, current: "k1" }))

const write = (kind: "person" | "contact", id: string, data: Record<string, unknown>, personIds: Array<string>) => ({
  kind,
  id,
  expectedVersion: 0,
  serviceId: "club",
  at: null,
  personIds,
  tags: [],
  facets: {},
  data: { id, ...data }
})

describe("a vault session (one unit of work)", () => {
  it("seals a person's new records with the data key their record was opened with, without looking it up again", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), async (nickname, note) => {
        const { counts, store } = await counted()
        const vault = Vault.make(store, crypto)
        // The person stored with their data key (created by the seal).
        const sealed = await run(vault.seal([{ write: write("person", "p-1", { nickname }, ["p-1"]), owner: "p-1" }]))
        await run(store.commit({ writes: sealed, audit: [] }))
        const stored = await run(store.get("person", "p-1"))
        const dk = (sealed[0]!.data as { nickname: { dk: string } }).nickname.dk

        const session = vault.session()
        expect(await run(session.open(Option.getOrThrow(stored)))).toEqual({
          id: "p-1",
          nickname
        })
        const before = counts.keyLists
        const [contact, ...created] = await run(
          session.seal([{ write: write("contact", "c-1", { note }, ["p-1"]), owner: "p-1" }])
        )
        expect(counts.keyLists).toBe(before) // no lookup: the key is known from the person's record
        expect(created).toEqual([]) // and no second data key
        expect((contact!.data as { note: { dk: string } }).note.dk).toBe(dk)
        await run(store.commit({ writes: [contact!], audit: [] }))
        const again = await run(store.get("contact", "c-1"))
        expect(await run(vault.opener()(Option.getOrThrow(again)))).toEqual({
          id: "c-1",
          note
        })
        // Without a session, the key is looked up.
        await run(vault.seal([{ write: write("contact", "c-2", { note }, ["p-1"]), owner: "p-1" }]))
        expect(counts.keyLists).toBe(before + 1)
      }),
      { numRuns: 20 }
    )
  })

  it("learns a person's key only from their own record, never from another record that names them", async () => {
    const { counts, store } = await counted()
    const vault = Vault.make(store, crypto)
    const sealed = await run(
      vault.seal([{ write: write("contact", "c-1", { note: "seen" }, ["p-1"]), owner: "p-1" }])
    )
    await run(store.commit({ writes: sealed, audit: [] }))
    const session = vault.session()
    const contact = await run(store.get("contact", "c-1"))
    await run(session.open(Option.getOrThrow(contact)))
    const before = counts.keyLists
    await run(session.seal([{ write: write("contact", "c-2", { note: "again" }, ["p-1"]), owner: "p-1" }]))
    expect(counts.keyLists).toBe(before + 1)
  })
})
