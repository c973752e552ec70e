/**
 * The declared column mapping of a spreadsheet: which case-work operation each row becomes
 * (`target`), which column fills which field of its input and how a cell is read (`columns`),
 * and the values every row shares (`fixed`). A mapping is data (JSON beside the spreadsheet), decoded by
 * {@link Mapping}; {@link make} types the fields by the target in code.
 *
 * @since 0.2.0
 */
import {
  type Activity,
  type Casework,
  type Contact,
  Decode,
  type Person,
  type Volunteer,
  type VolunteerHours
} from "@pomoc/core"
import { type Result, Schema } from "effect"

/**
 * What a row becomes, and the case-work operation that records it:
 * `person` (registerPerson), `contact` (recordContact), `activity` (recordActivity),
 * `attendance` (recordAttendance), `volunteer` (registerVolunteer) and `volunteer-hours`
 * (recordVolunteerHours).
 * @since 0.2.0
 * @category models
 */
export const Target = Schema.Literals(["person", "contact", "activity", "attendance", "volunteer", "volunteer-hours"])
/**
 * @since 0.2.0
 * @category models
 */
export type Target = typeof Target.Type

/**
 * The write operation of each target.
 * @since 0.2.0
 * @category models
 */
export const operationOf = {
  person: "registerPerson",
  contact: "recordContact",
  activity: "recordActivity",
  attendance: "recordAttendance",
  volunteer: "registerVolunteer",
  "volunteer-hours": "recordVolunteerHours"
} as const satisfies Record<Target, Casework.WriteName>

/**
 * How a cell is read:
 * - `text`: the text as written (trimmed);
 * - `integer`, `number`: a number (a spreadsheet number, or text such as `12` or `12,5`);
 * - `boolean`: `true`/`false`, `yes`/`no`, `1`/`0`, `x` (and the Czech `ano`/`ne`);
 * - `date`: a day (`2026-03-08`, `8.3.2026`, or a spreadsheet date), stored as midnight UTC;
 * - `datetime`: an ISO date and time (`2026-03-08T20:00:00Z`), a day with a time
 *   (`2026-03-08 20:00`), or a spreadsheet date;
 * - `list`: several texts split by `separator` (`;` by default).
 * @since 0.2.0
 * @category models
 */
export const CellType = Schema.Literals(["text", "integer", "number", "boolean", "date", "datetime", "list"])
/**
 * @since 0.2.0
 * @category models
 */
export type CellType = typeof CellType.Type

const FieldPath = Schema.String.check(
  Schema.isPattern(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/, {
    expected: "a field of the input, or one nested field (`contactDetails.phone`)"
  })
)

/**
 * One column of the spreadsheet: its header, the input field it fills, how its cells are read,
 * and `values` that translate the spreadsheet's own words into the codes Pomoc takes (a cell not
 * listed is taken as it is).
 * @since 0.2.0
 * @category models
 */
export const Column = Schema.Struct({
  column: Schema.String.check(Schema.isMinLength(1)),
  field: FieldPath,
  type: Schema.optionalKey(CellType),
  separator: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1))),
  values: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  /** An empty cell is a problem (otherwise the field is left out, or takes its default). */
  required: Schema.optionalKey(Schema.Boolean)
})
/**
 * @since 0.2.0
 * @category models
 */
export type Column = typeof Column.Type

/**
 * A declared column mapping.
 * @since 0.2.0
 * @category models
 */
export const Mapping = Schema.Struct({
  target: Target,
  columns: Schema.Array(Column).check(
    Schema.isMinLength(1),
    Schema.makeFilter((cs) =>
      new Set(cs.map((c) => c.column)).size === cs.length || { path: [], issue: "a column is mapped twice" }
    ),
    Schema.makeFilter((cs) =>
      new Set(cs.map((c) => c.field)).size === cs.length || { path: [], issue: "a field is filled by two columns" }
    )
  ),
  /** Values every row shares (e.g. `serviceId`), under the cells. */
  fixed: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown))
}).annotate({ identifier: "Mapping" })
/**
 * @since 0.2.0
 * @category models
 */
export type Mapping = typeof Mapping.Type

/**
 * The field paths of an input type a column may map to (`a`, or `a.b` for a nested object).
 * @since 0.2.0
 * @category models
 */
export type Fields<T> = T extends unknown ? {
    [K in keyof T & string]: NonNullable<T[K]> extends ReadonlyArray<unknown> ? K
      : NonNullable<T[K]> extends object ? K | `${K}.${keyof NonNullable<T[K]> & string}`
      : K
  }[keyof T & string]
  : never

/**
 * The input each target of an import builds, by target.
 * @since 0.2.0
 * @category models
 */
export interface Inputs {
  /** A person, as `registerPerson` takes it. */
  readonly person: typeof Person.Encoded
  /** A contact, as `recordContact` takes it. */
  readonly contact: typeof Contact.Encoded
  /** An activity, as `recordActivity` takes it. */
  readonly activity: typeof Activity.Encoded
  /** Attendance, as `recordAttendance` takes it. */
  readonly attendance: {
    readonly activityId: string
    readonly attendees: ReadonlyArray<string>
    readonly anonymousAttendance: number
  }
  /** A volunteer, as `registerVolunteer` takes it. */
  readonly volunteer: typeof Volunteer.Encoded
  /** Volunteer hours, as `recordVolunteerHours` takes it. */
  readonly "volunteer-hours": typeof VolunteerHours.Encoded
}

/**
 * The fields a column of a target may fill: the input fields of its operation (`identityLevel`
 * stands for a person's `_tag`).
 * @since 0.2.0
 * @category models
 */
export type FieldOf<T extends Target> =
  | Exclude<Fields<Inputs[T]>, "_tag">
  | (T extends "person" ? "identityLevel" : never)

/**
 * A mapping as written in code, its fields typed by the target.
 * @since 0.2.0
 * @category models
 */
export interface Declared<T extends Target> {
  readonly target: T
  readonly columns: ReadonlyArray<Omit<Column, "field"> & { readonly field: FieldOf<T> }>
  readonly fixed?: { readonly [K in FieldOf<T>]?: unknown }
}

/**
 * Declares a mapping in code, its fields checked against the target's input (a misspelt field
 * is a compile error); the result is a plain {@link Mapping}.
 *
 * @example
 * ```ts
 * const contacts = Mapping.make({
 *   target: "contact",
 *   fixed: { serviceId: "club", locationKind: "club-premises" },
 *   columns: [{ column: "Date", field: "at", type: "datetime" }, { column: "Minutes", field: "durationMinutes", type: "integer" }]
 * })
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const make = <T extends Target>(declared: Declared<T>): Mapping => declared

/**
 * Decodes a mapping written as data (e.g. JSON beside the spreadsheet): the mapping, or an
 * `InvalidInput` naming every bad path and rule.
 * @since 0.2.0
 * @category decoding
 */
export const decode: (input: unknown) => Result.Result<Mapping, Decode.InvalidInput> = Decode.decoder(
  Mapping,
  "Mapping"
)
