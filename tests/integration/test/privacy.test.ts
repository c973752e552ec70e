/**
 * Issue 11, on every store: no personal value in plain text at rest (a canary scan of the raw
 * database after a run of the API), and erasure that cannot be undone with the application's
 * key (crypto-shredding: the person's data key is destroyed, their id replaced).
 */
import { LongText, ShortText, Store } from "@pomoc/core"
import { MemoryStore } from "@pomoc/store-memory"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Context, Effect, Layer, Result, Schema } from "effect"
import * as fc from "fast-check"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { clientConfig, createSchema, freshSchema, withRaw } from "../../../packages/stores/postgres/test/stores.js"
import { rawOf } from "./pgRaw.js"
import {
  checkErased,
  CODE,
  dataKeysOf,
  expectNoCanary,
  type Harness,
  harness,
  openWithRemainingKeys,
  scenario,
  sealedOf
} from "./privacy.js"

const coordinator = { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] }

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const f of cleanup.reverse()) await f()
  cleanup = []
})

/** The scenario, then erasure; `raw()` reads the database as an attacker with the files would. */
const erasureHolds = async (h: Harness, raw: () => Promise<Buffer>, rawAfter: () => Promise<Buffer> = raw) => {
  await scenario(h)
  expectNoCanary("raw database after a run of the API", await raw())

  const sealed = await sealedOf(h, CODE)
  expect(sealed.length).toBeGreaterThanOrEqual(14)
  // The checker opens them while the person's key exists (so it can fail).
  expect(await openWithRemainingKeys(h, sealed)).toBe(sealed.length)
  const keys = await dataKeysOf(h, CODE)
  expect(keys).toHaveLength(1)
  const wrapped = (keys[0]!.data as { wrapped: { ct: string } }).wrapped.ct
  expect((await raw()).includes(wrapped)).toBe(true)

  const erased = await h.run((api) => api.erasePerson(coordinator, CODE))
  expect(erased.value.id).not.toBe(CODE)
  await checkErased(h, erased.value.id, keys)
  // With the application's key and every data key left, none of the person's fields opens.
  expect(await openWithRemainingKeys(h, sealed)).toBe(0)
  // The wrapped key is nowhere in the database's files: not in a free page, not in the WAL.
  const after = await rawAfter()
  expect(after.includes(wrapped)).toBe(false)
  expectNoCanary("raw database after erasure", after)
}

