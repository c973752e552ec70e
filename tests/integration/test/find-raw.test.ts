/**
 * The blind index, probed raw (issue 12, find): after people are registered, found, corrected
 * and erased through the API, the SQLite file's bytes and the PostgreSQL rows hold tokens only,
 * never a nickname, and an erased person's tokens are gone.
 */
import { Pseudonym } from "@pomoc/core"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteDriver, SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer } from "effect"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { clientConfig, createSchema, freshSchema, withRaw } from "../../../packages/stores/postgres/test/stores.js"
import { eva, type Harness, harness, marta, petr, setUp, T } from "./daily-fixture.js"

// Canaries: nicknames no other text of the run contains, in the case and spacing typed.
const CANARY = "Zdenda Kanárek"
const SECOND = "Bobeš-Ořech"
const TOKEN = /^ps1-[a-z2-7]{16}$/
/** A token narrowed by identity level and/or age band (`BlindIndex.narrowed`): codes and bands only. */
const NARROWED = /^ps1-[a-z2-7]{16}(\.l-(pseudonymous|identified))?(\.b-[0-9a-z-]+)?$/

/** Registers, finds, erases through the API; returns the token the erased person had. */
const story = async (h: Harness) => {
  await setUp(h)
  const person = (id: string, serviceId: string, nickname: string) => ({
    _tag: "pseudonymous" as const,
    id,
    serviceId,
    sharedWith: [],
    ageBand: "21-26" as const,
    gender: "not-stated" as const,
    needs: [],
    registeredAt: T(3),
    nickname
  })
  await h.run((api) => api.registerPerson(eva, person("zdenda", "club", CANARY)))
  await h.run((api) => api.registerPerson(petr, person("zdenda-debt", "debt", CANARY)))
  await h.run((api) => api.registerPerson(eva, person("bobes", "club", SECOND)))
  const found = await h.run((api) => api.findPeople(eva, { serviceId: "club", nickname: " zdenda  KANÁREK" }))
  expect(found.people.map((p) => p.id)).toEqual(["zdenda"])
  const bobes = await h.store((s) => s.get("person", "bobes"))
  const erasedToken = bobes._tag === "Some" ? bobes.value.lookup?.[0] : undefined
  expect(erasedToken).toMatch(TOKEN)
  await h.run((api) => api.erasePerson(marta, "bobes"))
  return erasedToken!
}

/** What no raw byte may hold: each canary as typed, normalised and in upper case. */
const forbidden = [CANARY, SECOND].flatMap((c) => [c, Pseudonym.normalise(c), c.toUpperCase()])
const expectNoCanary = (text: string) => {
  for (const c of forbidden) expect(text.includes(c), c).toBe(false)
}

describe("blind index, raw", () => {
  it("SQLite file: the lookup column and table hold tokens only; the file holds no nickname", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-find-"))
    const file = join(dir, "find.db")
    try {
      const h = harness(SqliteStore.layer({ filename: file }))
      let erased: string
      try {
        erased = await story(h)
      } finally {
        await h.dispose()
      }
      // The bytes of the main file and the WAL, as text in two encodings.
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)))
      expectNoCanary(bytes.toString("utf8"))
      expectNoCanary(bytes.toString("latin1"))
      // The erased person's token is gone from the file too (secure_delete, WAL truncated).
      expect(bytes.toString("latin1").includes(erased!)).toBe(false)
      const db = SqliteDriver.open(file)
      try {
        const all = db.prepare("SELECT token, kind, id FROM pomoc_record_lookup ORDER BY id, token").all() as Array<
          { token: string; kind: string; id: string }
        >
        // Besides each bare token, its narrowings (by level and band): the bare token and a suffix.
        for (const t of all) expect(t.token).toMatch(NARROWED)
        const tokens = all.filter((t) => TOKEN.test(t.token))
        for (const t of all) expect(tokens.some((b) => b.id === t.id && t.token.startsWith(b.token))).toBe(true)
        // The fixture's Kuba and Marek, and the two people nicknamed with the canary.
        expect(tokens.map((t) => t.id)).toEqual(["kuba", "marek", "zdenda", "zdenda-debt"])
        for (const t of tokens) expect(t.token).toMatch(TOKEN)
        // The same nickname in two services: two unrelated tokens.
        expect(tokens[2]!.token).not.toBe(tokens[3]!.token)
        expect(tokens.map((t) => t.token)).not.toContain(erased)
        const columns = db.prepare("SELECT lookup FROM pomoc_records WHERE lookup IS NOT NULL").all() as Array<
          { lookup: string }
        >
        expect(columns.flatMap((c) => JSON.parse(c.lookup) as Array<string>).sort()).toEqual(
          all.map((t) => t.token).sort()
        )
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("PostgreSQL rows: the lookup column and table hold tokens only; no row holds a nickname", async () => {
    const schema = freshSchema()
    const h = harness(Layer.unwrap(Effect.as(createSchema(schema), PostgresStore.layer(clientConfig(schema)))))
    let erased: string
    try {
      erased = await story(h)
    } finally {
      await h.dispose()
    }
    const raw = await Effect.runPromise(withRaw(schema, (sql) =>
      Effect.all({
        tokens: sql<
          { token: string; kind: string; id: string }
        >`SELECT token, kind, id FROM pomoc_record_lookup WHERE token NOT LIKE '%.%' ORDER BY id`,
        narrowed: sql<{ token: string }>`SELECT token FROM pomoc_record_lookup WHERE token LIKE '%.%'`,
        records: sql<{ row: string }>`SELECT row_to_json(r)::text AS row FROM pomoc_records r`,
        audit: sql<{ entry: string }>`SELECT entry::text AS entry FROM pomoc_audit`
      })))
    expect(raw.tokens.map((t) => t.id)).toEqual(["kuba", "marek", "zdenda", "zdenda-debt"])
    for (const t of raw.tokens) expect(t.token).toMatch(TOKEN)
    for (const t of raw.narrowed) expect(t.token).toMatch(NARROWED)
    expect(raw.narrowed).toHaveLength(3 * raw.tokens.length)
    expect(raw.tokens[2]!.token).not.toBe(raw.tokens[3]!.token)
    expect(raw.tokens.map((t) => t.token)).not.toContain(erased)
    for (const r of raw.records) expectNoCanary(r.row)
    for (const a of raw.audit) expectNoCanary(a.entry)
    expect(raw.records.some((r) => r.row.includes(erased))).toBe(false)
  })
})
