/**
 * The operations section of `docs/casework.md`, generated from the operations table, the access
 * matrix, the registered rules and one runnable example per operation (run in order by
 * `casework-docs.test.ts`, so an example that rots fails CI).
 */
import { Access, Casework } from "@pomoc/core"
import { describeInput } from "./casework-inputs.js"
import { registry } from "./registry.js"

export const actors = {
  jana: { id: "jana", grants: [{ role: "administrator", services: "*" }] },
  marta: { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] },
  eva: { id: "eva", grants: [{ role: "worker", services: ["club"] }] },
  petr: { id: "petr", grants: [{ role: "worker", services: ["debt"] }] },
  ana: { id: "ana", grants: [{ role: "volunteer", services: ["club"] }] },
  ola: { id: "ola", grants: [{ role: "auditor", services: "*" }] }
} as const

export interface Example {
  readonly op: keyof Casework.Operations | "batch"
  readonly actor: keyof typeof actors
  readonly input: unknown
  /** The error the example shows, when it shows a refusal. */
  readonly refused?: string
}

const at = (day: number, hour = 15) => new Date(Date.UTC(2026, 2, day, hour)).toISOString()
const school = { kind: "school", name: "ZŠ Komenského" }
const debtAdvice = { kind: "service", name: "Dluhová poradna" }
const kuba = {
  _tag: "pseudonymous",
  id: "kuba",
  serviceId: "club",
  sharedWith: [],
  ageBand: "15-17",
  gender: "not-stated",
  needs: [],
  registeredAt: at(2),
  nickname: "Kuba"
}
const contact = {
  serviceId: "club",
  at: at(2, 16),
  durationMinutes: 40,
  locationKind: "club-premises",
  channel: "in-person",
  participants: ["kuba"],
  anonymousCount: 6,
  interventions: ["conversation", "information"],
  firstContact: false,
  mode: "group"
}

