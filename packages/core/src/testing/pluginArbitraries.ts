/**
 * Generators for plugin tests: contacts, measurements and histories with a plugin's own codes
 * and indicators, stored records of every kind indexed as the case-work API indexes them, a
 * store over such records, and facts widened by the plugin.
 *
 * @since 0.2.0
 */
import { Arbitrary, Effect, Schema } from "effect"
import * as fc from "fast-check"
import { mappings, type RecordIndex } from "../casework/Records.js"
import type { Facts } from "../Facts.js"
import { Contact } from "../model/Contact.js"
import { type ExtensibleKind, FieldValue } from "../model/CustomFields.js"
import { OutcomeMeasurement } from "../model/Outcome.js"
import { IndividualPlan } from "../model/Plan.js"
import type { History, Plugin } from "../plugins/Plugin.js"
import type { FieldDefinition } from "../plugins/PluginField.js"
import type { AggregateQuery, AggregateRow, RecordKind, StoredRecord, StoreShape } from "../Store.js"
import { memoryOf } from "../store/memory.js"
import {
  arbContact,
  arbIndividualPlan,
  arbOutcomeMeasurement,
  arbOutcomeValueFor,
  decoded,
  entities
} from "./arbitraries.js"
import { arbCoreFacts, arbUtc } from "./facts.js"

/**
 * The records a report is computed over in the `reports` check: stored records of every kind
 * (as the case-work API would store them, with their facets and tags), among them contacts
 * with the plugin's codes and measurements of the plugin's indicators.
 *
 * @since 0.1.0
 * @category models
 */
export interface GeneratedRecords {
  readonly records: ReadonlyArray<StoredRecord>
}

const pick = <A>(
  items: ReadonlyArray<A>
) => (items.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...items), { nil: undefined }))

/**
 * Contacts that use the plugin's own intervention, channel and first-contact channel codes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const arbPluginContact = (plugin: Plugin): fc.Arbitrary<Contact> => {
  const interventions = Object.keys(plugin.taxonomies.interventions)
  const channels = Object.keys(plugin.taxonomies.channels)
  const firstContactChannels = Object.keys(plugin.taxonomies.firstContactChannels)
  return decoded(
    fc.tuple(arbContact, fc.subarray(interventions), pick(channels), pick(firstContactChannels)).map(
      ([contact, codes, channel, firstContactChannel]) => {
        const { firstContactChannel: _, ...rest } = contact
        return {
          ...rest,
          interventions: codes,
          channel: channel ?? contact.channel,
          ...(contact.firstContact && firstContactChannel !== undefined ? { firstContactChannel } : {})
        }
      }
    ),
    Contact
  )
}

/**
 * Measurements of the plugin's indicators, with values on each indicator's scale.
 *
 * @since 0.1.0
 * @category constructors
 */
export const arbPluginMeasurement = (plugin: Plugin): fc.Arbitrary<OutcomeMeasurement> =>
  plugin.indicators.length === 0
    ? decoded(arbOutcomeMeasurement, OutcomeMeasurement)
    : decoded(
      fc.tuple(arbOutcomeMeasurement, fc.constantFrom(...plugin.indicators)).chain(([measurement, indicator]) =>
        arbOutcomeValueFor(indicator.scale).map((value) => ({ ...measurement, indicator: indicator.code, value }))
      ),
      OutcomeMeasurement
    )

/**
 * A person's history as a derivation sees it, with the plugin's codes and indicators.
 *
 * @since 0.1.0
 * @category constructors
 */
export const arbHistory = (plugin: Plugin): fc.Arbitrary<History> =>
  fc.record({
    asOf: arbUtc,
    contacts: fc.array(arbPluginContact(plugin), { maxLength: 8 }),
    plans: fc.array(decoded(arbIndividualPlan, IndividualPlan), { maxLength: 2 }),
    measurements: fc.array(arbPluginMeasurement(plugin), { maxLength: 8 })
  })

