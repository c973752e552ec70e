/**
 * Training programmes and the structured needs assessment of seeds/003 ("Нашите проекти се
 * градят върху анализи … на техните интелектуални и социални потребности и интереси,
 * психологическите им проблеми … Въз основа на тази събрана информация … провеждаме
 * индивидуални и групови програми за обучение на децата, както и на персонала"), within core's
 * record kinds:
 *
 * - **Needs assessment** (`assessNeeds`): one outcome measurement per need area assessed, on the
 *   indicator `need-<area>` (a ladder 1–5), the areas being the plugin's `needs` taxonomy. The
 *   measurements are what reports count; the person's history shows every assessment.
 * - **Training programme**: a core activity of kind `training` (for care staff: topic
 *   `care-staff-training`, `forExternalStaff`, audience `staff`). **Enrolment** is attendance:
 *   the trainees listed in the activity's `attendees` (`recordActivity`, `recordAttendance`).
 * - **Completion** (`completeTraining`): the measurement `training-completed` = yes for an
 *   enrolled trainee, its id naming the training, never the trainee
 *   (`training-completed:<activity>:<random>`: an erased trainee's old id must not survive in a
 *   record's id), so a training is completed once per trainee. A person not enrolled is refused
 *   (`InvalidCommand` on `personId`), and nothing is stored.
 * - **The trainee's institution**: the person's custom fields `institution` (personal: the
 *   institution's name, encrypted; it helps identify a member of its staff) and `careStaff`
 *   (reportable: the trainee works at a care institution).
 *
 * @since 0.2.0
 */
import {
  Activity,
  ActivityId,
  InvalidCommand,
  Labels,
  MeasurementId,
  Operation,
  OutcomeMeasurement,
  PersonId,
  PluginField,
  PluginOperation,
  Records,
  type Service,
  ServiceId,
  ShortText,
  Timestamp
} from "@pomoc/core"
import { DateTime, Effect, Schema } from "effect"
import { needs } from "./taxonomies.js"

/**
 * A need area: a code of the plugin's `needs` taxonomy.
 *
 * @since 0.2.0
 * @category models
 */
export type NeedArea = keyof typeof needs

/**
 * The indicator of one need area's assessed level.
 *
 * @since 0.2.0
 * @category models
 */
export type NeedIndicator = `need-${NeedArea}`

const needAreas = Object.keys(needs) as ReadonlyArray<NeedArea>

/**
 * The indicator code of a need area's assessed level.
 *
 * @since 0.2.0
 * @category constructors
 */
export const needIndicator = (area: NeedArea): NeedIndicator => `need-${area}`

const levelNote = Labels.of(
  "1 = no need, 5 = urgent need",
  "1 = bez potřeby, 5 = naléhavá potřeba",
  "1 – poreikio nėra, 5 – skubus poreikis",
  "1 = няма потребност, 5 = неотложна потребност"
)

/**
 * One indicator per need area: the level of need a needs assessment found (a ladder 1–5).
 *
 * @since 0.2.0
 * @category models
 */
export const needIndicators: ReadonlyArray<{
  readonly code: NeedIndicator
  readonly labels: Labels
  readonly scale: { readonly _tag: "Ladder"; readonly min: 1; readonly max: 5 }
}> = needAreas.map((area) => ({
  code: needIndicator(area),
  labels: Labels.of(
    `Need: ${needs[area].en} (${levelNote.en})`,
    `Potřeba: ${needs[area].cs} (${levelNote.cs})`,
    `Poreikis: ${needs[area].lt} (${levelNote.lt})`,
    `Потребност: ${needs[area].bg} (${levelNote.bg})`
  ),
  scale: { _tag: "Ladder", min: 1, max: 5 }
}))

const Level = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 }))

/**
 * What a worker records of a needs assessment: the person, when, whether the person took part,
 * and the level of need (1 = none, 5 = urgent) of each need area assessed.
 *
 * @since 0.2.0
 * @category models
 */
export const NeedsAssessment = Schema.Struct({
  serviceId: ServiceId,
  personId: PersonId,
  at: Timestamp,
  personParticipated: Schema.Boolean,
  areas: Schema.Struct(
    {
      intellectual: Schema.optionalKey(Level),
      social: Schema.optionalKey(Level),
      psychological: Schema.optionalKey(Level),
      "career-prospects": Schema.optionalKey(Level),
      "education-support": Schema.optionalKey(Level),
      "independent-living": Schema.optionalKey(Level)
    } satisfies Record<NeedArea, unknown>
  )
})