/** One example per operation, in an order in which each one works (the test runs them so). */
export const examples: ReadonlyArray<Example> = [
  // Installation: the first administrator, once, while the staff directory is empty.
  { op: "setupAdministrator", actor: "jana", input: {} },
  { op: "setStaff", actor: "jana", input: actors.marta },
  { op: "setStaff", actor: "jana", input: actors.eva },
  { op: "setStaff", actor: "jana", input: actors.ola },
  { op: "setStaff", actor: "jana", input: actors.ana },
  { op: "setStaff", actor: "jana", input: actors.petr },
  {
    op: "setStaff",
    actor: "jana",
    input: { id: "marta", grants: [{ role: "administrator", services: ["club"] }] },
    refused: "InvalidCommand"
  },
  { op: "registerOrganisation", actor: "jana", input: { id: "ostrov", name: "Ostrov" } },
  {
    op: "registerService",
    actor: "jana",
    input: {
      id: "club",
      organisationId: "ostrov",
      type: "low-threshold-club",
      name: "Klub Ostrov",
      targetGroup: { description: "young people", ageRange: { min: 12, max: 20 } },
      localities: [],
      principles: [
        "voluntariness",
        "low-threshold",
        "confidentiality",
        "anonymity",
        "independence",
        "respect-for-uniqueness",
        "equality"
      ],
      freeOfCharge: true,
      firstContactChannels: ["walk-in"],
      registeredAt: at(1)
    }
  },
  {
    op: "registerLocation",
    actor: "jana",
    input: { id: "premises", organisationId: "ostrov", name: "Klub", kind: "club-premises", confidential: false }
  },
  // A project of the organisation and its funder: contacts, activities and volunteer hours link to it.
  {
    op: "registerProgram",
    actor: "marta",
    input: { id: "summer-2026", organisationId: "ostrov", name: "Summer in the club 2026" }
  },
  {
    op: "registerFunding",
    actor: "marta",
    input: {
      id: "summer-city",
      organisationId: "ostrov",
      programId: "summer-2026",
      source: "City of Brno",
      kind: "municipal-budget"
    }
  },
  { op: "registerPerson", actor: "eva", input: kuba },
  { op: "findPeople", actor: "eva", input: { serviceId: "club", nickname: "kuba " } },
  { op: "recordNeed", actor: "eva", input: { personId: "kuba", need: "housing", source: "person" } },
  { op: "recordContact", actor: "eva", input: { ...contact, id: "contact-1" } },
  { op: "assessEligibility", actor: "eva", input: { serviceId: "club", personId: "kuba" } },
  {
    op: "startCooperation",
    actor: "eva",
    input: { id: "coop-1", serviceId: "club", personId: "kuba", startedAt: at(3) }
  },
  {
    op: "giveConsent",
    actor: "eva",
    input: {
      id: "consent-school",
      personId: "kuba",
      serviceId: "club",
      purpose: "disclosure",
      grantee: school,
      validFrom: at(3),
      givenAt: at(3),
      form: "verbal"
    }
  },
  // Sharing a person with another service needs their sharing consent naming it (a disclosure consent is not one).
  {
    op: "sharePerson",
    actor: "eva",
    input: { personId: "kuba", serviceId: "debt-advice", consentId: "consent-school" },
    refused: "InvalidCommand"
  },
  {
    op: "disclose",
    actor: "eva",
    input: {
      personId: "kuba",
      serviceId: "club",
      recipient: school,
      purpose: "disclosure",
      at: at(4),
      basis: { _tag: "Consent", consentId: "consent-school" },
      summary: "Attendance confirmed."
    }
  },
  { op: "withdrawConsent", actor: "eva", input: { consentId: "consent-school" } },
  {
    op: "giveConsent",
    actor: "eva",
    input: {
      id: "consent-referral",
      personId: "kuba",
      serviceId: "club",
      purpose: "referral",
      grantee: debtAdvice,
      validFrom: at(3),
      givenAt: at(3),
      form: "written"
    }
  },
  {
    op: "refer",
    actor: "eva",
    input: {
      id: "referral-1",
      personId: "kuba",
      fromServiceId: "club",
      to: debtAdvice,
      purpose: "debt-advice",
      consentId: "consent-referral",
      history: [{ status: "requested", at: at(4) }]
    }
  },
  { op: "updateReferral", actor: "eva", input: { referralId: "referral-1", status: "accepted" } },
  {
    op: "registerService",
    actor: "jana",
    input: {
      id: "debt",
      organisationId: "ostrov",
      type: "debt-counselling",
      name: "Dluhová poradna Ostrov",
      targetGroup: { description: "adults in debt", ageRange: { min: 18, max: 120 } },
      localities: [],
      principles: [
        "confidentiality",
        "voluntariness",
        "individual-approach",
        "equality",
        "empowerment",
        "active-cooperation",
        "free-of-charge"
      ],
      freeOfCharge: true,
      firstContactChannels: ["own-initiative"],
      registeredAt: at(1)
    }
  },
  {
    op: "refer",
    actor: "eva",
    input: {
      id: "referral-2",
      personId: "kuba",
      fromServiceId: "club",
      to: debtAdvice,
      toServiceId: "debt",
      purpose: "debt-advice",
      consentId: "consent-referral",
      history: [{ status: "requested", at: at(4) }]
    }
  },
  { op: "answerReferral", actor: "petr", input: { referralId: "referral-2", status: "accepted" } },
  { op: "getReferral", actor: "eva", input: "referral-2" },
  {
    op: "createPlan",
    actor: "eva",
    input: {
      id: "plan-1",
      personId: "kuba",
      serviceId: "club",
      createdAt: at(5),
      reviews: [],
      goals: [{
        id: "g1",
        inPersonsWords: "Finish the school year.",
        status: "open",
        steps: [{ id: "s1", description: "I will talk to my teacher.", takenBy: "person" }]
      }]
    }
  },
  {
    op: "addGoal",
    actor: "eva",
    input: { planId: "plan-1", goal: { id: "g2", inPersonsWords: "Find a summer job.", status: "open", steps: [] } }
  },
  {
    op: "addPlanStep",
    actor: "eva",
    input: { planId: "plan-1", goalId: "g2", step: { id: "s2", description: "I will write a CV.", takenBy: "person" } }
  },
  {
    op: "reviewPlan",
    actor: "eva",
    input: { planId: "plan-1", review: { at: at(6), workers: ["eva"], personParticipated: true } }
  },
  {
    op: "setGoalStatus",
    actor: "eva",
    input: { planId: "plan-1", goalId: "g1", status: "achieved", personParticipated: true }
  },
  {
    op: "completeStep",
    actor: "eva",
    input: { planId: "plan-1", stepId: "s2", doneBy: "person", doneAt: at(6) }
  },
  {
    op: "addPlanStep",
    actor: "eva",
    input: { planId: "plan-1", goalId: "g2", step: { id: "s3", description: "Ask at the pool.", takenBy: "together" } }
  },
  {
    op: "editStep",
    actor: "eva",
    input: { planId: "plan-1", stepId: "s3", changes: { description: "Ask at the pool and the cinema." } }
  },
  {
    op: "editGoal",
    actor: "eva",
    input: { planId: "plan-1", goalId: "g2", changes: { inPersonsWords: "Find a summer job near home." } }
  },
  {
    op: "abandonStep",
    actor: "eva",
    input: { planId: "plan-1", stepId: "s3" }
  },
  {
    op: "closePlan",
    actor: "eva",
    input: { planId: "plan-1", personParticipated: true }
  },
  {
    op: "recordOutcome",
    actor: "eva",
    input: {
      personId: "kuba",
      serviceId: "club",
      indicator: "safe-space",
      at: at(7),
      value: { _tag: "YesNo", value: true },
      personParticipated: true
    }
  },
  // The club's rules derive outcomes from Kuba's history; each is stored marked `derivedBy` its rule.
  { op: "deriveOutcomes", actor: "eva", input: { serviceId: "club", personId: "kuba" } },
  {
    op: "recordActivity",
    actor: "ana",
    input: {
      id: "football",
      serviceId: "club",
      kind: "group-session",
      title: "Football",
      startsAt: at(7, 16),
      audience: "youth",
      forExternalStaff: false,
      attendees: [],
      anonymousAttendance: 5,
      programId: "summer-2026"
    }
  },
  {
    op: "recordAttendance",
    actor: "ana",
    input: { activityId: "football", attendees: ["kuba"], anonymousAttendance: 2 }
  },
  {
    op: "registerVolunteer",
    actor: "marta",
    input: {
      id: "ana",
      organisationId: "ostrov",
      displayName: "Ana",
      kind: "volunteer",
      ageGroup: "youth",
      since: at(1),
      skills: []
    }
  },
  // Ana's entry now links her volunteer record: she records only her own hours.
  { op: "setStaff", actor: "jana", input: { ...actors.ana, volunteerId: "ana" } },
  { op: "listStaff", actor: "jana", input: undefined },
  {
    op: "recordVolunteerHours",
    actor: "ana",
    input: { volunteerId: "ana", serviceId: "club", activityId: "football", on: at(7), hours: 2.5 }
  },
  {
    op: "correctContact",
    actor: "eva",
    input: { id: "contact-1", changes: { durationMinutes: 50, note: "Talked about school." } }
  },
  { op: "correctPerson", actor: "eva", input: { id: "kuba", changes: { ageBand: "18-20" } } },
  { op: "correctActivity", actor: "ana", input: { id: "football", changes: { anonymousAttendance: 8 } } },
  { op: "correctLocation", actor: "marta", input: { id: "premises", changes: { municipality: "Praha 4" } } },
  { op: "correctService", actor: "marta", input: { id: "club", changes: { name: "Klub Ostrov Praha" } } },
  // An organisation declares a reporting period after it was registered (no two may share a month).
  {
    op: "correctOrganisation",
    actor: "jana",
    input: { id: "ostrov", changes: { reportingPeriods: [{ id: "school-2025", from: "2025-09", to: "2026-06" }] } }
  },
  { op: "recordChanges", actor: "marta", input: { kind: "contact", id: "contact-1" } },
  { op: "voidRecord", actor: "marta", input: { kind: "contact", id: "contact-1", reason: "duplicate" } },
  {
    op: "chargeFee",
    actor: "eva",
    input: { serviceId: "club", amountMinor: 2000, currency: "CZK" },
    refused: "CommandRefused"
  },
  { op: "endCooperation", actor: "eva", input: { cooperationId: "coop-1" } },
  {
    op: "batch",
    actor: "eva",
    input: [
      { op: "recordContact", input: { ...contact, participants: [], anonymousCount: 3, at: at(8, 20) } },
      { op: "recordContact", input: { ...contact, anonymousCount: 0, at: at(8, 21), mode: "individual" } }
    ]
  },
  { op: "getPerson", actor: "eva", input: "kuba" },
  { op: "personHistory", actor: "eva", input: "kuba" },
  { op: "exportPerson", actor: "marta", input: "kuba" },
  // Lists: a page at a time; hand `next` back as `cursor` for the page after.
  { op: "listPeople", actor: "eva", input: { serviceId: "club" } },
  // With `count: true`: the whole period's records, distinct people and anonymous people (`counts`).
  { op: "listContacts", actor: "eva", input: { serviceId: "club", period: "2026-03", limit: 20, count: true } },
  { op: "listContacts", actor: "eva", input: { serviceId: "club", limit: 1000 }, refused: "InvalidInput" },
  { op: "listActivities", actor: "ana", input: { serviceId: "club", from: "2026-03-01", to: "2026-04-01" } },
  { op: "listOpenPlans", actor: "eva", input: { serviceId: "club", personId: "kuba" } },
  { op: "listOpenReferrals", actor: "eva", input: { serviceId: "club", personId: "kuba" } },
  // The receiving side: the open referrals made to the debt service, which it answers.
  { op: "listOpenReferrals", actor: "petr", input: { serviceId: "debt", direction: "received" } },
  { op: "listConsentsInForce", actor: "eva", input: { serviceId: "club", personId: "kuba" } },
  { op: "listVolunteers", actor: "marta", input: { serviceId: "club" } },
  {
    op: "report",
    actor: "marta",
    input: { reportId: "contacts-by-intervention", serviceId: "club", period: "2026-03" }
  },
  {
    op: "publishReport",
    actor: "marta",
    input: {
      reportId: "contacts-by-intervention",
      serviceId: "club",
      recipient: { kind: "authority", name: "Praha 4" }
    }
  },
  {
    op: "changeIdentityLevel",
    actor: "eva",
    input: {
      person: {
        _tag: "anonymous",
        id: "kuba",
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "not-stated",
        needs: ["housing"],
        registeredAt: at(2)
      }
    }
  },
  { op: "erasePerson", actor: "marta", input: "kuba" },
  { op: "auditLog", actor: "ola", input: { fromSeq: 1, limit: 100 } },
  { op: "verifyAudit", actor: "ola", input: undefined }
]

