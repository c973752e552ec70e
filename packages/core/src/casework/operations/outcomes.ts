/**
 * Outcomes: measurements of a person's outcome indicators, assessed or derived.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import { Timestamp } from "../../model/Common.js"
import * as Ids from "../../model/Ids.js"
import { fitsScale, OutcomeMeasurement } from "../../model/Outcome.js"
import type { Person } from "../../model/Person.js"
import type { Derivation, History } from "../../plugins/Plugin.js"
import type { CaseworkError, ServiceTypeInfo } from "../Config.js"
import { sharedInto } from "../IndexTokens.js"
import type { Context } from "../Operation.js"
import * as Operation from "../Operation.js"
import * as PlanRecords from "../planRecords.js"
import { type Mapping, mappings } from "../Records.js"
import { access, invalid } from "./common.js"
import { collect, type Page } from "./lists.js"

/**
 * Record an outcome measurement: the indicator must be the service type's and the value must fit
 * its scale. `recordedBy` is the actor. A derived value (`derivedBy`) is refused: only
 * {@link deriveOutcomes} stores those.
 * @since 0.2.0
 * @category operations
 */
export const recordOutcome = Operation.write()({
  tag: "RecordOutcome",
  summary: "record an outcome measurement",
  access: access("SSNNN", "write", "confidential", "record an outcome measurement"),
  input: OutcomeMeasurement,
  newId: true,
  attribution: [{ path: ["recordedBy"] }],
  subject: Operation.newIn((m: OutcomeMeasurement) => m.serviceId),
  decide: Effect.fnUntraced(function*(ctx, measurement, service) {
    const person = yield* ctx.personOfService("personId", measurement.personId, measurement.serviceId)
    const indicator = ctx.serviceInfo(service.value)?.indicators.get(measurement.indicator)
    if (indicator === undefined) {
      return yield* invalid("RecordOutcome", "indicator", "not an outcome indicator of this service type")
    }
    if (!fitsScale(indicator.scale, measurement.value)) {
      return yield* invalid("RecordOutcome", "value", "the value does not fit the indicator's scale")
    }
    if (measurement.derivedBy !== undefined) {
      return yield* invalid("RecordOutcome", "derivedBy", "set only by deriveOutcomes (an assessment is not derived)")
    }
    return {
      command: { _tag: "RecordOutcome", measurement } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.measurement, measurement, 0)],
      result: measurement
    }
  })
})

const DeriveInput = Schema.Struct({
  serviceId: Ids.ServiceId,
  /** One person of the service; without it, every person of the service. */
  personId: Schema.optionalKey(Ids.PersonId),
  /** The moment the history is read up to (default: now); never in the future. */
  asOf: Schema.optionalKey(Timestamp)
})

/**
 * What a derivation sees of a person in a service: their contacts, plans and measurements there.
 * @since 0.2.0
 * @category combinators
 */
export const derivationHistory = Effect.fnUntraced(function*(
  ctx: Context,
  serviceId: string,
  personId: string,
  asOf: DateTime.Utc
) {
  const q = { serviceId, personId }
  const values = <A>(m: Mapping<A>) => Effect.map(ctx.loadAll(m, q), (xs) => xs.map((x) => x.value))
  const steps = yield* values(PlanRecords.stepMapping)
  const history: History = {
    asOf,
    contacts: yield* values(mappings.contact),
    plans: (yield* values(mappings.plan)).map((plan) => PlanRecords.assemble(plan, steps)),
    measurements: yield* values(mappings.measurement)
  }
  return history
})

/**
 * The values a service type's derivations give for a history: each derivation's value, when it
 * has one and it fits its indicator's scale (a plugin's test kit reports those that do not).
 * @since 0.2.0
 * @category combinators
 */
export const derive = (
  info: Pick<ServiceTypeInfo, "indicators" | "derivations">,
  history: History
): ReadonlyArray<{ readonly derivation: Derivation; readonly value: OutcomeMeasurement["value"] }> =>
  (info.derivations ?? []).flatMap((derivation) => {
    const value = derivation.derive(history)
    const indicator = info.indicators.get(derivation.indicator)
    return value !== undefined && indicator !== undefined && fitsScale(indicator.scale, value)
      ? [{ derivation, value }]
      : []
  })

const sameValue = (a: OutcomeMeasurement["value"], b: OutcomeMeasurement["value"]) =>
  a._tag === b._tag && a.value === b.value