describe("privacy at rest (issue 11)", () => {
  it("memory store: no canary in what the store holds; erasure is crypto-shredding", async () => {
    const h = await harness(MemoryStore.layer)
    cleanup.push(h.dispose)
    const raw = async () => {
      const all = await h.run((_, store) =>
        Effect.all([
          Effect.forEach(
            [
              "organisation",
              "service",
              "location",
              "person",
              "contact",
              "consent",
              "disclosure",
              "plan",
              "referral",
              "activity",
              "volunteer",
              "data-key"
            ] as const,
            (kind) => store.list({ kind })
          ),
          store.readAudit(1, 100_000)
        ])
      )
      return Buffer.from(JSON.stringify(all), "utf8")
    }
    await erasureHolds(h, raw)
  })

  it("SQLite file: no canary in the main file or the WAL; erasure leaves no readable copy (secure_delete, checkpoint)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-privacy-"))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, "pomoc.db")
    const h = await harness(SqliteStore.layer({ filename: file }))
    cleanup.push(h.dispose)
    const raw = async () =>
      Buffer.concat([file, `${file}-wal`, `${file}-journal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)))
    await erasureHolds(h, raw)
  })

  it("PostgreSQL: no canary in a dump or the relation files; erasure leaves no readable live copy", async () => {
    const schema = freshSchema()
    const h = await harness(Layer.unwrap(Effect.as(createSchema(schema), PostgresStore.layer(clientConfig(schema)))))
    cleanup.push(h.dispose)
    const raw = () => rawOf(schema)
    // A deleted row stays in the table file as a dead tuple until VACUUM removes it, and VACUUM
    // does not zero it: VACUUM FULL (documented in docs/privacy.md) rewrites the table without it.
    const rawAfter = async () => {
      await Effect.runPromise(withRaw(schema, (sql) => sql`VACUUM FULL pomoc_records`))
      return raw()
    }
    await erasureHolds(h, raw, rawAfter)
  })
})

describe("text types (issue 11)", () => {
  const nasty = [
    "a\u0000b",
    "\ud800",
    "x\udc00y",
    "\udc00\ud800",
    "bell\u0007",
    "\u0085next",
    "del\u007f",
    "esc\u001b[31m",
    "tab\tin",
    "two\nlines",
    "crlf\r\n",
    "\ufeffbom\ufffd",
    "emoji 😀",
    "Žluťoučký kůň"
  ]
  const samples = [...nasty, ...fc.sample(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), 300)]
  const accepts = (schema: Schema.Codec<string, string>) => (s: string) =>
    Result.isSuccess(Schema.decodeUnknownResult(schema)(s))

  it("refuse control characters and unpaired surrogates, naming the rule and not the value", () => {
    for (const bad of ["a\u0000b", "\ud800", "x\udc00y", "bell\u0007", "\u0085next", "del\u007f"]) {
      expect(accepts(ShortText)(bad)).toBe(false)
      expect(accepts(LongText)(bad)).toBe(false)
    }
    expect(accepts(ShortText)("two\nlines")).toBe(false)
    expect(accepts(LongText)("two\nlines")).toBe(true)
    expect(accepts(LongText)("tab\tin")).toBe(true)
    expect(accepts(ShortText)("emoji 😀")).toBe(true)
    const error = Schema.decodeUnknownResult(ShortText)("secret\u0000")
    expect(Result.isFailure(error) && String(error.failure)).toMatch(/control characters/)
    expect(Result.isFailure(error) && String(error.failure)).not.toContain("secret")
  })

  it("accept exactly the strings SQLite and PostgreSQL both store and give back unchanged", async () => {
    const accepted = [...new Set(samples.filter(accepts(LongText)))]
    expect(accepted.length).toBeGreaterThan(50)
    const writes = (texts: ReadonlyArray<string>): Store.UnitOfWork => ({
      writes: texts.map((text, i) => ({
        kind: "organisation",
        id: `o-${i}`,
        expectedVersion: 0,
        serviceId: null,
        personIds: [],
        at: null,
        // In a facet too: PostgreSQL keeps facets as JSONB (a record's data is text since its
        // migration 9), so a text reaches both of its column types.
        facets: { text },
        tags: [],
        data: { text }
      })),
      audit: []
    })
    const roundTrip = (layer: Layer.Layer<Store.Store, unknown>, texts: ReadonlyArray<string>) =>
      Effect.runPromise(Effect.scoped(Effect.gen(function*() {
        const store = Context.get(yield* Layer.build(layer), Store.Store)
        yield* store.commit(writes(texts))
        const records = yield* store.list({ kind: "organisation" })
        return new Map(records.map((r) => [r.id, (r.data as { text: string }).text]))
      })))
    const schema = freshSchema()
    const pg = Layer.unwrap(Effect.as(createSchema(schema), PostgresStore.layer(clientConfig(schema))))
    for (const layer of [SqliteStore.layer({ filename: ":memory:" }), pg]) {
      const back = await roundTrip(layer, accepted)
      accepted.forEach((text, i) => expect(back.get(`o-${i}`)).toBe(text))
    }
    // What the types refuse is what the stores disagree on: PostgreSQL's JSONB refuses a NUL that SQLite keeps.
    const schema2 = freshSchema()
    const pg2 = Layer.unwrap(Effect.as(createSchema(schema2), PostgresStore.layer(clientConfig(schema2))))
    expect((await roundTrip(SqliteStore.layer({ filename: ":memory:" }), ["a\u0000b"])).get("o-0")).toBe("a\u0000b")
    await expect(roundTrip(pg2, ["a\u0000b"])).rejects.toBeDefined()
  })
})
