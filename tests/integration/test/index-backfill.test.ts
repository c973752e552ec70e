/**
 * The index backfill cannot be missed (issue 12): a database written before its records had
 * today's index tokens (here: a SQLite file and a PostgreSQL schema brought back to the state
 * before the migration `index-v2` (SQLite's 7, PostgreSQL's 8), their tokens gone) is upgraded when the store opens, and the migration
 * notes which kinds wait for `Reindex.rebuildAll`. Until a kind is rebuilt, every read through
 * its tokens (finding people, the people shared into a service, the referrals made to a service,
 * a record's history) fails with `IndexRebuildNeeded` naming the kind and the fix, instead of
 * silently missing the old records; reads that need no token go on. After the rebuild, the old
 * records are found. Plan steps written before their token (`IndexTokens.stepOf`) are noted by
 * the migration `plan-step-tokens` (SQLite 9, PostgreSQL 10): a step operation refuses until they are rebuilt.
 */
import { Casework, FieldCrypto, KeyMaterial, Pseudonym, Reindex, StaffDirectory, Store } from "@pomoc/core"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteDriver, SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer, ManagedRuntime } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { clientConfig, createSchema, freshSchema, withRaw } from "../../../packages/stores/postgres/test/stores.js"
import { admin, ana, eva, kubaToDebt, marta, ola, petr, registry, setUp, T, withPlan } from "./daily-fixture.js"

const fieldKey = KeyMaterial.generate()
const pseudonymKey = KeyMaterial.generate()

/** The API and the maintenance functions over one store layer, with fixed keys. */
const open = (storeLayer: Layer.Layer<Store.Store, unknown>) => {
  const base = ManagedRuntime.make(
    Layer.merge(storeLayer, FieldCrypto.layer({ keys: { k: fieldKey }, current: "k" }))
  )
  const provided = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    effect.pipe(
      Effect.provide(
        Casework.layer(Casework.configFromRegistry(registry)).pipe(
          Layer.provide(StaffDirectory.layerList([admin, eva, petr, marta, ana, ola])),
          Layer.provide(Pseudonym.layer(pseudonymKey))
        )
      ),
      Effect.provide(Pseudonym.layer(pseudonymKey))
    ) as Effect.Effect<A, E, Store.Store | FieldCrypto.FieldCrypto>
  const run = <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) =>
    base.runPromise(provided(Casework.Casework.use(f)))
  const fail = <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) =>
    base.runPromise(provided(Effect.flip(Casework.Casework.use(f))))
  const rebuild = (kind: Reindex.IndexedKind) => base.runPromise(provided(Reindex.rebuildAll({ kind, actor: "admin" })))
  const pending = () => base.runPromise(Effect.flatMap(Store.Store, (s) => s.pending ?? Effect.succeed([])))
  return { run, fail, rebuild, pending, dispose: () => base.dispose() }
}

/** Data of every indexed kind: a person with a code, one shared into debt, a referral to debt, a corrected contact. */
const write = async (api: ReturnType<typeof open>) => {
  await setUp(api as never)
  await api.run((a) =>
    a.registerPerson(eva, {
      _tag: "pseudonymous",
      id: "jana",
      serviceId: "club",
      sharedWith: [],
      ageBand: "21-26",
      gender: "female",
      needs: [],
      registeredAt: T(3),
      nickname: "Jana",
      code: "JN85"
    })
  )
  for (const [id, purpose] of [["share-jana", "sharing"], ["consent-r", "referral"]] as const) {
    await api.run((a) =>
      a.giveConsent(eva, {
        id,
        personId: id === "share-jana" ? "jana" : "kuba",
        serviceId: "club",
        purpose,
        grantee: { kind: "service", name: "Debt advice" },
        validFrom: T(3),
        givenAt: T(3),
        form: "verbal",
        ...(purpose === "sharing" ? { alsoForServices: ["debt"] } : {})
      })
    )
  }
  await api.run((a) => a.sharePerson(eva, { personId: "jana", serviceId: "debt", consentId: "share-jana" }))
  await api.run((a) => a.refer(eva, kubaToDebt("r1", T(4))))
  await api.run((a) =>
    a.recordContact(eva, {
      id: "c1",
      serviceId: "club",
      at: T(5),
      durationMinutes: 20,
      locationKind: "club-premises",
      channel: "in-person",
      participants: ["kuba"],
      anonymousCount: 0,
      interventions: ["conversation"],
      firstContact: false,
      mode: "individual"
    } as never)
  )
  await api.run((a) => a.correctContact(eva, { id: "c1", changes: { durationMinutes: 45 } }))
}

