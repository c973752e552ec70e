/**
 * Property checks: hostile strings and any JSON round-trip verbatim through every field.
 * @since 0.1.0
 */
import { Audit } from "@pomoc/core"
import { Effect, Option } from "effect"
import * as fc from "fast-check"
import { expect } from "vitest"
import { arbAuditDraft, arbJson, arbRecordWrite, storedOf, write } from "../Arbitraries.js"
import { storeCheck } from "../Harness.js"
import type { Check } from "../Harness.js"
import { compareText } from "../Model.js"

const runs = (h: { options: { propertyRuns?: number } }) => h.options.propertyRuns ?? 50

/**
 * The round-trip sub-suite.
 * @since 0.1.0
 * @category constructors
 */
export const roundTrip: ReadonlyArray<Check> = [
  {
    name: "records with hostile text and any JSON in every field round-trip verbatim (property)",
    run: (harness) =>
      harness.fresh(async ({ probe, store }) => {
        let n = 0
        await fc.assert(
          fc.asyncProperty(arbRecordWrite, async (generated) => {
            // A unique id per run keeps runs independent within one store.
            const w = { ...generated, id: `${n++}:${generated.id}` }
            const committed = await Effect.runPromise(store.commit({ writes: [w], audit: [] }))
            expect(committed.versions).toEqual([1])
            const got = Option.getOrUndefined(await Effect.runPromise(store.get(w.kind, w.id)))
            expect(got).toEqual(storedOf(w, 1))
            const listed = await Effect.runPromise(
              store.list({ kind: w.kind, ...(w.serviceId === null ? {} : { serviceId: w.serviceId }) })
            )
            expect(listed.find((r) => r.id === w.id)).toEqual(storedOf(w, 1))
            if (probe !== undefined) expect(await probe.record(w.kind, w.id)).toEqual({ version: 1, data: w.data })
          }),
          { numRuns: runs(harness) }
        )
      })
  },
  {
    name: "facet values and tags with hostile text group and filter verbatim (property)",
    run: (harness) =>
      harness.fresh(async ({ store }) => {
        let n = 0
        await fc.assert(
          fc.asyncProperty(arbRecordWrite, async (generated) => {
            const serviceId = `svc-${n++}`
            const w = { ...generated, kind: "contact" as const, id: `${serviceId}:${generated.id}`, serviceId }
            await Effect.runPromise(store.commit({ writes: [w], audit: [] }))
            const tags = await Effect.runPromise(store.aggregate({ kind: "contact", serviceId, groupBy: ["tag"] }))
            expect(tags.map((r) => r.group.tag)).toEqual([...new Set(w.tags)].sort(compareText))
            for (const [name, value] of Object.entries(w.facets)) {
              const rows = await Effect.runPromise(store.aggregate({ kind: "contact", serviceId, groupBy: [name] }))
              expect(rows).toEqual([{ group: { [name]: value }, count: 1, sums: {} }])
            }
            if (w.personIds[0] !== undefined) {
              const found = await Effect.runPromise(
                store.list({ kind: "contact", serviceId, personId: w.personIds[0] })
              )
              expect(found.map((r) => r.id)).toEqual([w.id])
            }
          }),
          { numRuns: runs(harness) }
        )
      })
  },
  {
    name: "audit drafts with hostile text round-trip verbatim and the chain verifies (property)",
    run: (harness) =>
      harness.fresh(async ({ store }) => {
        await fc.assert(
          fc.asyncProperty(fc.array(arbAuditDraft, { maxLength: 3 }), async (drafts) => {
            const head = await Effect.runPromise(store.auditHead)
            const committed = await Effect.runPromise(store.commit({ writes: [], audit: drafts }))
            expect(committed.audit).toEqual(Audit.seal(head, drafts))
            expect(await Effect.runPromise(store.readAudit(head.seq + 1))).toEqual(committed.audit)
          }),
          { numRuns: runs(harness) }
        )
        const entries = await Effect.runPromise(store.readAudit(1, 1_000_000))
        expect(Audit.verify(entries, await Effect.runPromise(store.auditHead))._tag).toBe("Intact")
      })
  },
  storeCheck(
    "nested JSON data (objects, arrays, numbers, booleans, null) round-trips",
    (store, probe) =>
      Effect.gen(function*() {
        const data = {
          text: "She said \"hi\" \\ 'bye'\r\n\t\u0001\u{1f600}",
          numbers: [0, -1, 1.5, 1e21, -2.5e-7, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
          flags: [true, false],
          nothing: null,
          deep: { a: { b: { c: [[], {}, [{ d: "e" }]] } } },
          "key with spaces and 'quotes'": "v",
          "": "empty key"
        }
        for (const [i, value] of [data, [], {}, "just text", 42, false, null].entries()) {
          yield* store.commit({ writes: [write("plan", `j${i}`, 0, { data: value })], audit: [] })
          expect(Option.getOrUndefined(yield* store.get("plan", `j${i}`))?.data).toEqual(value)
          if (probe !== undefined) {
            expect((yield* Effect.promise(() => probe.record("plan", `j${i}`)))?.data).toEqual(value)
          }
        }
      })
  ),
  {
    name: "any JSON value round-trips as data (property)",
    run: (harness) =>
      harness.fresh(async ({ store }) => {
        let n = 0
        await fc.assert(
          fc.asyncProperty(arbJson, async (data) => {
            const id = `json-${n++}`
            await Effect.runPromise(store.commit({ writes: [write("activity", id, 0, { data })], audit: [] }))
            expect(Option.getOrUndefined(await Effect.runPromise(store.get("activity", id)))?.data).toEqual(data)
          }),
          { numRuns: runs(harness) }
        )
      })
  }
]