const entityNames: Readonly<Record<RecordKind, string>> = {
  organisation: "Organisation",
  service: "Service",
  location: "Location",
  person: "Person",
  contact: "Contact",
  cooperation: "Cooperation",
  consent: "Consent",
  disclosure: "Disclosure",
  plan: "IndividualPlan",
  "plan-step": "StoredStep",
  measurement: "OutcomeMeasurement",
  referral: "Referral",
  activity: "Activity",
  staff: "StaffMember",
  volunteer: "Volunteer",
  "volunteer-hours": "VolunteerHours",
  program: "Program",
  funding: "Funding",
  "data-key": "DataKey",
  voided: "Voided",
  revision: "Revision"
}

const arbEntityOf = (plugin: Plugin, kind: RecordKind): fc.Arbitrary<unknown> => {
  if (kind === "measurement") return arbPluginMeasurement(plugin)
  const entry = entities.find((e) => e.name === entityNames[kind])!
  const plain: fc.Arbitrary<unknown> = kind === "contact"
    ? arbPluginContact(plugin)
    : decoded(entry.arbitrary, entry.schema)
  // Records of work name a programme, so that reports may count per programme (`programId`).
  const entity = kind === "contact" || kind === "activity" || kind === "volunteer-hours"
    ? fc.tuple(plain, fc.constantFrom("program-1", "program-2")).map(([e, programId]) => ({
      ...(e as object),
      programId
    }))
    : plain
  // The plugin's custom fields too, so that reports may group by or sum their facets.
  return (kind === "contact" || kind === "person" || kind === "activity") && plugin.fields?.[kind] !== undefined
    ? fc.tuple(entity, arbFieldValues(plugin, kind, { every: true })).map(([e, custom]) => ({
      ...(e as object),
      ...custom
    }))
    : entity
}

/**
 * Stored records of every kind, indexed as the case-work API stores them (facets and tags),
 * with the plugin's codes in contacts, its indicators in measurements and its custom fields
 * (`arbFieldValues`) in contacts, people and activities.
 *
 * @since 0.1.0
 * @category constructors
 */
export const arbRecords = (plugin: Plugin): fc.Arbitrary<GeneratedRecords> => {
  const kinds = Object.keys(mappings) as ReadonlyArray<keyof typeof mappings>
  return fc
    .tuple(
      ...kinds.map((kind) =>
        fc.array(arbEntityOf(plugin, mappings[kind].kind), {
          minLength: 1,
          maxLength: kind === "contact" || kind === "measurement" ? 12 : 3
        })
      )
    )
    .map((lists) => ({
      records: lists.flatMap((list, i) => {
        const mapping = mappings[kinds[i]!] as {
          readonly kind: RecordKind
          readonly id: (a: unknown) => string
          readonly index: (a: unknown) => Omit<StoredRecord, "kind" | "id" | "version" | "data">
        }
        return list.map((entity): StoredRecord => ({
          kind: mapping.kind,
          id: mapping.id(entity),
          version: 1,
          ...mapping.index(entity),
          data: null
        }))
      })
    }))
}

/**
 * The store contract's `aggregate` over records, computed by core's memory store (the one
 * in-memory GROUP BY). For test kits only: real stores compute this where the data is. Throws
 * the store's `StoreError` on an invalid query.
 *
 * @since 0.1.0
 * @category combinators
 */
export const aggregateRecords = (
  records: ReadonlyArray<StoredRecord>,
  query: AggregateQuery
): ReadonlyArray<AggregateRow> => Effect.runSync(memoryOf(records).aggregate(query))

