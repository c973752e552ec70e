/**
 * fast-check arbitraries for store inputs: hostile text, JSON values, facets, tags, records,
 * audit drafts. The conformance checks use them; adapter authors can reuse them in their own
 * property tests.
 *
 * @since 0.1.0
 */
import { Store } from "@pomoc/core"
import type { Audit } from "@pomoc/core"
import * as fc from "fast-check"

const hostileUnits = [
  "'",
  "\"",
  "`",
  "\\",
  "\\\\",
  "%",
  "_",
  ";",
  "--",
  "/*",
  "*/",
  "$1",
  "?",
  ":name",
  "\n",
  "\r",
  "\t",
  "\u0001",
  "\u0008",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "é",
  "e\u0301",
  "ß",
  "ı",
  "Ω",
  "漢",
  "ﷺ",
  "😀",
  "👩‍👩‍👧",
  "\u{10ffff}",
  "\u{1f1e8}\u{1f1ff}"
]

/**
 * One "character": either a piece of text known to break naive quoting or encoding, or any
 * Unicode code point except NUL (no lone surrogates).
 * @since 0.1.0
 * @category constructors
 */
export const arbTextUnit: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileUnits),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((s) => !s.includes("\u0000"))
)

/**
 * Text that must round-trip verbatim: quotes, backslashes, NUL-free control characters, any
 * Unicode (astral planes, combining marks, line separators, BOM).
 * @since 0.1.0
 * @category constructors
 */
export const arbText = (
  constraints: { readonly minLength?: number; readonly maxLength?: number } = {}
): fc.Arbitrary<string> =>
  fc.string({ unit: arbTextUnit, minLength: constraints.minLength ?? 0, maxLength: constraints.maxLength ?? 24 })

/**
 * A finite JSON number (not `-0`, which JSON cannot tell from `0`).
 * @since 0.1.0
 * @category constructors
 */
export const arbJsonNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true })
).filter((n) => !Object.is(n, -0))

/**
 * Any JSON value: nested objects and arrays of hostile text, numbers, booleans and null.
 * Object keys are hostile text too (except `__proto__`).
 * @since 0.1.0
 * @category constructors
 */
export const arbJson: fc.Arbitrary<unknown> = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    arbText(),
    arbJsonNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(arbText({ maxLength: 12 }).filter((k) => k !== "__proto__"), tie("json"), { maxKeys: 4 })
  )
})).json

/**
 * A facet name accepted by `Store.FACET_NAME`.
 * @since 0.1.0
 * @category constructors
 */
export const arbFacetName: fc.Arbitrary<string> = fc.stringMatching(Store.FACET_NAME).filter((s) =>
  s !== "tag" && s !== "month"
)

/**
 * Facet names a store must refuse in queries: SQL-ish junk, spaces, quotes, non-ASCII, too long.
 * @since 0.1.0
 * @category constructors
 */
export const arbBadFacetName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "1abc",
    "_x",
    "a b",
    "channel; DROP TABLE records; --",
    "x'--",
    "x\"y",
    "facets->>'x'",
    "a.b",
    "a-b",
    "$.x",
    "ünïcode",
    "a".repeat(64)
  ),
  arbText({ minLength: 1 }).filter((s) => !Store.FACET_NAME.test(s))
)

/**
 * A facet value: hostile text, a JSON number, a boolean or null.
 * @since 0.1.0
 * @category constructors
 */
export const arbFacetValue: fc.Arbitrary<Store.FacetValue> = fc.oneof(
  arbText(),
  arbJsonNumber,
  fc.boolean(),
  fc.constant(null)
)

/**
 * Facets with valid names and any values.
 * @since 0.1.0
 * @category constructors
 */
export const arbFacets: fc.Arbitrary<Record<string, Store.FacetValue>> = fc.dictionary(arbFacetName, arbFacetValue, {
  maxKeys: 4
})

