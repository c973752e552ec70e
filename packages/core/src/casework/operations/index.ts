/**
 * The operations table: every case-work operation, by the name of its method, gathered from the
 * modules of each concern. The API, the Promise client, the access matrix's write rows and the
 * list of command tags are derived from it.
 *
 * @since 0.2.0
 */
import * as ActivitiesAndVolunteers from "./activities-and-volunteers.js"
import * as Audit from "./audit.js"
import * as ConsentAndDisclosure from "./consent-and-disclosure.js"
import * as Contacts from "./contacts.js"
import * as Cooperation from "./cooperation.js"
import * as Corrections from "./corrections.js"
import * as Directory from "./directory.js"
import * as Find from "./find.js"
import * as Lists from "./lists.js"
import * as Outcomes from "./outcomes.js"
import * as People from "./people.js"
import * as PlanSteps from "./plan-steps.js"
import * as Plans from "./plans.js"
import * as Reads from "./reads.js"
import * as Referrals from "./referrals.js"
import * as Reports from "./reports.js"
import * as Staff from "./staff.js"

/**
 * Every operation of the case-work API, by method name.
 * @since 0.2.0
 * @category operations
 */
export const operations = {
  /** Register an organisation (administrators). */
  registerOrganisation: Directory.registerOrganisation,
  /** Register a service of a registered service type. */
  registerService: Directory.registerService,
  /** Register a location of the organisation. */
  registerLocation: Directory.registerLocation,
  /** Register a programme (project) of the organisation that records of work link to (`programId`). */
  registerProgram: Directory.registerProgram,
  /** Register a funding source of a programme. */
  registerFunding: Directory.registerFunding,
  /** Register a person at any identity level. */
  registerPerson: People.registerPerson,
  /** Raise or lower a person's identity level: `{ person }`. */
  changeIdentityLevel: People.changeIdentityLevel,
  /** Share a person with another service, on their sharing consent: `{ personId, serviceId, consentId }`. */
  sharePerson: People.sharePerson,
  /** Record a need of a person: `{ personId, need, source }`. */
  recordNeed: People.recordNeed,
  /** Erase a person (a person id): identity gone everywhere, counts kept. */
  erasePerson: People.erasePerson,
  /** Find people of a service again by nickname or code: `{ serviceId, nickname?, code?, ... }`. */
  findPeople: Find.findPeople,
  /** Record a contact and its interventions. */
  recordContact: Contacts.recordContact,
  /** Is a person of the service eligible for it? `{ serviceId, personId }`; an answer, nothing stored. */
  assessEligibility: Cooperation.assessEligibility,
  /** Start a cooperation (plus `compelled`, which must stay false). */
  startCooperation: Cooperation.startCooperation,
  /** End a cooperation: `{ cooperationId, endedBy?, reason? }`; always allowed. */
  endCooperation: Cooperation.endCooperation,
  /** Charge a fee: `{ serviceId, personId?, amountMinor, currency }`; refused for a free service. */
  chargeFee: Cooperation.chargeFee,
  /** Record a consent the person gave. */
  giveConsent: ConsentAndDisclosure.giveConsent,
  /** Withdraw a consent: `{ consentId }`; always allowed, idempotent, audited. */
  withdrawConsent: ConsentAndDisclosure.withdrawConsent,
  /** Share something about a person outside the service, on a consent or a legal duty. */
  disclose: ConsentAndDisclosure.disclose,
  /** Refer a person elsewhere, on their consent. */
  refer: Referrals.refer,
  /** The referring service moves a referral on: `{ referralId, status, reason? }`. */
  updateReferral: Referrals.updateReferral,
  /** The receiving service answers a referral made to it: `{ referralId, status, reason? }`. */
  answerReferral: Referrals.answerReferral,
  /** Read a referral and its status (a referral id): both sides. */
  getReferral: Referrals.getReferral,
  /** Create an individual plan. */
  createPlan: Plans.createPlan,
  /** Add a goal to a plan: `{ planId, goal }`. */
  addGoal: Plans.addGoal,
  /** Add a step to a goal: `{ planId, goalId, step }`. */
  addPlanStep: Plans.addPlanStep,
  /** Set a goal's status: `{ planId, goalId, status, personParticipated }`. */
  setGoalStatus: Plans.setGoalStatus,
  /** Record a plan review: `{ planId, review }`. */
  reviewPlan: Plans.reviewPlan,
  /** Mark a plan step done: `{ planId, stepId, doneBy, doneAt? }`. */
  completeStep: PlanSteps.completeStep,
  /** Edit an open plan step: `{ planId, stepId, changes: { description?, takenBy?, due? } }`. */
  editStep: PlanSteps.editStep,
  /** Abandon an open plan step: `{ planId, stepId }`. */
  abandonStep: PlanSteps.abandonStep,
  /** Edit a goal: `{ planId, goalId, changes: { inPersonsWords?, indicator? } }`. */
  editGoal: PlanSteps.editGoal,
  /** Close a plan: `{ planId, personParticipated }`; a closed plan takes no more changes. */
  closePlan: PlanSteps.closePlan,
  /** Record an outcome measurement. */
  recordOutcome: Outcomes.recordOutcome,
  /** Derive outcomes from history by the service type's rules: `{ serviceId, personId?, asOf? }`. */
  deriveOutcomes: Outcomes.deriveOutcomes,
  /** Record a group activity. */
  recordActivity: ActivitiesAndVolunteers.recordActivity,
  /** Record attendance: `{ activityId, attendees, anonymousAttendance }`. */
  recordAttendance: ActivitiesAndVolunteers.recordAttendance,
  /** Register a volunteer or intern. */
  registerVolunteer: ActivitiesAndVolunteers.registerVolunteer,
  /** Record a volunteer's hours. */
  recordVolunteerHours: ActivitiesAndVolunteers.recordVolunteerHours,
  /** Correct a contact: `{ id, changes }`; judged as `RecordContact`, its change history kept. */
  correctContact: Corrections.correctContact,
  /** Correct a person's non-identity fields: `{ id, changes }`; judged as `RegisterPerson`. */
  correctPerson: Corrections.correctPerson,
  /** Correct an activity and its attendance: `{ id, changes }`; judged as `RecordActivity`. */
  correctActivity: Corrections.correctActivity,
  /** Correct a location: `{ id, changes }`; judged as `RegisterLocation`. */
  correctLocation: Corrections.correctLocation,
  /** Correct a service's settings: `{ id, changes }`; judged as `RegisterService`. */
  correctService: Corrections.correctService,
  /** Correct the organisation (its name, its declared reporting periods), administrators only. */
  correctOrganisation: Corrections.correctOrganisation,
  /** Void a record entered by mistake: `{ kind, id, reason }`. */
  voidRecord: Corrections.voidRecord,
  /** A record's change history: `{ kind, id }` (coordinators). */
  recordChanges: Corrections.recordChanges,
  /** Read a person (a person id); identified people's reads are audited. */
  getPerson: Reads.getPerson,
  /** A person's history as the actor may see it (a person id). */
  personHistory: Reads.personHistory,
  /** The person's subject-access export, every service's records (a person id). */
  exportPerson: Reads.exportPerson,
  /** The people of a service, a page at a time: `{ serviceId, cursor?, limit? }`. */
  listPeople: Lists.listPeople,
  /** The contacts of a service in a period, a page at a time: `{ serviceId, from?, to?, period?, cursor?, limit? }`. */
  listContacts: Lists.listContacts,
  /** The activities of a service in a period, a page at a time: `{ serviceId, from?, to?, period?, cursor?, limit? }`. */
  listActivities: Lists.listActivities,
  /** A person's open plans with a service: `{ serviceId, personId, cursor?, limit? }`. */
  listOpenPlans: Lists.listOpenPlans,
  /** A person's open referrals from a service: `{ serviceId, personId, cursor?, limit? }`. */
  listOpenReferrals: Lists.listOpenReferrals,
  /** The consents in force in a service: `{ serviceId, personId?, cursor?, limit? }`. */
  listConsentsInForce: Lists.listConsentsInForce,
  /** The volunteers of a service, a page at a time: `{ serviceId, cursor?, limit? }`. */
  listVolunteers: Lists.listVolunteers,
  /** Run a report: `{ reportId, serviceId?, from?, to?, threshold? }`. */
  report: Reports.report,
  /** Publish a report outside the service: `{ reportId, serviceId, recipient, … }`. */
  publishReport: Reports.publishReport,
  /** Read the audit log: `{ fromSeq?, limit? }` or nothing. */
  auditLog: Audit.auditLog,
  /** Verify the audit chain: nothing, or `{ expected }` (a head kept outside the database). */
  verifyAudit: Audit.verifyAudit,
  /** Make the acting id the first administrator, once, while the staff directory is empty. */
  setupAdministrator: Staff.setupAdministrator,
  /** Set a staff member's grants and volunteer link: `{ id, grants, volunteerId? }` (administrators). */
  setStaff: Staff.setStaff,
  /** The staff directory (administrators). */
  listStaff: Staff.listStaff
} as const

/**
 * The type of the operations table.
 * @since 0.2.0
 * @category models
 */
export type Operations = typeof operations

export {
  ActivitiesAndVolunteers,
  Audit,
  ConsentAndDisclosure,
  Contacts,
  Cooperation,
  Corrections,
  Directory,
  Lists,
  Outcomes,
  People,
  Plans,
  PlanSteps,
  Reads,
  Referrals,
  Reports,
  Staff
}
