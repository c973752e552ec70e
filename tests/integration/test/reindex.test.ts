/**
 * Rebuilding the index tokens (issue 12): after the pseudonym key rotates, `Reindex.rebuildAll`
 * computes every person's blind-index tokens again with the new key, page by page, audited; and it
 * backfills the index tokens of records written without them (a revision's, here), so that a
 * record's history is found again. On every store.
 */
import { Casework, FieldCrypto, KeyMaterial, Pseudonym, Reindex, StaffDirectory, Store } from "@pomoc/core"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect, Layer, ManagedRuntime } from "effect"
import { readFileSync } from "node:fs"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { admin, ana, eva, marta, ola, petr, registry, setUp, stores, T } from "./daily-fixture.js"

describe.each(stores)("Reindex (%s store)", (_name, storeLayer) => {
  let base: ManagedRuntime.ManagedRuntime<Store.Store | FieldCrypto.FieldCrypto, unknown>
  const keyA = KeyMaterial.generate()
  const keyB = KeyMaterial.generate()

  beforeEach(() => {
    base = ManagedRuntime.make(
      Layer.merge(storeLayer(), FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" }))
    )
  })
  afterEach(() => base.dispose())

  /** The API over the one store, with a pseudonym key. */
  const api = (key: Uint8Array) => <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) =>
    base.runPromise(
      Casework.Casework.use(f).pipe(
        Effect.provide(
          Casework.layer(Casework.configFromRegistry(registry)).pipe(
            Layer.provide(StaffDirectory.layerList([admin, eva, petr, marta, ana, ola])),
            Layer.provide(Pseudonym.layer(key))
          )
        )
      )
    )
  const rebuild = (key: Uint8Array, options: Omit<Reindex.RebuildOptions, "cursor">) =>
    base.runPromise(Reindex.rebuildAll(options).pipe(Effect.provide(Pseudonym.layer(key))))
  const found = async (key: Uint8Array, input: Record<string, unknown>) =>
    (await api(key)((a) => a.findPeople(eva, { serviceId: "club", ...input }))).people.map((p) => p.id)
  const audit = () => api(keyA)((a) => a.auditLog(ola, { limit: 10_000 }))

  it("after the key rotates, rebuilds every person's tokens with the new key, page by page, audited", async () => {
    await setUp({ run: api(keyA) } as never)
    await api(keyA)((a) =>
      a.registerPerson(eva, {
        _tag: "pseudonymous",
        id: "s1",
        serviceId: "club",
        sharedWith: [],
        ageBand: "18-20",
        gender: "female",
        needs: [],
        registeredAt: T(3),
        nickname: "Straße",
        code: "JK-1"
      })
    )
    expect(await found(keyA, { nickname: "STRASSE" })).toEqual(["s1"])
    // The new key finds nobody until the index is rebuilt.
    expect(await found(keyB, { nickname: "Kuba" })).toEqual([])
    const before = (await audit()).length
    const first = await rebuild(keyB, { kind: "person", actor: "admin", limit: 1 })
    expect(first).toEqual({ rebuilt: 3, unchanged: 0 })
    expect(await found(keyB, { nickname: "kuba" })).toEqual(["kuba"])
    expect(await found(keyB, { code: "jk-1" })).toEqual(["s1"])
    expect(await found(keyB, { nickname: "straße", ageBand: "18-20" })).toEqual(["s1"])
    // The old key's tokens are gone.
    expect(await found(keyA, { nickname: "Kuba" })).toEqual([])
    // Idempotent: nothing left to rebuild.
    expect(await rebuild(keyB, { kind: "person", actor: "admin" })).toEqual({ rebuilt: 0, unchanged: 3 })
    const entries = (await audit()).slice(before)
    // One entry per page of one record: three, naming the records, never a value.
    expect(entries.map((e) => [e.operation, e.actor, e.subjects.length])).toEqual([
      ["RebuildIndex", "admin", 1],
      ["RebuildIndex", "admin", 1],
      ["RebuildIndex", "admin", 1]
    ])
    expect(entries.flatMap((e) => e.subjects.map((s) => s.id)).sort()).toEqual(["kuba", "marek", "s1"])
    // (The id "kuba" is an id; the nickname as stored is "Kuba".)
    expect(JSON.stringify(entries)).not.toMatch(/Kuba|Straße|strasse|JK-1/)
    // The records' data is untouched: the person reads back whole.
    const s1 = await api(keyB)((a) => a.findPeople(eva, { serviceId: "club", code: "JK-1" }))
    expect(s1.people[0]).toMatchObject({ nickname: "Straße", code: "JK-1" })
  })

  it("backfills a revision's index token, so that a record's history is found again", async () => {
    const run = api(keyA)
    await setUp({ run } as never)
    await run((a) =>
      a.recordContact(eva, {
        id: "c1",
        serviceId: "club",
        at: T(4),
        durationMinutes: 30,
        locationKind: "club-premises",
        channel: "in-person",
        participants: ["kuba"],
        anonymousCount: 0,
        interventions: ["conversation"],
        firstContact: false,
        mode: "individual"
      })
    )
    await run((a) => a.correctContact(eva, { id: "c1", changes: { durationMinutes: 45 } }))
    expect((await run((a) => a.recordChanges(marta, { kind: "contact", id: "c1" }))).items).toHaveLength(1)
    // As written before revisions had tokens: the revision without its token.
    const [revision] = await base.runPromise(Store.Store.use((s) => s.list({ kind: "revision" })))
    expect(revision!.lookup).toHaveLength(1)
    await base.runPromise(
      Store.Store.use((s) =>
        s.commit({
          writes: [{ ...revision!, lookup: [], expectedVersion: revision!.version }],
          audit: []
        })
      )
    )
    expect((await run((a) => a.recordChanges(marta, { kind: "contact", id: "c1" }))).items).toHaveLength(0)
    expect(await rebuild(keyA, { kind: "revision", actor: "admin" })).toEqual({ rebuilt: 1, unchanged: 0 })
    const history = await run((a) => a.recordChanges(marta, { kind: "contact", id: "c1" }))
    expect(history.items.map((r) => [r.kind, r.recordId, r.version])).toEqual([["contact", "c1", 1]])
    expect(await rebuild(keyA, { kind: "revision", actor: "admin" })).toEqual({ rebuilt: 0, unchanged: 1 })
  })
})

describe("docs/privacy.md: rebuilding the index", () => {
  it("the example runs as written (an empty store rebuilds nothing)", async () => {
    const doc = readFileSync(new URL("../../../docs/privacy.md", import.meta.url), "utf8")
    expect(doc).toContain(`Reindex.rebuildAll({ kind: "person", actor: "admin", limit: 200 })`)
    const newKey = KeyMaterial.generate()
    const rebuilt = await Effect.runPromise(
      Reindex.rebuildAll({ kind: "person", actor: "admin", limit: 200 }).pipe(
        Effect.provide(Layer.mergeAll(
          MemoryStore.layer,
          FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" }),
          Pseudonym.layer(newKey)
        ))
      )
    )
    expect(rebuilt).toEqual({ rebuilt: 0, unchanged: 0 })
  })
})