/**
 * A memory store holding records as the case-work API indexes them (kind plus index fields),
 * each under its own generated id: for report tests of plugins, which read only `aggregate`.
 *
 * @example
 * ```ts
 * import { Records, Report } from "@pomoc/core"
 * import { storeOfIndexed } from "@pomoc/core/testing"
 * import { Effect } from "effect"
 *
 * declare const definition: Report.ReportDefinition
 * declare const contacts: ReadonlyArray<Records.RecordIndex>
 * const table = Effect.runSync(Report.run(definition, storeOfIndexed(contacts.map((c) => ({ kind: "contact", ...c })))))
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const storeOfIndexed = (records: ReadonlyArray<RecordIndex & { readonly kind: RecordKind }>): StoreShape =>
  memoryOf(records.map((record, i): StoredRecord => ({ ...record, id: `indexed-${i}`, version: 1, data: null })))

/**
 * Facts as the plugin's services see them: the service's type is the plugin, its principles a
 * subset of the plugin's, its configuration the plugin's defaults (sometimes overridden).
 *
 * @since 0.1.0
 * @category constructors
 */
export const arbPluginFacts = (plugin: Plugin, base: fc.Arbitrary<Facts> = arbCoreFacts): fc.Arbitrary<Facts> =>
  fc.tuple(base, fc.subarray([...plugin.principles]), fc.boolean()).map(([facts, principles, defaults]) => ({
    ...facts,
    service: {
      ...facts.service,
      type: plugin.id,
      principles,
      config: defaults ? { ...facts.service.config, ...plugin.config } : facts.service.config
    }
  }))

/**
 * A record's custom fields as the case-work API takes them: reportable ones in `fields`,
 * personal ones in `personalFields` (each bag present only when it has a field).
 *
 * @since 0.2.0
 * @category models
 */
export interface FieldValues {
  readonly fields?: { readonly [name: string]: FieldValue }
  readonly personalFields?: { readonly [name: string]: FieldValue }
}

const isStorable = Schema.is(FieldValue)

/** Values of one field, encoded as stored; only those a record can carry (no control characters, …). */
const samplesOf = (def: FieldDefinition, seed: string, count: number): ReadonlyArray<FieldValue> => {
  const codec = def.schema
  const encode = Schema.encodeSync(codec)
  const values = Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(codec), { count, seed }))
  return values.map((value) => encode(value)).filter(isStorable)
}

/**
 * Values of a plugin's custom fields of one record kind (`contact`, `person`, `activity`), each
 * field present or not, generated from the field's own schema (Effect's Schema-derived
 * generation, `samples` values per field, 50 by default) and encoded as a record carries them;
 * with `every`, each declared field is present.
 * Every value is one the case-work API must accept for a service of the plugin's type.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { arbFieldValues } from "@pomoc/core/testing"
 *
 * fc.assert(fc.property(arbFieldValues(streetWork, "contact"), (custom) => {
 *   // record a contact with { ...contact, ...custom }: it is accepted
 * }))
 * ```
 *
 * @since 0.2.0
 * @category constructors
 */
export const arbFieldValues = (
  plugin: Plugin,
  kind: ExtensibleKind,
  options: { readonly samples?: number; readonly every?: boolean } = {}
): fc.Arbitrary<FieldValues> => {
  const declared = Object.entries(plugin.fields?.[kind] ?? {})
  const bag = (personal: boolean): fc.Arbitrary<{ readonly [name: string]: FieldValue }> =>
    fc.record(
      Object.fromEntries(
        declared
          .filter(([, def]) => def.personal === personal)
          .map(([name, def]) => [name, samplesOf(def, `${plugin.id}/${kind}/${name}`, options.samples ?? 50)] as const)
          .filter(([, values]) => values.length > 0)
          .map(([name, values]) => [name, fc.constantFrom(...values)])
      ),
      options.every === true ? {} : { requiredKeys: [] }
    ) as fc.Arbitrary<{ readonly [name: string]: FieldValue }>
  return fc.tuple(bag(false), bag(true)).map(([fields, personalFields]) => ({
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(Object.keys(personalFields).length > 0 ? { personalFields } : {})
  }))
}
