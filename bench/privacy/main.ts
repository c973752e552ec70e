/**
 * Benchmark of erasure (issue 11): erasing a person who has 10,000 records (contacts with a
 * note), in memory, on SQLite (a file, WAL) and on PostgreSQL (a throwaway cluster started with
 * the test harness's `cluster.ts`, a fresh schema a round),
 *   (1) through the case-work API: crypto-shredding (destroy the person's data key, give them a
 *       new id: one rename per table, no record decrypted or re-encrypted), target < 100 ms;
 *   (2) the rewrite path erasure took before (read every record, decrypt it, erase its
 *       personal fields, encrypt it again, write it back), measured in the same run as the
 *       baseline.
 * Each round seeds a fresh database (erasure cannot be repeated); the table shows medians.
 *
 * Run: `npm run bench -- privacy` (`--quick` for fewer rounds, `--sqlite-only` without PostgreSQL).
 */
import { PgClient } from "@effect/sql-pg"
import { type Contact, Entity, Erasure, FieldCrypto, KeyMaterial, Pomoc, Registry, Store, Vault } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { MemoryStore } from "@pomoc/store-memory"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer, ManagedRuntime, Redacted, Schema } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const quick = process.argv.includes("--quick")
const sqliteOnly = process.argv.includes("--sqlite-only")
const ROUNDS = quick ? 1 : 3
const RECORDS = 10_000
const registry = Registry.makeUnsafe([lowThresholdClub])
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] } as const
const coordinator = { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] } as const
const PERSON = "ps1-benchpersoncode1"

type Api = Pomoc.PomocShape

/** A fresh database with one person holding `RECORDS` contacts, sealed as the API seals them. */
const seeded = async (storeLayer: () => Layer.Layer<Store.Store, unknown>) => {
  const crypto = FieldCrypto.layer({ keys: { k1: KeyMaterial.generate() }, current: "k1" })
  const runtime = ManagedRuntime.make(
    Pomoc.layer(Pomoc.configFromRegistry(registry)).pipe(Layer.provideMerge(crypto), Layer.provideMerge(storeLayer()))
  )
  const run = <A, E>(f: (api: Api, store: Store.StoreShape, fc: FieldCrypto.FieldCryptoShape) => Effect.Effect<A, E>) =>
    runtime.runPromise(Effect.gen(function*() {
      return yield* f(yield* Pomoc.Pomoc, yield* Store.Store, yield* FieldCrypto.FieldCrypto)
    }))
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()
  await run((api) => api.setupAdministrator(admin.id, {}))
  for (const member of [worker, coordinator]) await run((api) => api.setStaff(admin.id, member))
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  await run((api) =>
    api.registerService(admin, {
      id: "club",
      organisationId: "org",
      type: "low-threshold-club",
      name: "Club",
      targetGroup: { description: "youth" },
      localities: [],
      principles: [...lowThresholdClub.principles],
      freeOfCharge: true,
      firstContactChannels: ["walk-in"],
      registeredAt: at(0)
    })
  )
  await run((api) =>
    api.registerPerson(worker, {
      _tag: "pseudonymous",
      id: PERSON,
      serviceId: "club",
      sharedWith: [],
      ageBand: "15-17",
      gender: "male",
      needs: [],
      registeredAt: at(1),
      nickname: "Kuba"
    })
  )
  await run((_, store, fc) =>
    Effect.gen(function*() {
      const vault = Vault.make(store, fc)
      for (let start = 0; start < RECORDS; start += 1000) {
        const writes = []
        for (let n = start; n < Math.min(RECORDS, start + 1000); n++) {
          const contact = {
            id: `c-${n}`,
            serviceId: "club",
            at: at(10 + n),
            durationMinutes: 30,
            locationKind: "club-premises",
            channel: "in-person",
            workers: ["eva"],
            participants: [PERSON],
            anonymousCount: 0,
            interventions: ["conversation"],
            firstContact: false,
            mode: "individual",
            note: `Talked about school, visit ${n}`
          }
          writes.push({
            write: {
              kind: "contact",
              id: contact.id,
              expectedVersion: 0,
              serviceId: "club",
              personIds: [PERSON],
              at: contact.at,
              facets: { channel: "in-person" },
              tags: ["conversation"],
              data: contact
            } satisfies Store.RecordWrite,
            owner: PERSON
          })
        }
        yield* store.commit({ writes: yield* vault.seal(writes), audit: [] })
      }
    })
  )
  return { run, dispose: () => runtime.dispose() }
}

