/**
 * Value types shared by the whole model: timestamps, labels, taxonomy codes, age bands, gender.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { personal } from "./Personal.js"

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

// `Date` parsing alone accepts "1" (as 2001) and rolls 2024-02-30 over to March 1: only a full
// ISO 8601 date-time with a zone, on a day that exists, is a timestamp.
const IsoDateTimeString = Schema.String.check(
  Schema.makeFilter((s: string) => {
    const m = ISO_DATE_TIME.exec(s)
    if (m === null) return "must be an ISO 8601 date-time with a time zone, e.g. 2024-03-01T09:30:00.000Z"
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
    return (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth) || "must be a date that exists"
  }, { expected: "an ISO 8601 date-time with a time zone" })
)

/**
 * A point in time: an ISO 8601 date-time string with a zone on the wire (`Z` when encoded), a
 * `DateTime.Utc` inside.
 * @since 0.1.0
 * @category models
 */
export const Timestamp = IsoDateTimeString.pipe(Schema.decodeTo(Schema.DateTimeUtcFromString))
/**
 * @since 0.1.0
 * @category models
 */
export type Timestamp = typeof Timestamp.Type

/**
 * The languages every label is written in: English, Czech, Lithuanian, Bulgarian. A plugin may
 * add any other language ({@link LanguageTag}) to its labels (`Plugin.languages`).
 * @since 0.1.0
 * @category models
 */
export const Language = Schema.Literals(["en", "cs", "lt", "bg"])
/**
 * @since 0.1.0
 * @category models
 */
export type Language = typeof Language.Type
/**
 * All label languages, in a fixed order.
 * @since 0.1.0
 * @category models
 * @deprecated Use `Language.literals` (kept for one release).
 */
export const languages: ReadonlyArray<Language> = Language.literals

// Unpaired surrogates cannot be stored as UTF-8 (PostgreSQL refuses them, SQLite stores U+FFFD
// or garbage); control characters (NUL above all) are refused by PostgreSQL's text and jsonb.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

const textFilter = (control: RegExp, allowed: string) =>
  Schema.makeFilter(
    (s: string) =>
      LONE_SURROGATE.test(s)
        ? "must not contain an unpaired surrogate"
        : control.test(s)
        ? `must not contain control characters (${allowed})`
        : true,
    { expected: "well-formed text without control characters" }
  )

/**
 * Well-formed text on one line: no control characters (C0, DEL, C1) and no unpaired surrogates,
 * so that every store (SQLite, PostgreSQL) accepts exactly the same strings. The base of every
 * short text type of the model.
 * @since 0.2.0
 * @category models
 */
export const Text = Schema.String.check(textFilter(CONTROL, "none allowed"))

/**
 * Well-formed text that may span lines: like {@link Text}, but tab, line feed and carriage
 * return are allowed.
 * @since 0.2.0
 * @category models
 */
export const MultilineText = Schema.String.check(textFilter(CONTROL_BUT_LINES, "only tab and line breaks allowed"))

const nonBlank = Schema.makeFilter((s: string) => s.trim().length > 0 || "must not be blank", {
  expected: "a non-blank string"
})
const NonBlank = Text.check(nonBlank)

/**
 * A BCP 47 language tag (`uk`, `sr-Latn`, `pt-BR`): a language a plugin or core adds to the four.
 * @since 0.2.0
 * @category models
 */
export const LanguageTag = Schema.String.check(
  Schema.isPattern(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    expected: "a BCP 47 language tag such as \"uk\" or \"sr-Latn\""
  })
)

const LabelsSchema = Schema.StructWithRest(
  Schema.Struct({ en: NonBlank, cs: NonBlank, lt: NonBlank, bg: NonBlank }),
  [Schema.Record(LanguageTag, NonBlank)]
)

/**
 * Labels from their four texts, in the order English, Czech, Lithuanian, Bulgarian.
 *
 * @example
 * ```ts
 * import { Labels } from "@pomoc/core"
 * Labels.of("Club", "Klub", "Klubas", "Клуб").cs // "Klub"
 * ```
 * @since 0.2.0
 * @category constructors
 */
const labelsFrom = (en: string, cs: string, lt: string, bg: string): typeof LabelsSchema.Type => ({ en, cs, lt, bg })

/**
 * Human-readable text in every supported language (en, cs, lt, bg), and in any other language
 * (a {@link LanguageTag}) its author adds, such as Ukrainian (`uk`). `Labels.of(en, cs, lt, bg)`
 * makes labels from the four texts.
 * @since 0.1.0
 * @category models
 */
export const Labels = Object.assign(LabelsSchema, {
  /** Labels from their four texts, in the order English, Czech, Lithuanian, Bulgarian. */
  of: (en: string, cs: string, lt: string, bg: string): typeof LabelsSchema.Type => labelsFrom(en, cs, lt, bg)
})
/**
 * @since 0.1.0
 * @category models
 */
export type Labels = typeof Labels.Type

/**
 * Labels from their four texts, in the order English, Czech, Lithuanian, Bulgarian.
 * @since 0.1.0
 * @category constructors
 * @deprecated Use `Labels.of` (kept for one release).
 */
export const labelsOf = labelsFrom

/**
 * A short non-blank text (a name, a title), at most 200 characters, on one line (see {@link Text}).
 * @since 0.1.0
 * @category models
 */
