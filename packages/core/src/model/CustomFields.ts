/**
 * Custom fields: values a service type's plugin adds to core records (a contact, a person), each
 * declared by the plugin as reportable or personal (see `PluginField`):
 *
 * - `fields`: reportable values (codes, counts, flags), stored in the clear and indexed as report
 *   facets (`field_<name>`), so never personal data;
 * - `personalFields`: personal values, encrypted at rest like a note and shredded on erasure.
 *
 * The record's schema takes any well-formed names and values; the case-work API checks each
 * against the service type's declarations (unknown names, the wrong kind and values that do not
 * match the field's schema are refused naming the field, never the value).
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { Text } from "./Common.js"
import { personal } from "./Personal.js"

/**
 * A custom field's name: a lower-case letter, then letters and digits (it becomes part of a
 * report facet's name).
 * @since 0.2.0
 * @category models
 */
export const FieldName = Schema.String.check(
  Schema.isPattern(/^[a-z][A-Za-z0-9]{0,40}$/, { expected: "a field name of letters and digits (camelCase)" })
)

/**
 * A custom field's value as stored: short text, a finite number or a boolean.
 * @since 0.2.0
 * @category models
 */
export const FieldValue = Schema.Union([Text.check(Schema.isMaxLength(500)), Schema.Finite, Schema.Boolean])

/**
 * @since 0.2.0
 * @category models
 */
export type FieldValue = typeof FieldValue.Type

/**
 * Reportable custom fields: in the clear, indexed as report facets.
 * @since 0.2.0
 * @category models
 */
export const ReportableFields = Schema.Record(FieldName, FieldValue)

/**
 * Personal custom fields: encrypted at rest.
 * @since 0.2.0
 * @category models
 */
export const PersonalFields = personal(Schema.Record(FieldName, FieldValue))

/**
 * The two optional custom-field bags a record kind that plugins may extend carries.
 * @since 0.2.0
 * @category models
 */
export const customFields = {
  /** Reportable values the service type's plugin declares (facets `field_<name>`). */
  fields: Schema.optionalKey(ReportableFields),
  /** Personal values the service type's plugin declares (encrypted). */
  personalFields: Schema.optionalKey(PersonalFields)
}

/**
 * The report facets of a record's reportable custom fields: `field_<name>` for each.
 * @since 0.2.0
 * @category combinators
 */
export const facetsOf = (
  fields: { readonly [name: string]: FieldValue } | undefined
): { readonly [facet: string]: FieldValue } =>
  fields === undefined ? {} : Object.fromEntries(Object.entries(fields).map(([k, v]) => [`field_${k}`, v]))

/**
 * The record kinds plugins may add custom fields to.
 * @since 0.2.0
 * @category models
 */
export type ExtensibleKind = "contact" | "person" | "activity"

/**
 * Every extensible record kind.
 * @since 0.2.0
 * @category models
 */
export const extensibleKinds: ReadonlyArray<ExtensibleKind> = ["contact", "person", "activity"]