/** The rewrite path erasure took before crypto-shredding. */
const rewrite = (store: Store.StoreShape, fc: FieldCrypto.FieldCryptoShape) =>
  Effect.gen(function*() {
    const vault = Vault.make(store, fc)
    const open = vault.opener()
    const records = yield* store.list({ kind: "contact", personId: PERSON })
    const changes = []
    for (const record of records) {
      const contact = yield* Effect.orDie(
        Schema.decodeUnknownEffect(Entity.catalogue.contact.schema)(yield* open(record))
      )
      const erased: Contact = Erasure.eraseFromContact(contact, contact.participants[0]!)
      changes.push({
        write: {
          ...record,
          expectedVersion: record.version,
          data: Schema.encodeSync(Entity.catalogue.contact.schema)(erased)
        },
        owner: PERSON
      })
    }
    yield* store.commit({ writes: yield* vault.seal(changes), audit: [] })
  })

const time = async (f: () => Promise<unknown>): Promise<number> => {
  const started = performance.now()
  await f()
  return performance.now() - started
}
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const stores: Array<
  { readonly name: string; readonly layer: () => { layer: Layer.Layer<Store.Store, unknown>; cleanup: () => void } }
> = [
  { name: "memory", layer: () => ({ layer: MemoryStore.layer, cleanup: () => {} }) },
  {
    name: "SQLite (file, WAL)",
    layer: () => {
      const dir = mkdtempSync(join(tmpdir(), "pomoc-bench-privacy-"))
      return {
        layer: SqliteStore.layer({ filename: join(dir, "pomoc.db") }),
        cleanup: () => rmSync(dir, { recursive: true, force: true })
      }
    }
  }
]

interface Cluster {
  readonly info: { readonly url: string }
  readonly stop: () => Promise<void>
}
const cluster = sqliteOnly ? undefined : await (async () => {
  const clusterPath = join(
    dirname(fileURLToPath(import.meta.url)),
    "..",
    "..",
    "packages",
    "stores",
    "postgres",
    "test",
    "cluster.ts"
  )
  const { startCluster } = (await import(pathToFileURL(clusterPath).href)) as { startCluster: () => Promise<Cluster> }
  return startCluster()
})()
let schemas = 0
if (cluster !== undefined) {
  const url = Redacted.make(cluster.info.url)
  stores.push({
    name: "PostgreSQL (loopback)",
    layer: () => {
      // A fresh schema a round, created first through a plain pool.
      const schema = `bench_privacy_${schemas++}`
      const create = Effect.scoped(
        Effect.flatMap(
          Layer.build(PgClient.layer({ url })),
          (context) =>
            SqlClient.SqlClient.pipe(
              Effect.flatMap((sql) => sql`CREATE SCHEMA ${sql(schema)}`),
              Effect.provide(context)
            )
        )
      )
      return {
        layer: Layer.unwrap(
          Effect.as(create, PostgresStore.layer({ url, startupParameters: { search_path: schema } }))
        ),
        cleanup: () => {}
      }
    }
  })
}

console.log(
  `erasure of a person with ${RECORDS.toLocaleString("en")} records; ${ROUNDS} round(s); ${cpus().length} CPUs, ${
    (totalmem() / 2 ** 30).toFixed(0)
  } GiB, load ${loadavg()[0]!.toFixed(1)}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
)
const rows = []
for (const { name, layer } of stores) {
  const shred: Array<number> = []
  const old: Array<number> = []
  for (let round = 0; round < ROUNDS; round++) {
    {
      const { layer: l, cleanup } = layer()
      const db = await seeded(() => l)
      // Warm up the erasure path on a person with no records, then time the one with 10,000.
      await db.run((api) =>
        api.registerPerson(worker, {
          _tag: "pseudonymous",
          id: "warm-up",
          serviceId: "club",
          sharedWith: [],
          ageBand: "15-17",
          gender: "male",
          needs: [],
          registeredAt: "2026-01-01T00:00:00.000Z",
          nickname: "W"
        })
      )
      await db.run((api) => api.erasePerson(coordinator, "warm-up"))
      shred.push(await time(() => db.run((api) => api.erasePerson(coordinator, PERSON))))
      await db.dispose()
      cleanup()
    }
    {
      const { layer: l, cleanup } = layer()
      const db = await seeded(() => l)
      old.push(await time(() => db.run((_, store, fc) => rewrite(store, fc))))
      await db.dispose()
      cleanup()
    }
  }
  const s = median(shred)
  const o = median(old)
  rows.push({
    store: name,
    "erasePerson (crypto-shredding)": `${s.toFixed(1)} ms`,
    "rewrite path (before)": `${o.toFixed(0)} ms`,
    "shredding / rewrite": `${(s / o).toFixed(3)}×`,
    "target < 100 ms": s < 100 ? "met" : "NOT met"
  })
}
console.table(rows)
await cluster?.stop()