export const ShortText = NonBlank.check(Schema.isMaxLength(200))
/**
 * A free text (a note, a goal in the person's words), at most 10,000 characters, well-formed
 * (see {@link MultilineText}). Free texts about
 * people are sensitive: stores encrypt them at rest.
 * @since 0.1.0
 * @category models
 */
export const LongText = MultilineText.check(nonBlank, Schema.isMaxLength(10_000))

/**
 * A taxonomy code defined by core or a plugin (an intervention, a channel, a purpose, …):
 * lower-case letters, digits and dashes.
 * @since 0.1.0
 * @category models
 */
export const Code = Schema.String.check(
  Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, { expected: "a code of lower-case letters, digits and '-' (max 64)" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Code = typeof Code.Type

const AgeBandSchema = Schema.Literals([
  "0-5",
  "6-10",
  "11-14",
  "15-17",
  "18-20",
  "21-26",
  "27-64",
  "65+",
  "not-stated"
])

const bandYears: Readonly<Record<typeof AgeBandSchema.Type, readonly [number, number] | undefined>> = {
  "0-5": [0, 5],
  "6-10": [6, 10],
  "11-14": [11, 14],
  "15-17": [15, 17],
  "18-20": [18, 20],
  "21-26": [21, 26],
  "27-64": [27, 64],
  "65+": [65, 150],
  "not-stated": undefined
}

/**
 * Where an inclusive span of years lies against an age range: wholly `inside`, `partly` outside,
 * wholly `outside`, or `unknown` when there is no span (age not stated).
 * @since 0.1.0
 * @category models
 */
export type AgeRangeFit = "inside" | "partly" | "outside" | "unknown"

const spanFit = (
  years: readonly [number, number] | undefined,
  range: { readonly min: number; readonly max: number }
): AgeRangeFit => {
  if (years === undefined) return "unknown"
  const [low, high] = years
  if (high < range.min || low > range.max) return "outside"
  return low < range.min || high > range.max ? "partly" : "inside"
}

/**
 * A person's age band. Bands, not birth dates: enough for eligibility and reports, and far less
 * identifying. `not-stated` is always allowed.
 *
 * - `AgeBand.years[band]`: the band's inclusive span of years (`undefined` for `not-stated`);
 * - `AgeBand.fit(band, range)`: where the band lies against an age range (`inside`, `partly`,
 *   `outside`, or `unknown` for `not-stated`).
 *
 * @example
 * ```ts
 * import { AgeBand } from "@pomoc/core"
 * AgeBand.fit("15-17", { min: 6, max: 26 }) // "inside"
 * AgeBand.fit("15-17", { min: 16, max: 26 }) // "partly"
 * AgeBand.years["65+"] // [65, 150]
 * ```
 * @since 0.1.0
 * @category models
 */
export const AgeBand = Object.assign(AgeBandSchema, {
  /** Each band's inclusive span of years (`undefined` for `not-stated`). */
  years: bandYears,
  /** Where a band lies against an age range (`unknown` for `not-stated`). */
  fit: (band: typeof AgeBandSchema.Type, range: { readonly min: number; readonly max: number }): AgeRangeFit =>
    spanFit(bandYears[band], range)
})
/**
 * @since 0.1.0
 * @category models
 */
export type AgeBand = typeof AgeBand.Type

/**
 * The inclusive age range of each band (`undefined` for `not-stated`).
 * @since 0.1.0
 * @category models
 * @deprecated Use `AgeBand.years` (kept for one release).
 */
export const ageBandRange: Readonly<Record<AgeBand, readonly [number, number] | undefined>> = bandYears

/**
 * The fit of a span of years (e.g. `ageBandRange[band]`) in an age range.
 * @since 0.1.0
 * @category combinators
 * @deprecated Use `AgeBand.fit(band, range)` (kept for one release).
 */
export const ageRangeFit = spanFit

/**
 * Gender as the person states it; `not-stated` is always allowed.
 * @since 0.1.0
 * @category models
 */
export const Gender = Schema.Literals(["female", "male", "other", "not-stated"])
/**
 * @since 0.1.0
 * @category models
 */
export type Gender = typeof Gender.Type

/**
 * An inclusive age range in whole years.
 * @since 0.1.0
 * @category models
 */
export const AgeRange = Schema.Struct({
  min: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 150 })),
  max: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 150 }))
}).check(Schema.makeFilter((r) => r.min <= r.max || { path: ["max"], issue: "max must not be below min" }))
/**
 * @since 0.1.0
 * @category models
 */
export type AgeRange = typeof AgeRange.Type

/**
 * Who receives something (consent grantee, disclosure recipient, referral target): an
 * organisation, a service, a public authority or a named role, by name and optional id.
 * @since 0.1.0
 * @category models
 */
export const Party = Schema.Struct({
  kind: Schema.Literals(["organisation", "service", "authority", "school", "family", "other"]),
  /** Personal (encrypted at rest): for `family`, a relative's name; for anyone, it says who the person deals with. */
  name: personal(ShortText),
  /** Personal (encrypted at rest), like the name. */
  id: Schema.optionalKey(personal(ShortText))
})
/**
 * @since 0.1.0
 * @category models
 */
export type Party = typeof Party.Type

/**
 * A period of validity; `until` absent means open-ended.
 * @since 0.1.0
 * @category models
 */
export const Period = Schema.Struct({
  from: Timestamp,
  until: Schema.optionalKey(Timestamp)
})
/**
 * @since 0.1.0
 * @category models
 */
export type Period = typeof Period.Type