/**
 * Tags: distinct hostile strings.
 * @since 0.1.0
 * @category constructors
 */
export const arbTags: fc.Arbitrary<Array<string>> = fc.uniqueArray(arbText({ minLength: 1, maxLength: 12 }), {
  maxLength: 4
})

/**
 * An ISO 8601 UTC timestamp (millisecond precision, years 2000–2099).
 * @since 0.1.0
 * @category constructors
 */
export const arbInstant: fc.Arbitrary<string> = fc
  .date({ min: new Date("2000-01-01T00:00:00.000Z"), max: new Date("2099-12-31T23:59:59.999Z"), noInvalidDate: true })
  .map((d) => d.toISOString())

/**
 * A record kind.
 * @since 0.1.0
 * @category constructors
 */
export const arbRecordKind: fc.Arbitrary<Store.RecordKind> = fc.constantFrom(...Store.RecordKind.literals)

/**
 * A write creating a record (`expectedVersion` 0) with hostile text in every string field.
 * @since 0.1.0
 * @category constructors
 */
export const arbRecordWrite: fc.Arbitrary<Store.RecordWrite> = fc.record({
  kind: arbRecordKind,
  id: arbText({ minLength: 1, maxLength: 16 }),
  expectedVersion: fc.constant(0),
  serviceId: fc.option(arbText({ minLength: 1, maxLength: 12 }), { nil: null }),
  personIds: fc.uniqueArray(arbText({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
  at: fc.option(arbInstant, { nil: null }),
  facets: arbFacets,
  tags: arbTags,
  data: arbJson
})

/**
 * An audit draft with hostile text in every string field.
 * @since 0.1.0
 * @category constructors
 */
export const arbAuditDraft: fc.Arbitrary<Audit.AuditDraft> = fc.record(
  {
    at: arbInstant,
    actor: arbText({ minLength: 1 }),
    role: arbText({ minLength: 1, maxLength: 12 }),
    operation: arbText({ minLength: 1 }),
    outcome: fc.constantFrom("allowed" as const, "denied" as const, "read" as const),
    serviceId: arbText({ minLength: 1, maxLength: 12 }),
    subjects: fc.array(
      fc.record({ kind: arbText({ minLength: 1, maxLength: 12 }), id: arbText({ minLength: 1, maxLength: 12 }) }),
      { maxLength: 3 }
    ),
    legalGround: arbText(),
    rules: fc.array(arbText({ minLength: 1, maxLength: 12 }), { maxLength: 3 })
  },
  { requiredKeys: ["at", "actor", "role", "operation", "outcome", "subjects"] }
)

/**
 * A plain audit draft for tests that do not care about its content.
 * @since 0.1.0
 * @category constructors
 */
export const draft = (operation: string, subjects: ReadonlyArray<Audit.Subject> = []): Audit.AuditDraft => ({
  at: "2024-01-01T00:00:00.000Z",
  actor: "worker-1",
  role: "worker",
  operation,
  outcome: "allowed",
  subjects: [...subjects]
})

/**
 * A write with defaults for every field but kind and id.
 * @since 0.1.0
 * @category constructors
 */
export const write = (
  kind: Store.RecordKind,
  id: string,
  expectedVersion: number,
  fields: Partial<Omit<Store.RecordWrite, "kind" | "id" | "expectedVersion">> = {}
): Store.RecordWrite => ({
  kind,
  id,
  expectedVersion,
  serviceId: null,
  personIds: [],
  at: null,
  facets: {},
  tags: [],
  data: { id },
  ...fields
})

/**
 * The record a store must hold after `w` was committed as version `version`.
 * @since 0.1.0
 * @category constructors
 */
export const storedOf = (w: Store.RecordWrite, version: number): Store.StoredRecord => {
  const { expectedVersion: _, key, ...rest } = w
  // A guard key of null (or none) is not stored.
  return key === undefined || key === null ? { ...rest, version } : { ...rest, version, key }
}