/**
 * The command the principles judge for a needs assessment: the areas assessed.
 *
 * @since 0.2.0
 * @category models
 */
export interface AssessNeeds {
  readonly _tag: "AssessNeeds"
  readonly areas: ReadonlyArray<NeedArea>
}

/**
 * The type of {@link operations} (written out, so that the plugin's declarations name only
 * `@pomoc/core`'s public types).
 *
 * @since 0.2.0
 * @category models
 */
export type ChildrenInCareOperations = {
  /** Record a structured needs assessment. */
  readonly assessNeeds:
    & Operation.Write<
      "AssessNeeds",
      typeof NeedsAssessment.Type,
      Operation.Loaded<Service>,
      { readonly measurements: ReadonlyArray<MeasurementId> },
      typeof NeedsAssessment.Encoded
    >
    & { readonly access: Operation.AccessRow }
  /** Record that an enrolled trainee completed a training programme. */
  readonly completeTraining:
    & Operation.Write<
      "CompleteTraining",
      typeof TrainingCompletion.Type,
      Operation.Loaded<Activity>,
      OutcomeMeasurement,
      typeof TrainingCompletion.Encoded
    >
    & { readonly access: Operation.AccessRow }
}

const newMeasurementId = () => MeasurementId.make(globalThis.crypto.randomUUID())

/**
 * Record a structured needs assessment: one measurement of `need-<area>` per area assessed (at
 * least one), for a person of the service.
 *
 * @since 0.2.0
 * @category operations
 */
export const assessNeeds: ChildrenInCareOperations["assessNeeds"] = PluginOperation.write({
  tag: "AssessNeeds",
  summary: "record a structured needs assessment",
  access: PluginOperation.access("SSNNN", "write", "confidential", "record a structured needs assessment"),
  input: NeedsAssessment,
  entity: "NeedsAssessment",
  subject: Operation.newIn((i: typeof NeedsAssessment.Type) => i.serviceId),
  checks: [
    (_ctx, input) =>
      needAreas.some((area) => input.areas[area] !== undefined)
        ? Effect.void
        : Effect.fail(
          new InvalidCommand({ operation: "AssessNeeds", field: "areas", rule: "assess at least one need area" })
        )
  ],
  decide: (ctx, input, service) =>
    Effect.gen(function*() {
      const person = yield* ctx.personOfService("personId", input.personId, input.serviceId)
      const assessed = needAreas.flatMap((area) => {
        const level = input.areas[area]
        return level === undefined ? [] : [{ area, level }]
      })
      const measurements = assessed.map(({ area, level }) =>
        new OutcomeMeasurement({
          id: newMeasurementId(),
          personId: person.value.id,
          serviceId: service.value.id,
          indicator: needIndicator(area),
          at: input.at,
          value: { _tag: "Ladder", value: level },
          recordedBy: ctx.actor.id,
          personParticipated: input.personParticipated
        })
      )
      const command: AssessNeeds = { _tag: "AssessNeeds", areas: assessed.map((a) => a.area) }
      return {
        command,
        service: service.value,
        person: person.value,
        changes: measurements.map((m) => Operation.change(Records.mappings.measurement, m, 0)),
        result: { measurements: measurements.map((m) => m.id) }
      }
    })
})

/**
 * What a worker records when a trainee completes a training programme.
 *
 * @since 0.2.0
 * @category models
 */
export const TrainingCompletion = Schema.Struct({
  activityId: ActivityId,
  personId: PersonId,
  at: Timestamp
})

/**
 * The command the principles judge for a completed training.
 *
 * @since 0.2.0
 * @category models
 */
export interface CompleteTraining {
  readonly _tag: "CompleteTraining"
  readonly activityId: string
}

/**
 * The beginning of the id of every completion of a training (`training-completed:<activity>:`),
 * followed by a random part. The id never names the trainee: erasure gives an erased person a new
 * id in every record, and a record's id must not keep the old one.
 *
 * @since 0.2.0
 * @category constructors
 */
export const completionPrefix = (activityId: string): string => `training-completed:${activityId}:`

/** The longest activity id whose completions' ids (prefix and a 36-character UUID) stay within 128. */
const LONGEST_ACTIVITY_ID = 128 - "training-completed:".length - 1 - 36

