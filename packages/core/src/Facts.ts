/**
 * Facts: what a principle's rule may read about the situation of a command. The case-work API
 * gathers them from the store before it evaluates the rules; rules declare the paths they read
 * (e.g. `"person.identityLevel"`), so the engine can refuse a rule that reads a protected
 * attribute for an eligibility decision.
 *
 * Protected attributes (gender and the others of the equality principle) live under
 * `person.gender` and `person.protected`, so they can be named, checked and varied in tests.
 *
 * @since 0.1.0
 */
import type { DateTime } from "effect"
import type { Role } from "./model/Actor.js"
import type { AgeBand, AgeRange, Gender } from "./model/Common.js"
import type { Consent } from "./model/Consent.js"
import type { IdentityLevel } from "./model/Person.js"
import type { ReferralStatus } from "./model/Referral.js"

/**
 * The service a command concerns.
 * @since 0.1.0
 * @category models
 */
export interface ServiceFacts {
  readonly id: string
  /** The service type (plugin id), e.g. `low-threshold-club`. */
  readonly type: string
  /** The principles that bind the service. */
  readonly principles: ReadonlyArray<string>
  readonly freeOfCharge: boolean
  readonly ageRange?: AgeRange
  /** Does the service accept people without any identity (anonymous or nickname)? */
  readonly acceptsAnonymous: boolean
  /** Does the service's configuration demand identification before a contact? */
  readonly requiresIdentity: boolean
  /** Plugin-specific configuration (never personal data). */
  readonly config: Readonly<Record<string, string | number | boolean>>
}

/**
 * Attributes that the equality principle protects. Eligibility never reads them.
 * @since 0.1.0
 * @category models
 */
export interface ProtectedFacts {
  readonly sex?: string
  readonly race?: string
  readonly colour?: string
  readonly ethnicity?: string
  readonly language?: string
  readonly faith?: string
  readonly politicalOpinion?: string
  readonly nationalOrigin?: string
  readonly socialOrigin?: string
  readonly minority?: string
  readonly property?: string
  readonly birth?: string
  /** Marital or family status ("rodinný stav", named by the debt-counselling seed's equal access). */
  readonly maritalStatus?: string
  readonly otherStatus?: string
}

/**
 * The person a command concerns (never names or contact details).
 * @since 0.1.0
 * @category models
 */
export interface PersonFacts {
  readonly id: string
  readonly identityLevel: IdentityLevel
  readonly ageBand: AgeBand
  readonly gender: Gender
  /** Needs recorded for this person. */
  readonly needs: ReadonlyArray<string>
  readonly protected: ProtectedFacts
  /** Plugin-specific, non-protected situation facts (e.g. `hasDebts`, `inCare`). */
  readonly situation: Readonly<Record<string, string | number | boolean>>
}

/**
 * The person's cooperation with the service.
 * @since 0.1.0
 * @category models
 */
export interface CooperationFacts {
  readonly active: boolean
  readonly startedAt: DateTime.Utc
  /** Whole months since the cooperation started. */
  readonly months: number
}

/**
 * Progress of the person's individual plan.
 * @since 0.1.0
 * @category models
 */
export interface PlanFacts {
  readonly goals: number
  readonly achievedGoals: number
  readonly stepsByPerson: number
  readonly stepsDone: number
  /** When a step was last done or a goal achieved; absent when never. */
  readonly lastProgressAt?: DateTime.Utc
}

/**
 * Everything a rule may read. Optional parts are present when the command concerns them.
 * @since 0.1.0
 * @category models
 */
export interface Facts {
  readonly now: DateTime.Utc
  readonly actor: { readonly id: string; readonly role: Role }
  readonly service: ServiceFacts
  readonly person?: PersonFacts
  /** The person's consents (all, including withdrawn and expired ones). */
  readonly consents: ReadonlyArray<Consent>
  readonly cooperation?: CooperationFacts
  readonly plan?: PlanFacts
  /** For referral updates: the referral's current status. */
  readonly referralStatus?: ReferralStatus
}
