/**
 * The custom fields the club adds to core records: an activity the young people organised
 * themselves ("zázemí a motivaci … k realizaci vlastních aktivit"), so that a club can count
 * how many of its activities came from the young people, not only how many it ran.
 *
 * @since 0.2.0
 */
import { Labels, PluginField } from "@pomoc/core"
import { Schema } from "effect"

/**
 * The club's custom fields, by record kind: `activity.selfOrganised`, a reportable flag (the
 * report facet `field_selfOrganised`).
 *
 * @since 0.2.0
 * @category models
 */
export const fields = {
  activity: {
    selfOrganised: PluginField.reportable(
      Schema.Boolean,
      Labels.of(
        "Organised by the young people themselves",
        "Aktivitu si zorganizovali sami mladí lidé",
        "Veiklą surengė patys jaunuoliai",
        "Дейността е организирана от самите младежи"
      )
    )
  }
} as const

/**
 * The type of {@link fields}.
 *
 * @since 0.2.0
 * @category models
 */
export type ClubFields = typeof fields
