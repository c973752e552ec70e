/**
 * Outcome indicators (defined by service types) and measurements of them over time, per person.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Code, Labels, Timestamp } from "./Common.js"
import { MeasurementId, PersonId, ServiceId, WorkerId } from "./Ids.js"

const IndicatorScaleSchema = Schema.Union([
  Schema.TaggedStruct("YesNo", {}),
  Schema.TaggedStruct("Ladder", {
    min: Schema.Int,
    max: Schema.Int
  }).check(Schema.makeFilter((l) => l.min < l.max || { path: ["max"], issue: "a ladder's max must be above its min" })),
  Schema.TaggedStruct("Category", { categories: Schema.Array(Code).check(Schema.isMinLength(1)) })
])

const scaleFits = (scale: typeof IndicatorScaleSchema.Type, value: OutcomeValue): boolean => {
  switch (scale._tag) {
    case "YesNo":
      return value._tag === "YesNo"
    case "Ladder":
      return value._tag === "Ladder" && value.value >= scale.min && value.value <= scale.max
    case "Category":
      return value._tag === "Category" && scale.categories.includes(value.value)
  }
}

/**
 * The scale an indicator is measured on: yes/no, a ladder from `min` to `max`, or a category.
 * `IndicatorScale.fits(scale, value)` tells whether a value fits it.
 * @since 0.1.0
 * @category models
 */
export const IndicatorScale = Object.assign(IndicatorScaleSchema, {
  /** Whether a value fits the scale. */
  fits: (scale: typeof IndicatorScaleSchema.Type, value: OutcomeValue): boolean => scaleFits(scale, value)
})
/**
 * @since 0.1.0
 * @category models
 */
export type IndicatorScale = typeof IndicatorScale.Type

/**
 * An outcome indicator, defined by a service type's plugin (e.g. the five debt-counselling outcomes).
 * @since 0.1.0
 * @category models
 */
export class OutcomeIndicator extends Schema.Class<OutcomeIndicator>("@pomoc/core/OutcomeIndicator")({
  code: Code,
  labels: Labels,
  scale: IndicatorScale
}) {}

/**
 * A measured value on an indicator's scale.
 * @since 0.1.0
 * @category models
 */
export const OutcomeValue = Schema.Union([
  Schema.TaggedStruct("YesNo", { value: Schema.Boolean }),
  Schema.TaggedStruct("Ladder", { value: Schema.Int }),
  Schema.TaggedStruct("Category", { value: Code })
])
/**
 * @since 0.1.0
 * @category models
 */
export type OutcomeValue = typeof OutcomeValue.Type

/**
 * The id of a plugin's derivation (`street-work/came-back-after-first-contact`): lower-case
 * letters, digits, `-` and `/`.
 * @since 0.2.0
 * @category models
 */
export const DerivationId = Schema.String.check(
  Schema.isPattern(/^[a-z0-9][a-z0-9/-]{0,127}$/, {
    expected: "a derivation id of lower-case letters, digits, '-' and '/' (max 128)"
  })
)

/**
 * One measurement of one indicator for one person.
 * @since 0.1.0
 * @category models
 */
export class OutcomeMeasurement extends Schema.Class<OutcomeMeasurement>("@pomoc/core/OutcomeMeasurement")({
  id: MeasurementId,
  personId: PersonId,
  serviceId: ServiceId,
  indicator: Code,
  at: Timestamp,
  value: OutcomeValue,
  recordedBy: WorkerId,
  /** Whether the person took part in the assessment (empowerment). */
  personParticipated: Schema.Boolean,
  /**
   * Set when the value was derived from the person's history rather than assessed: the id of the
   * plugin's derivation (the rule) that derived it. Only `deriveOutcomes` sets it.
   * @since 0.2.0
   */
  derivedBy: Schema.optionalKey(DerivationId)
}) {}

/**
 * Whether a value fits an indicator's scale.
 * @since 0.1.0
 * @category guards
 * @deprecated Use `IndicatorScale.fits` (kept for one release).
 */
export const fitsScale = scaleFits