/** The example as TypeScript (JSON with bare keys). */
export const render = (e: Example): string => {
  const input = e.input === undefined
    ? "undefined"
    : JSON.stringify(e.input, null, 2).replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, "$1:")
  return `yield* pomoc.${e.op}(${e.actor}, ${input})` + (e.refused !== undefined ? ` // fails: ${e.refused}` : "")
}

const scopeText: Record<string, string> = { "own-services": "own services", organisation: "organisation" }

const who = (tag: string): string => {
  const row = (Access.matrix as Readonly<Record<string, Readonly<Record<string, string>>>>)[tag]
  if (row === undefined) return "nobody"
  const cells = Object.entries(row).filter(([, scope]) => scope !== "none").map(([role, scope]) =>
    `${role} (${scopeText[scope] ?? scope})`
  )
  return cells.length === 0 ? "nobody" : cells.join(", ")
}

const principlesOf = (tag: string): string => {
  const rules = registry.engine.rules.filter((r) =>
    r.appliesTo === "*" ? !r.except.includes(tag as never) : (r.appliesTo as ReadonlyArray<string>).includes(tag)
  )
  const principles = [...new Set(rules.map((r) => r.principle.id))].sort()
  return principles.length === 0 ? "none (nothing is decided)" : principles.map((p) => `\`${p}\``).join(", ")
}