/** What the reads through tokens answer, or the reason they fail. */
const reads = (api: ReturnType<typeof open>) => ({
  find: () => api.run((a) => a.findPeople(eva, { serviceId: "club", code: "jn85" })),
  shared: () => api.run((a) => a.listPeople(petr, { serviceId: "debt" })),
  received: () => api.run((a) => a.listOpenReferrals(petr, { serviceId: "debt", direction: "received" })),
  history: () => api.run((a) => a.recordChanges(marta, { kind: "contact", id: "c1" }))
})

const refusedFor = async (read: () => Promise<unknown>, kind: string) => {
  const e = await read().then(() => undefined, (e: unknown) => e)
  expect(e).toMatchObject({ _tag: "StoreError", reason: { _tag: "IndexRebuildNeeded", kind } })
  expect((e as { reason: { fix: string } }).reason.fix).toContain("Reindex.rebuildAll")
}

/** After the upgrade: refused per kind until that kind is rebuilt, then found. */
const upgradeStory = async (api: ReturnType<typeof open>) => {
  expect([...await api.pending()].sort()).toEqual(["reindex:person", "reindex:referral", "reindex:revision"])
  const r = reads(api)
  await refusedFor(r.find, "person")
  await refusedFor(r.shared, "person")
  await refusedFor(r.received, "referral")
  await refusedFor(r.history, "revision")
  // Reads without a token go on.
  expect((await api.run((a) => a.listContacts(eva, { serviceId: "club" }))).items.map((c) => c.id)).toEqual(["c1"])
  expect(await api.rebuild("person")).toMatchObject({ rebuilt: 3 })
  expect((await r.find()).people.map((p) => p.id)).toEqual(["jana"])
  expect((await r.shared()).items.map((p) => p.id)).toEqual(["marek", "jana"])
  await refusedFor(r.received, "referral")
  await api.rebuild("referral")
  expect((await r.received()).items.map((x) => x.id)).toEqual(["r1"])
  await refusedFor(r.history, "revision")
  await api.rebuild("revision")
  expect((await r.history()).items).toHaveLength(1)
  expect(await api.pending()).toEqual([])
}

/** Marek's plan `plan` in the debt service, with three steps. */
const writePlan = async (api: ReturnType<typeof open>) => {
  await setUp(api as never)
  await withPlan(api, ["s1", "s2", "s3"].map((id) => ({ id, description: "Call the bailiff.", takenBy: "person" })))
}

const completeStep = (api: ReturnType<typeof open>, stepId: string) =>
  api.run((a) => a.completeStep(petr, { planId: "plan", stepId, doneBy: "person" }))

/** After the upgrade: a step operation refuses until the plan steps are rebuilt, then finds the step. */
const stepsUpgradeStory = async (api: ReturnType<typeof open>) => {
  expect(await api.pending()).toEqual(["reindex:plan-step"])
  await refusedFor(() => completeStep(api, "s2"), "plan-step")
  expect(await api.rebuild("plan-step")).toMatchObject({ rebuilt: 3 })
  expect(await api.pending()).toEqual([])
  expect((await completeStep(api, "s2")).value).toMatchObject({ id: "s2", doneBy: "person" })
}

/** A database of an earlier version: plan steps without their tokens, before `plan-step-tokens` (`version`) and every later migration. */
const withoutStepTokens = (version: number) => [
  "DELETE FROM pomoc_record_lookup WHERE kind = 'plan-step'",
  "UPDATE pomoc_records SET lookup = NULL WHERE kind = 'plan-step'",
  `DELETE FROM pomoc_migrations WHERE version >= ${version}`
]

type Api = ReturnType<typeof open>

