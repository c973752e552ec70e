/**
 * Arbitraries of the model's primitives: timestamps, ids, codes, texts in many scripts, labels, age
 * bands, genders, parties and periods.
 *
 * @since 0.2.0
 */
import * as fc from "fast-check"
import { AgeBand, AgeRange, Gender, Labels, Party, Period } from "../../model/Common.js"
import { AnonymousPerson } from "../../model/Person.js"
import { arbAscendingMillis, arbMillis, iso, nonBlank, partialRecord, record } from "../internal/arb.js"

/**
 * A timestamp on the wire: an ISO 8601 string between 2000 and 2100, always with milliseconds
 * and `Z`, so it round-trips through `Timestamp` exactly.
 * @since 0.1.0
 * @category constructors
 */
export const arbTimestamp: fc.Arbitrary<string> = arbMillis.map(iso)

/**
 * An id on the wire (the same format for every branded id): UUIDs and short readable ids.
 * @since 0.1.0
 * @category constructors
 */
export const arbId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/)
)

/**
 * A taxonomy code: realistic codes and random ones of lower-case letters, digits and `-`.
 * @since 0.1.0
 * @category constructors
 */
export const arbCode: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "in-person",
    "phone",
    "social-network",
    "online-game",
    "crisis-intervention",
    "counselling",
    "disclosure",
    "referral",
    "housing",
    "debt-2",
    "x"
  ),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/)
)

/** Texts people really write: Czech, Lithuanian, Bulgarian, emoji, mixed scripts. */
const samples = [
  "Žluťoučký kůň",
  "Pepíček",
  "Šárka z Břevnova",
  "Ďáblík",
  "Jūratė",
  "Žemaitė",
  "Ąžuolas",
  "Česlovas Šiūlys",
  "Мечо",
  "Йорданка",
  "Щъркел",
  "Жоро от квартала",
  "🐻",
  "Kuba 🎮",
  "👩🏽‍🦱 Lenka",
  "🏳️‍🌈",
  "Ño",
  "  padded  ",
  "a",
  "Dluhová poradna — první schůzka",
  "Susitikimas su socialine darbuotoja",
  "Среща в клуба след училище"
]

const arbText = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...samples) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).filter(nonBlank(max)) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 30 }).filter(nonBlank(max)) }
  )

/**
 * A short non-blank text (name, nickname, title; at most 200 characters) in many scripts.
 * @since 0.1.0
 * @category constructors
 */
export const arbShortText: fc.Arbitrary<string> = arbText(200)

/**
 * A non-blank free text (a note, a goal in the person's words) in many scripts.
 * @since 0.1.0
 * @category constructors
 */
export const arbLongText: fc.Arbitrary<string> = fc.oneof(
  arbText(10_000),
  fc.array(fc.constantFrom(...samples), { minLength: 2, maxLength: 6 }).map((parts) => parts.join("\n"))
)

const byLanguage = {
  en: ["Drop-in club", "Street work", "Debt counselling", "Leisure-time activities 🎨"],
  cs: ["Nízkoprahový klub", "Terénní práce", "Dluhové poradenství", "Volnočasové aktivity"],
  lt: ["Atviras jaunimo centras", "Gatvės darbas", "Skolų konsultavimas", "Laisvalaikio užsiėmimai"],
  bg: ["Клуб с нисък праг", "Теренна работа", "Консултиране при дългове", "Занимания в свободното време"]
} as const

/**
 * Labels in every supported language.
 * @since 0.1.0
 * @category constructors
 */
export const arbLabels: fc.Arbitrary<typeof Labels.Encoded> = record({
  en: fc.oneof(fc.constantFrom(...byLanguage.en), arbShortText),
  cs: fc.oneof(fc.constantFrom(...byLanguage.cs), arbShortText),
  lt: fc.oneof(fc.constantFrom(...byLanguage.lt), arbShortText),
  bg: fc.oneof(fc.constantFrom(...byLanguage.bg), arbShortText)
})

/**
 * An age band, `not-stated` included.
 * @since 0.1.0
 * @category constructors
 */
export const arbAgeBand = fc.constantFrom(...AgeBand.literals) satisfies fc.Arbitrary<
  (typeof AnonymousPerson.Encoded)["ageBand"]
>

/**
 * A gender as stated, `not-stated` included.
 * @since 0.1.0
 * @category constructors
 */
export const arbGender = fc.constantFrom(...Gender.literals) satisfies fc.Arbitrary<
  (typeof AnonymousPerson.Encoded)["gender"]
>

/**
 * An inclusive age range (`min` ≤ `max`, both within 0–150).
 * @since 0.1.0
 * @category constructors
 */
export const arbAgeRange: fc.Arbitrary<typeof AgeRange.Encoded> = fc
  .tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 }))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))

/**
 * A party (grantee, recipient, referral target).
 * @since 0.1.0
 * @category constructors
 */
export const arbParty: fc.Arbitrary<typeof Party.Encoded> = partialRecord(
  {
    kind: fc.constantFrom("organisation", "service", "authority", "school", "family", "other"),
    name: arbShortText,
    id: arbShortText
  },
  ["kind", "name"]
)

/**
 * A period of validity, `from` not after `until`; sometimes open-ended.
 * @since 0.1.0
 * @category constructors
 */
export const arbPeriod: fc.Arbitrary<typeof Period.Encoded> = fc.oneof(
  arbTimestamp.map((from) => ({ from })),
  arbAscendingMillis(2).map(([from, until]) => ({ from: iso(from!), until: iso(until!) }))
)