const refuse = (field: string, rule: string) =>
  Effect.fail(new InvalidCommand({ operation: "CompleteTraining", field, rule }))

/**
 * Record that an enrolled trainee completed a training programme (an activity of kind
 * `training` with the trainee among its attendees): the measurement `training-completed` = yes.
 * Refused for an activity that is not a training, a person not enrolled in it, a completion
 * before the training started, and a second completion of the same training.
 *
 * @since 0.2.0
 * @category operations
 */
export const completeTraining: ChildrenInCareOperations["completeTraining"] = PluginOperation.write({
  tag: "CompleteTraining",
  summary: "record that an enrolled trainee completed a training programme",
  access: PluginOperation.access("SSNNN", "write", "confidential", "record a completed training programme"),
  input: TrainingCompletion,
  entity: "TrainingCompletion",
  subject: Operation.existing(
    Records.mappings.activity,
    (i: typeof TrainingCompletion.Type) => i.activityId,
    (a: Activity) => [a.serviceId]
  ),
  checks: [
    (_ctx, input, training) =>
      input.activityId.length > LONGEST_ACTIVITY_ID
        ? refuse(
          "activityId",
          `an id of at most ${LONGEST_ACTIVITY_ID} characters, so that its completions can name it`
        )
        : training.value.kind !== "training"
        ? refuse("activityId", "not a training programme")
        : !training.value.attendees.includes(input.personId)
        ? refuse("personId", "not enrolled in the training")
        : DateTime.isLessThan(input.at, training.value.startsAt)
        ? refuse("at", "a training is completed after it starts")
        : Effect.void,
    (ctx, input, training) =>
      Effect.flatMap(
        ctx.loadAll(Records.mappings.measurement, { personId: input.personId, serviceId: training.value.serviceId }),
        (done) =>
          done.some((m) =>
              m.value.indicator === "training-completed" && m.value.id.startsWith(completionPrefix(input.activityId))
            )
            ? refuse("activityId", "the training is already completed")
            : Effect.void
      )
  ],
  decide: (ctx, input, training) =>
    Effect.gen(function*() {
      const person = yield* ctx.personOfService("personId", input.personId, training.value.serviceId)
      const service = yield* ctx.load(Records.mappings.service, training.value.serviceId)
      const measurement = new OutcomeMeasurement({
        id: MeasurementId.make(`${completionPrefix(input.activityId)}${globalThis.crypto.randomUUID()}`),
        personId: person.value.id,
        serviceId: training.value.serviceId,
        indicator: "training-completed",
        at: input.at,
        value: { _tag: "YesNo", value: true },
        recordedBy: ctx.actor.id,
        personParticipated: true
      })
      const command: CompleteTraining = { _tag: "CompleteTraining", activityId: input.activityId }
      return {
        command,
        service: service.value,
        person: person.value,
        changes: [Operation.change(Records.mappings.measurement, measurement, 0)],
        result: measurement
      }
    })
})

/**
 * The operations children in care adds to the case-work API.
 *
 * @since 0.2.0
 * @category models
 */
export const operations: ChildrenInCareOperations = { assessNeeds, completeTraining }

/**
 * The type of {@link fields}.
 *
 * @since 0.2.0
 * @category models
 */
export interface ChildrenInCareFields {
  /** Fields on a person. */
  readonly person: {
    /** The trainee's institution (its name): personal, encrypted at rest. */
    readonly institution: PluginField.FieldDefinition<string, string> & { readonly personal: true }
    /** Whether the trainee works at a care institution: a report facet. */
    readonly careStaff: PluginField.FieldDefinition<boolean, boolean> & { readonly personal: false }
  }
}

/**
 * The custom fields children in care adds to core records: on a person, the trainee's
 * institution (personal) and whether the trainee is a member of a care institution's staff
 * (reportable, the facet `field_careStaff`).
 *
 * @since 0.2.0
 * @category models
 */
export const fields: ChildrenInCareFields = {
  person: {
    institution: PluginField.personal(
      ShortText,
      Labels.of("Institution", "Zařízení", "Įstaiga", "Институция")
    ),
    careStaff: PluginField.reportable(
      Schema.Boolean,
      Labels.of(
        "Works at a care institution",
        "Pracuje v zařízení péče",
        "Dirba globos įstaigoje",
        "Работи в институция за грижа"
      )
    )
  }
}