/**
 * A SQLite file written by today's version (`write`, then `fresh` checks it), brought back to an
 * earlier version by `downgrade` (SQL), and opened again: `story` runs on the upgraded store.
 */
const sqliteUpgrade = async (
  write: (api: Api) => Promise<void>,
  fresh: (api: Api) => Promise<void>,
  downgrade: string,
  story: (api: Api) => Promise<void>
) => {
  const dir = mkdtempSync(join(tmpdir(), "pomoc-backfill-"))
  const file = join(dir, "backfill.db")
  try {
    const before = open(SqliteStore.layer({ filename: file }))
    try {
      await write(before)
      await fresh(before)
    } finally {
      await before.dispose()
    }
    const db = SqliteDriver.open(file)
    try {
      db.exec(downgrade)
    } finally {
      db.close()
    }
    const after = open(SqliteStore.layer({ filename: file }))
    try {
      await story(after)
    } finally {
      await after.dispose()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The same on a fresh PostgreSQL schema, brought back by `downgrade` (statements). */
const pgUpgrade = async (
  write: (api: Api) => Promise<void>,
  fresh: (api: Api) => Promise<void>,
  downgrade: ReadonlyArray<string>,
  story: (api: Api) => Promise<void>
) => {
  const schema = freshSchema()
  const before = open(Layer.unwrap(Effect.as(createSchema(schema), PostgresStore.layer(clientConfig(schema)))))
  try {
    await write(before)
    await fresh(before)
  } finally {
    await before.dispose()
  }
  await Effect.runPromise(
    withRaw(schema, (sql) => Effect.forEach(downgrade, (statement) => sql.unsafe(statement), { discard: true }))
  )
  const after = open(Layer.unwrap(Effect.succeed(PostgresStore.layer(clientConfig(schema)))))
  try {
    await story(after)
  } finally {
    await after.dispose()
  }
}

/** Steps written with their tokens wait for nothing, and are found by them. */
const stepsFresh = async (api: Api) => {
  expect(await api.pending()).toEqual([])
  expect((await completeStep(api, "s1")).value).toMatchObject({ id: "s1", doneBy: "person" })
}

describe("plan steps' tokens after an upgrade", () => {
  it("SQLite file: a step operation is refused, naming the fix, until Reindex.rebuildAll", () =>
    sqliteUpgrade(writePlan, stepsFresh, withoutStepTokens(9).join(";\n"), stepsUpgradeStory))

  it("PostgreSQL: a step operation is refused, naming the fix, until Reindex.rebuildAll", () =>
    pgUpgrade(writePlan, stepsFresh, withoutStepTokens(10), stepsUpgradeStory))
})

describe("index backfill after an upgrade", () => {
  it("SQLite file: reads through tokens are refused, naming the fix, until Reindex.rebuildAll", () =>
    sqliteUpgrade(
      write,
      async (before) => {
        // A fresh store waits for nothing: its records were written with their tokens.
        expect(await before.pending()).toEqual([])
        expect((await reads(before).find()).people.map((p) => p.id)).toEqual(["jana"])
      },
      // Back to the database of an earlier version: no tokens, schema 6.
      `
          DROP INDEX pomoc_record_lookup_order; ALTER TABLE pomoc_record_lookup DROP COLUMN at;
          DROP TABLE pomoc_pending; DROP TRIGGER pomoc_person_numbers_release;
          DELETE FROM pomoc_migrations WHERE version >= 7;
          DELETE FROM pomoc_record_lookup; UPDATE pomoc_records SET lookup = NULL;
        `,
      upgradeStory
    ))

  it("PostgreSQL: reads through tokens are refused, naming the fix, until Reindex.rebuildAll", () =>
    pgUpgrade(
      write,
      async (before) => {
        expect(await before.pending()).toEqual([])
      },
      [
        "DROP INDEX pomoc_record_lookup_order",
        "ALTER TABLE pomoc_record_lookup DROP COLUMN at",
        "DROP TABLE pomoc_pending",
        "DELETE FROM pomoc_migrations WHERE version >= 8",
        "DELETE FROM pomoc_record_lookup",
        "UPDATE pomoc_records SET lookup = NULL"
      ],
      upgradeStory
    ))
})