/** The derived values of one person that differ from the last value each rule derived. */
const newValues = (
  info: Pick<ServiceTypeInfo, "indicators" | "derivations">,
  history: History,
  serviceId: Ids.ServiceId,
  personId: Ids.PersonId,
  recordedBy: OutcomeMeasurement["recordedBy"]
): ReadonlyArray<OutcomeMeasurement> => {
  const last = (derivation: string) =>
    history.measurements
      .filter((m) => m.derivedBy === derivation && DateTime.isLessThanOrEqualTo(m.at, history.asOf))
      .reduce<OutcomeMeasurement | undefined>(
        (latest, m) => latest === undefined || DateTime.isGreaterThanOrEqualTo(m.at, latest.at) ? m : latest,
        undefined
      )
  return derive(info, history).flatMap(({ derivation, value }) => {
    const previous = last(derivation.id)
    return previous !== undefined && sameValue(previous.value, value) ? [] : [
      new OutcomeMeasurement({
        id: Ids.make(Ids.MeasurementId),
        personId,
        serviceId,
        indicator: derivation.indicator,
        at: history.asOf,
        value,
        recordedBy,
        personParticipated: false,
        derivedBy: derivation.id
      })
    ]
  })
}

/** Store pages of people one whole-service derivation reads at a time. */
const PEOPLE_PAGE = 200

/**
 * Runs `f` for every person of a service, a store page at a time (never the whole list at
 * once): the service's own people (ids only, nothing decrypted), then those shared into it now
 * (their sharing consent in force: as `listPeople` lists them).
 */
const eachPerson = Effect.fnUntraced(function*(
  ctx: Context,
  serviceId: Ids.ServiceId,
  f: (personId: Ids.PersonId) => Effect.Effect<unknown, CaseworkError>
) {
  let cursor: string | undefined
  do {
    const page = yield* ctx.store.page({
      kind: mappings.person.kind,
      serviceId,
      limit: PEOPLE_PAGE,
      ...(cursor === undefined ? {} : { cursor })
    })
    for (const record of page.records) yield* f(record.id as Ids.PersonId)
    cursor = page.next
  } while (cursor !== undefined)
  do {
    const shared: Page<Person> = yield* collect(
      ctx,
      mappings.person,
      { lookup: sharedInto(serviceId) },
      { limit: PEOPLE_PAGE, ...(cursor === undefined ? {} : { cursor }) },
      (p) => p.sharedWith.includes(serviceId)
    )
    for (const p of shared.items) yield* f(p.id)
    cursor = shared.next
  } while (cursor !== undefined)
})

/**
 * Derive outcomes from people's history in a service: `{ serviceId, personId?, asOf? }` (one
 * person, or without `personId` every person of the service, its own and those shared into it
 * now, read a page of people at a time, e.g. at a period's end before its reports). A person
 * shared into the service is derived from their history in this service.
 * Runs the service type's derivations (the plugin's typed rules) over the person's contacts,
 * plans and measurements up to `asOf` (default now) and stores each value as a measurement marked
 * `derivedBy` the rule, at `asOf`, recorded by the actor, not assessed with the person. A value
 * equal to the last one the same rule derived at or before `asOf` is not stored again. Answers the
 * measurements stored (none when nothing changed).
 * @since 0.2.0
 * @category operations
 */
export const deriveOutcomes = Operation.write()({
  tag: "DeriveOutcomes",
  summary: "derive a person's outcomes from their history by the service type's rules",
  access: access("SSNNN", "write", "confidential", "derive a person's outcomes from their history"),
  input: DeriveInput,
  entity: "DeriveOutcomes",
  subject: Operation.newIn((i: typeof DeriveInput.Type) => i.serviceId),
  decide: Effect.fnUntraced(function*(ctx, input, service) {
    const person = input.personId === undefined
      ? undefined
      : yield* ctx.personOfService("personId", input.personId, input.serviceId)
    const asOf = input.asOf ?? ctx.now
    if (DateTime.isGreaterThan(asOf, ctx.now)) return yield* invalid("DeriveOutcomes", "asOf", "not in the future")
    const info = ctx.serviceInfo(service.value)
    const measurements: Array<OutcomeMeasurement> = []
    const derive = (personId: Ids.PersonId) =>
      Effect.map(
        derivationHistory(ctx, input.serviceId, personId, asOf),
        (history) => measurements.push(...newValues(info!, history, input.serviceId, personId, ctx.actor.id))
      )
    if (info?.derivations !== undefined) {
      if (person !== undefined) yield* derive(person.value.id)
      else yield* eachPerson(ctx, input.serviceId, derive)
    }
    return {
      command: {
        _tag: "DeriveOutcomes",
        serviceId: input.serviceId,
        ...(input.personId !== undefined ? { personId: input.personId } : {}),
        measurements
      } as const,
      service: service.value,
      ...(person !== undefined ? { person: person.value } : {}),
      changes: measurements.map((m) => Operation.change(mappings.measurement, m, 0)),
      result: measurements,
      subjects: person !== undefined
        ? [{ kind: "person", id: person.value.id }]
        : [{ kind: "service", id: input.serviceId }]
    }
  })
})
