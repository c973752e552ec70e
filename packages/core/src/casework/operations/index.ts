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
import * as Directory from "./directory.js"
import * as Outcomes from "./outcomes.js"
import * as People from "./people.js"
import * as Plans from "./plans.js"
import * as Reads from "./reads.js"
import * as Referrals from "./referrals.js"
import * as Reports from "./reports.js"

/**
 * Every operation of the case-work API, by method name.
 * @since 0.2.0
 * @category operations
 */
export const operations = {
  registerOrganisation: Directory.registerOrganisation,
  registerService: Directory.registerService,
  registerLocation: Directory.registerLocation,
  registerPerson: People.registerPerson,
  changeIdentityLevel: People.changeIdentityLevel,
  recordNeed: People.recordNeed,
  erasePerson: People.erasePerson,
  recordContact: Contacts.recordContact,
  assessEligibility: Cooperation.assessEligibility,
  startCooperation: Cooperation.startCooperation,
  endCooperation: Cooperation.endCooperation,
  chargeFee: Cooperation.chargeFee,
  giveConsent: ConsentAndDisclosure.giveConsent,
  withdrawConsent: ConsentAndDisclosure.withdrawConsent,
  disclose: ConsentAndDisclosure.disclose,
  refer: Referrals.refer,
  updateReferral: Referrals.updateReferral,
  createPlan: Plans.createPlan,
  addGoal: Plans.addGoal,
  addPlanStep: Plans.addPlanStep,
  setGoalStatus: Plans.setGoalStatus,
  reviewPlan: Plans.reviewPlan,
  recordOutcome: Outcomes.recordOutcome,
  recordActivity: ActivitiesAndVolunteers.recordActivity,
  recordAttendance: ActivitiesAndVolunteers.recordAttendance,
  registerVolunteer: ActivitiesAndVolunteers.registerVolunteer,
  recordVolunteerHours: ActivitiesAndVolunteers.recordVolunteerHours,
  getPerson: Reads.getPerson,
  personHistory: Reads.personHistory,
  exportPerson: Reads.exportPerson,
  report: Reports.report,
  publishReport: Reports.publishReport,
  auditLog: Audit.auditLog,
  verifyAudit: Audit.verifyAudit
} as const

/**
 * The type of the operations table.
 * @since 0.2.0
 * @category models
 */
export type Operations = typeof operations

export { ActivitiesAndVolunteers, Audit, ConsentAndDisclosure, Contacts, Cooperation, Directory, Outcomes, People, Plans, Reads, Referrals, Reports }
