/**
 * Regression: @effect/sql-pg 4.0.5 drops a leading U+FEFF from a text value that also holds
 * U+FFFD. The store reads its text columns JSON-quoted on PostgreSQL, so such values survive.
 */
import { Audit } from "@pomoc/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { createSchema, freshSchema, withStore } from "./stores.js"

const tricky = "\ufeffa\ufffdb"

describe("PostgreSQL text columns", () => {
  it("keep a leading BOM next to a replacement character (ids, services, tags, facets)", async () => {
    const schema = freshSchema()
    await Effect.runPromise(createSchema(schema))
    const out = await Effect.runPromise(withStore(schema, (store) =>
      Effect.gen(function*() {
        yield* store.commit({
          writes: [{
            kind: "contact",
            id: tricky,
            expectedVersion: 0,
            serviceId: tricky,
            personIds: [tricky],
            at: "2026-01-01T00:00:00.000Z",
            facets: { channel: tricky },
            tags: [tricky],
            data: { note: tricky }
          }],
          audit: [{
            at: "2026-01-01T00:00:00.000Z",
            actor: "a",
            role: "worker",
            operation: "RecordContact",
            outcome: "allowed",
            subjects: []
          }]
        })
        // A second write against the stored version: the version check reads ids back too.
        yield* store.commit({
          writes: [{
            kind: "contact",
            id: tricky,
            expectedVersion: 1,
            serviceId: tricky,
            personIds: [tricky],
            at: "2026-01-01T00:00:00.000Z",
            facets: { channel: tricky },
            tags: [tricky],
            data: { note: tricky }
          }],
          audit: []
        })
        const got = yield* store.get("contact", tricky)
        const listed = yield* store.list({ kind: "contact", serviceId: tricky })
        const byTag = yield* store.aggregate({ kind: "contact", groupBy: ["tag"] })
        const byChannel = yield* store.aggregate({ kind: "contact", groupBy: ["channel"] })
        const audit = yield* store.readAudit(1, 10)
        return { got, listed, byTag, byChannel, audit }
      })))
    expect(out.got._tag).toBe("Some")
    if (out.got._tag === "Some") {
      expect(out.got.value).toMatchObject({
        id: tricky,
        serviceId: tricky,
        version: 2,
        personIds: [tricky],
        tags: [tricky],
        data: { note: tricky }
      })
    }
    expect(out.listed.map((r) => r.id)).toEqual([tricky])
    expect(out.byTag.map((r) => r.group)).toEqual([{ tag: tricky }])
    expect(out.byChannel.map((r) => r.group)).toEqual([{ channel: tricky }])
    expect(Audit.verify(out.audit)._tag).toBe("Intact")
  })
})