const subjectText = (op: (typeof Casework.operations)[keyof typeof Casework.operations]): string => {
  switch (op.subject._tag) {
    case "Organisation":
      return "the organisation"
    case "Setup":
      return "the organisation, only while the staff directory is empty"
    case "Anywhere":
      return "the organisation (allowed to roles with it in any one of their services)"
    case "New":
      return op.subject.loadService
        ? "a new record in the service its input names"
        : "the service its input names (organisation-wide when none)"
    case "Existing":
      if (op.subject.mappingOf !== undefined) {
        return "an existing record of the kind its input names, by id (outside the actor's services: `NotFound`, as for an unknown id)"
      }
      return `an existing ${op.subject.mapping.kind} by id (outside the actor's services: \`NotFound\`, as for an unknown id)`
  }
}

/** Corrections are judged as the command that records the corrected record. */
const judgedAs: Partial<Record<keyof Casework.Operations, string>> = {
  correctContact: "RecordContact",
  correctPerson: "RegisterPerson",
  correctActivity: "RecordActivity",
  correctLocation: "RegisterLocation",
  correctService: "RegisterService",
  correctOrganisation: "RegisterOrganisation"
}

/** What can go wrong besides bad input and access (hand-kept: the checks are code). */
const invalid: Partial<Record<keyof Casework.Operations, string>> = {
  registerService:
    "`type` no plugin defines; a first-contact channel outside the type's taxonomy; a locality's channels for a locality the service does not serve (or listed twice) or outside its channels; unknown organisation (`NotFound`)",
  registerLocation: "unknown organisation (`NotFound`)",
  registerVolunteer: "unknown organisation (`NotFound`)",
  changeIdentityLevel:
    "`person.serviceId` differs from the person's service; `person.sharedWith` changed (only `sharePerson` shares)",
  recordContact:
    "channel, interventions or first-contact channel outside the type's taxonomy; a first contact at a locality through a channel not chosen there; a participant not known to the service; `workers` without the actor; a programme not of the service's organisation (`programId`)",
  assessEligibility: "a person not known to the service (`personId`)",
  startCooperation: "a person not known to the service; one who already cooperates (`personId`)",
  endCooperation: "a cooperation that has ended (`cooperationId`)",
  chargeFee: "a person not known to the service",
  giveConsent: "a person not known to the service; `recordedBy` other than the actor",
  disclose: "a person not known to the service; `disclosedBy` or a legal duty's `decidedBy` other than the actor",
  refer:
    "a person not known to the service; a history other than one `requested` event; `history[0].by` or `legalDuty.decidedBy` other than the actor; an unknown legal ground (`legalDuty.legalGround`); an unknown `toServiceId` (`NotFound`)",
  updateReferral:
    "a status the referral cannot move to (`status`); rejected or revoked without a `reason`; any status but `revoked` for a referral to a service of the organisation (`status`)",
  answerReferral:
    "a referral to another organisation (`referralId`); a status the referral cannot move to (`status`); rejected without a `reason`",
  createPlan:
    "a person not known to the service; a goal indicator outside the type's (`goals[i].indicator`); a `closedAt` (a new plan is open)",
  addGoal: "a goal id the plan has (`goalId`); a closed plan (`planId`)",
  addPlanStep: "a goal the plan does not have (`goalId`); a closed plan (`planId`)",
  setGoalStatus: "a goal the plan does not have (`goalId`); a closed plan (`planId`)",
  reviewPlan: "`review.workers` without the actor; a closed plan (`planId`)",
  completeStep:
    "a step the plan does not have, one already done or abandoned (`stepId`); a `doneAt` in the future; a closed plan (`planId`)",
  editStep:
    "no field to change (`changes`); a step the plan does not have, one done or abandoned (`stepId`); a closed plan (`planId`)",
  abandonStep: "a step the plan does not have, one done or abandoned (`stepId`); a closed plan (`planId`)",
  editGoal:
    "no field to change (`changes`); a goal the plan does not have (`goalId`); an indicator outside the type's (`changes.indicator`); a closed plan (`planId`)",
  closePlan: "a closed plan (`planId`)",
  recordOutcome:
    "a person not known to the service; an indicator outside the type's (`indicator`); a value off its scale (`value`); `recordedBy` other than the actor; a `derivedBy` (only `deriveOutcomes` derives)",
  deriveOutcomes: "a person not known to the service (`personId`); an `asOf` in the future",
  recordActivity:
    "an attendee not known to the service (`attendees[i]`); a programme not of the service's organisation (`programId`)",
  registerProgram: "unknown organisation (`NotFound`)",
  registerFunding: "a programme not of the same organisation (`programId`)",
  recordAttendance: "an attendee not known to the service (`attendees[i]`)",
  recordVolunteerHours:
    "unknown volunteer or activity (`NotFound`); a volunteer recording another volunteer's hours (`volunteerId`); a programme not of the service's organisation (`programId`)",
  sharePerson:
    "not the person's sharing consent in force now naming the service (`consentId`); the person's own service or another organisation's (`serviceId`)",
  registerPerson: "a non-empty `sharedWith` (sharing comes after, through `sharePerson`)",
  setStaff:
    "an administrator or auditor grant scoped to some services (`grants[i].services`); the last administrator removed (`grants`); unknown volunteer (`NotFound`)",
  correctContact: "as `recordContact`, for the corrected contact",
  correctPerson: "as `registerPerson`, for the corrected person",
  correctActivity: "as `recordActivity`, for the corrected activity",
  correctService: "as `registerService`, for the corrected service",
  correctOrganisation: "two reporting periods sharing a month, or one ending before it starts (`reportingPeriods`)",
  report: "no registered report with the id (`reportId`)",
  publishReport: "no registered report with the id (`reportId`)"
}

/** The generated section: one entry per operation of the table, then `batch`. */
export const renderOperations = (): string => {
  const sections: Array<string> = []
  for (
    const [name, op] of Object.entries(Casework.operations) as Array<
      [keyof Casework.Operations, (typeof Casework.operations)[keyof typeof Casework.operations]]
    >
  ) {
    const example = examples.find((e) => e.op === name)
    const errors = [
      "`InvalidInput`",
      "`AccessDenied`",
      ...(op.subject._tag === "Existing" || (op.subject._tag === "New" && op.subject.loadService)
        ? ["`NotFound`"]
        : []),
      ...(invalid[name] !== undefined ? [`\`InvalidCommand\`: ${invalid[name]}`] : []),
      ...(op.kind === "write" ? ["`CommandRefused`"] : []),
      "`StoreError`"
    ]
    sections.push([
      `### \`${name}\``,
      "",
      `${op.summary[0]!.toUpperCase()}${op.summary.slice(1)}. Tag \`${op.tag}\` (${op.kind}).`,
      "",
      `- **Input:** ${describeInput(name)}.`,
      `- **Subject:** ${subjectText(op)}.`,
      `- **Who:** ${who(op.tag)}.`,
      `- **Principles:** ${
        judgedAs[name] !== undefined
          ? `judged as \`${judgedAs[name]}\`: ${principlesOf(judgedAs[name])}`
          : op.kind === "write" || op.tag === "AssessEligibility"
          ? principlesOf(op.tag)
          : "none (a read)"
      }.`,
      `- **Errors:** ${errors.join("; ")}.`,
      "",
      "```ts",
      example === undefined ? "" : render(example),
      "```"
    ].join("\n"))
  }
  const batch = examples.find((e) => e.op === "batch")!
  sections.push([
    "### `batch`",
    "",
    "Many writes as one unit of work: each `{ op, input }` goes through the same pipeline and principles,",
    "later ones seeing earlier ones' writes; all are committed in one store commit, each with its audit",
    "entry, or none. Errors: `BatchRefused` with the failing command's `index`, `operation` and `error`.",
    "A third argument changes how it runs: `{ dryRun: true }` takes every command through the whole road",
    "and stores nothing (no record, no audit entry); `{ allRefusals: true }` tries every command and lists",
    "the other refused ones in `later`; `onPlanned(index)` is called after each command is planned.",
    "",
    "```ts",
    render(batch),
    "```"
  ].join("\n"))
  return sections.join("\n\n")
}
