import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import type { Command } from "../../../src/Command.js"
import type { Facts } from "../../../src/Facts.js"
import type { AgeBand } from "../../../src/model/Common.js"
import * as Builtin from "../../../src/principles/builtin/index.js"
import { Decision, Rule, type Verdict } from "../../../src/principles/index.js"
import {
  authority,
  changeIdentity,
  club,
  consent,
  createPlan,
  debtCounselling,
  disclose,
  endCooperation,
  facts,
  goal,
  party,
  personId,
  planId,
  recordContact,
  recordOutcome,
  refer,
  registerPerson,
  registerService,
  serviceId,
  startCooperation,
  step,
  withdrawConsent
} from "./fixtures.js"

/** Runs one rule through `traceReads`: the rule must read only what it declared. */
const run = (rule: Rule.Rule<Command, Facts>, command: Command, f: Facts): Verdict.Verdict => {
  expect(Rule.appliesTo(rule as Rule.Rule<Rule.AnyCommand, never>, command._tag)).toBe(true)
  const trace = Rule.traceReads(rule, command, f)
  expect(trace.undeclared).toEqual([])
  expect(rule.check(command, f, rule.verdict)).toEqual(trace.verdict)
  return trace.verdict
}

const denied = (verdict: Verdict.Verdict, messageKey: string) => {
  expect(verdict._tag).toBe("Deny")
  if (verdict._tag === "Deny") {
    expect(verdict.violation.messageKey).toBe(messageKey)
    expect(Builtin.coreMessages[messageKey]).toBeDefined()
  }
}
const warned = (verdict: Verdict.Verdict, messageKey: string) => {
  expect(verdict).toMatchObject({ _tag: "Warn", messageKey })
  expect(Builtin.coreMessages[messageKey]).toBeDefined()
}
const required = (verdict: Verdict.Verdict, purpose: string, messageKey: string) => {
  expect(verdict).toMatchObject({ _tag: "Require", messageKey, requirement: { kind: "consent", purpose } })
  expect(Builtin.coreMessages[messageKey]).toBeDefined()
}
const allowed = (verdict: Verdict.Verdict) => expect(verdict._tag).toBe("Allow")

describe("low threshold", () => {
  const { identificationNeedsConsent, identityNeverMandatory } = Builtin
  const configured = (requiresIdentity: boolean, acceptsAnonymous: boolean) =>
    facts({ service: { ...club, requiresIdentity, acceptsAnonymous } })

  it("denies registering a low-threshold service whose configuration makes identity mandatory", () => {
    const command = registerService({ principles: ["low-threshold"] })
    denied(run(identityNeverMandatory, command, configured(true, true)), "principles.lowThreshold.identityMandatory")
    denied(run(identityNeverMandatory, command, configured(false, false)), "principles.lowThreshold.identityMandatory")
    allowed(run(identityNeverMandatory, command, configured(false, true)))
  })

  it("lets a service that does not bind low threshold demand identity", () => {
    const command = registerService({ principles: ["confidentiality"] })
    allowed(run(identityNeverMandatory, command, facts({ service: { ...debtCounselling } })))
  })

  it("allows registering anonymous and pseudonymous people and anonymous contacts in a low-threshold club", () => {
    for (
      const command of [
        registerPerson("anonymous"),
        registerPerson("pseudonymous"),
        recordContact({ anonymousCount: 12 })
      ]
    ) {
      expect(Builtin.coreEngine.check(command, facts())).toBe(Decision.allowed)
    }
    allowed(run(identificationNeedsConsent, registerPerson("anonymous"), facts()))
    allowed(run(identificationNeedsConsent, registerPerson("pseudonymous"), facts()))
  })

  it("requires consent to identification before registering an identified person", () => {
    required(
      run(identificationNeedsConsent, registerPerson("identified"), facts()),
      "identification",
      "principles.lowThreshold.identificationConsent"
    )
    const given = facts({ consents: [consent({ purpose: "identification" })] })
    allowed(run(identificationNeedsConsent, registerPerson("identified"), given))
  })

  it("requires consent to identification before raising the identity level to identified", () => {
    required(
      run(identificationNeedsConsent, changeIdentity("pseudonymous", "identified"), facts()),
      "identification",
      "principles.lowThreshold.identificationConsent"
    )
    allowed(run(identificationNeedsConsent, changeIdentity("identified", "pseudonymous"), facts()))
    allowed(run(identificationNeedsConsent, changeIdentity("anonymous", "pseudonymous"), facts()))
  })

  it("does not count a withdrawn, expired, future, other person's or other purpose's consent", () => {
    const command = changeIdentity("anonymous", "identified")
    for (
      const c of [
        consent({ purpose: "identification", withdrawnAt: "2026-03-01T00:00:00.000Z" }),
        consent({ purpose: "identification", validUntil: "2026-05-01T00:00:00.000Z" }),
        consent({ purpose: "identification", validFrom: "2026-07-01T00:00:00.000Z" }),
        consent({ purpose: "identification", personId: "person-2" }),
        consent({ purpose: "referral" })
      ]
    ) {
      expect(run(identificationNeedsConsent, command, facts({ consents: [c] }))._tag).toBe("Require")
    }
  })

  it("does not require that consent in a service that does not bind low threshold", () => {
    allowed(run(identificationNeedsConsent, registerPerson("identified"), facts({ service: debtCounselling })))
  })
})

describe("voluntariness", () => {
  it("denies starting a cooperation recorded as compelled", () => {
    denied(run(Builtin.nobodyCompelled, startCooperation(true), facts()), "principles.voluntariness.compelled")
    allowed(run(Builtin.nobodyCompelled, startCooperation(false), facts()))
  })

  it("always allows ending cooperation, with or without a reason, and withdrawing consent", () => {
    for (const command of [endCooperation(), endCooperation("moved-away"), withdrawConsent]) {
      allowed(run(Builtin.leaveAnyTime, command, facts()))
      expect(Builtin.coreEngine.check(command, facts({ service: debtCounselling }))).toBe(Decision.allowed)
      const explanation = Builtin.coreEngine.explain(command, facts())
      expect(explanation.steps.map((s) => s.rule)).toContain("voluntariness/leave-any-time")
    }
  })
})

describe("independence", () => {
  const { longUseWithoutProgress } = Builtin

  const longFacts = (
    months: number,
    plan: "none" | "recent" | "stale" | "never",
    config: Facts["service"]["config"] = {}
  ): Facts => {
    const base = facts()
    const progress = plan === "recent"
      ? "2026-03-01T00:00:00.000Z"
      : plan === "stale"
      ? "2025-10-01T00:00:00.000Z"
      : undefined
    return facts({
      service: { ...club, config },
      cooperation: { active: true, startedAt: base.now, months },
      ...(plan === "none" ? {} : {
        plan: {
          goals: 1,
          achievedGoals: 0,
          stepsByPerson: 1,
          stepsDone: 0,
          ...(progress === undefined ? {} : { lastProgressAt: DateTime.makeUnsafe(progress) })
        }
      })
    })
  }

  it("warns when cooperation lasted over 12 months without a plan or without progress for 6 months", () => {
    for (const plan of ["none", "stale", "never"] as const) {
      warned(
        run(longUseWithoutProgress, recordContact(), longFacts(13, plan)),
        "principles.independence.longUseWithoutProgress"
      )
    }
  })

  it("does not warn with recent progress, a short cooperation, an ended one, or an unbound service", () => {
    allowed(run(longUseWithoutProgress, recordContact(), longFacts(13, "recent")))
    allowed(run(longUseWithoutProgress, recordContact(), longFacts(12, "none")))
    allowed(run(longUseWithoutProgress, recordContact(), facts()))
    const ended = { ...longFacts(40, "none"), cooperation: { active: false, startedAt: facts().now, months: 40 } }
    allowed(run(longUseWithoutProgress, recordOutcome(), ended))
    allowed(run(longUseWithoutProgress, recordContact(), { ...longFacts(40, "none"), service: debtCounselling }))
  })

  it("reads its thresholds from the service configuration", () => {
    allowed(run(longUseWithoutProgress, recordContact(), longFacts(13, "none", { independenceWarningMonths: 24 })))
    warned(
      run(longUseWithoutProgress, recordContact(), longFacts(7, "none", { independenceWarningMonths: 6 })),
      "principles.independence.longUseWithoutProgress"
    )
    // progress in March is more than 2 months before June
    warned(
      run(longUseWithoutProgress, recordContact(), longFacts(13, "recent", { independenceProgressMonths: 2 })),
      "principles.independence.longUseWithoutProgress"
    )
  })

  it("never denies: the engine still allows the command", () => {
    const decision = Builtin.coreEngine.check(recordContact(), longFacts(30, "none"))
    expect(decision).toMatchObject({ _tag: "Allowed", warnings: [{ rule: "independence/long-use-without-progress" }] })
  })
})

describe("confidentiality", () => {
  const { disclosureBasis, referralConsent } = Builtin
  const byConsent = disclose({ _tag: "Consent", consentId: "consent-1" })

  it("allows a disclosure on the basis of a valid consent for its purpose and recipient", () => {
    allowed(run(disclosureBasis, byConsent, facts({ consents: [consent({ purpose: "disclosure" })] })))
  })

  it("denies a disclosure without a valid consent", () => {
    for (
      const consents of [
        [],
        [consent({ purpose: "disclosure", id: "consent-2" })],
        [consent({ purpose: "referral" })],
        [consent({ purpose: "disclosure", grantee: authority })],
        [consent({ purpose: "disclosure", personId: "person-2" })],
        [consent({ purpose: "disclosure", withdrawnAt: "2026-05-01T00:00:00.000Z" })],
        [consent({ purpose: "disclosure", validUntil: "2026-05-01T00:00:00.000Z" })]
      ]
    ) {
      denied(run(disclosureBasis, byConsent, facts({ consents })), "principles.confidentiality.noValidConsent")
    }
  })

  it("judges the consent at the time of the disclosure, and refuses recording it once the consent is withdrawn", () => {
    const early = disclose({ _tag: "Consent", consentId: "consent-1" }, { at: "2026-04-01T00:00:00.000Z" })
    const withdrawnInMay = { consents: [consent({ purpose: "disclosure", withdrawnAt: "2026-05-01T00:00:00.000Z" })] }
    // Recorded in April, before the withdrawal: allowed.
    allowed(
      run(disclosureBasis, early, facts({ ...withdrawnInMay, now: DateTime.makeUnsafe("2026-04-15T00:00:00.000Z") }))
    )
    // Recorded after the withdrawal: a disclosure cannot be backdated past it.
    denied(
      run(disclosureBasis, early, facts({ ...withdrawnInMay, now: DateTime.makeUnsafe("2026-06-01T00:00:00.000Z") })),
      "principles.confidentiality.noValidConsent"
    )
  })

  it("marks a disclosure under a legal duty with a warning for the audit log", () => {
    const duty = disclose({ _tag: "LegalDuty", legalGround: "cz-359-1999-s10", decidedBy: "worker-2" }, {
      recipient: authority
    })
    const verdict = run(disclosureBasis, duty, facts())
    warned(verdict, Builtin.legalDutyExceptionKey)
    expect(Builtin.coreEngine.check(duty, facts())).toMatchObject({
      _tag: "Allowed",
      warnings: [{ messageKey: Builtin.legalDutyExceptionKey, principle: "confidentiality" }]
    })
  })

  it("denies a legal duty whose ground or deciding worker is blank", () => {
    // The schema already refuses blank texts; the rule does not rely on it.
    const duty = disclose({ _tag: "LegalDuty", legalGround: "cz-359-1999-s10", decidedBy: "worker-2" }, {
      recipient: authority
    })
    if (duty._tag !== "Disclose") throw new Error("fixture")
    const blank = {
      ...duty,
      disclosure: { ...duty.disclosure, basis: { _tag: "LegalDuty", legalGround: "  ", decidedBy: "worker-2" } }
    } as unknown as Command
    denied(run(disclosureBasis, blank, facts()), "principles.confidentiality.legalDutyIncomplete")
  })

  it("requires a referral consent covering the recipient", () => {
    required(run(referralConsent, refer(), facts()), "referral", "principles.confidentiality.referralConsent")
    required(
      run(referralConsent, refer(), facts({ consents: [consent({ purpose: "referral", grantee: authority })] })),
      "referral",
      "principles.confidentiality.referralConsent"
    )
    required(
      run(
        referralConsent,
        refer(),
        facts({ consents: [consent({ purpose: "referral", withdrawnAt: "2026-02-01T00:00:00.000Z" })] })
      ),
      "referral",
      "principles.confidentiality.referralConsent"
    )
    allowed(run(referralConsent, refer(party), facts({ consents: [consent({ purpose: "referral" })] })))
  })
})

describe("equality", () => {
  const { eligibilityByTargetAge } = Builtin
  const assess: Command = { _tag: "AssessEligibility", serviceId }
  const aged = (ageBand: AgeBand, service = club) => facts({ service, person: { ...facts().person!, ageBand } })

  it("allows a person whose age band is inside the target age range", () => {
    allowed(run(eligibilityByTargetAge, assess, aged("15-17")))
    allowed(run(eligibilityByTargetAge, assess, aged("27-64", debtCounselling)))
  })

  it("denies a person whose age band is outside it, and warns when it straddles the range", () => {
    denied(run(eligibilityByTargetAge, assess, aged("27-64")), "principles.equality.outsideTargetAge")
    denied(run(eligibilityByTargetAge, assess, aged("0-5")), "principles.equality.outsideTargetAge")
    denied(run(eligibilityByTargetAge, assess, aged("15-17", debtCounselling)), "principles.equality.outsideTargetAge")
    warned(
      run(eligibilityByTargetAge, assess, aged("6-10", { ...club, ageRange: { min: 8, max: 26 } })),
      "principles.equality.straddlesTargetAge"
    )
  })

  it("allows an unstated age, an unknown person, and a service without a target age", () => {
    allowed(run(eligibilityByTargetAge, assess, aged("not-stated")))
    const { person: _ignored, ...withoutPerson } = facts()
    allowed(run(eligibilityByTargetAge, assess, withoutPerson))
    const { ageRange: _none, ...openService } = club
    allowed(run(eligibilityByTargetAge, assess, aged("65+", openService)))
  })

  it("reads only the target age and the age band", () => {
    const trace = Rule.traceReads(eligibilityByTargetAge, assess, aged("15-17"))
    expect([...trace.reads].sort()).toEqual(["person.ageBand", "service.ageRange.max", "service.ageRange.min"])
    expect(trace.protectedReads).toEqual([])
  })
})

describe("individual approach", () => {
  it("allows a plan and an outcome for the one person the command concerns", () => {
    allowed(run(Builtin.planForOnePerson, createPlan(), facts()))
    allowed(run(Builtin.outcomeForOnePerson, recordOutcome(), facts()))
  })

  it("denies a plan or an outcome without a known person, or for someone else", () => {
    const { person: _ignored, ...withoutPerson } = facts()
    denied(run(Builtin.planForOnePerson, createPlan(), withoutPerson), "principles.individualApproach.planForOnePerson")
    denied(
      run(Builtin.planForOnePerson, createPlan({ personId: "person-2" }), facts()),
      "principles.individualApproach.planForOnePerson"
    )
    denied(
      run(Builtin.outcomeForOnePerson, recordOutcome(), withoutPerson),
      "principles.individualApproach.outcomeForOnePerson"
    )
    denied(
      run(Builtin.outcomeForOnePerson, recordOutcome({ personId: "person-2" }), facts()),
      "principles.individualApproach.outcomeForOnePerson"
    )
  })
})

describe("active cooperation and empowerment", () => {
  const bound = facts({ service: debtCounselling })

  it("denies a plan or goal whose steps are all taken by others", () => {
    denied(
      run(Builtin.personTakesSteps, createPlan({ goals: [goal([step("worker"), step("other", "step-2")])] }), bound),
      "principles.activeCooperation.noStepByPerson"
    )
    denied(
      run(Builtin.personTakesSteps, { _tag: "AddGoal", planId, goal: goal([step("worker")]) }, bound),
      "principles.activeCooperation.noStepByPerson"
    )
  })

  it("allows goals with a step by the person or taken together, and goals without steps yet", () => {
    allowed(
      run(Builtin.personTakesSteps, createPlan({ goals: [goal([step("worker"), step("person", "step-2")])] }), bound)
    )
    allowed(run(Builtin.personTakesSteps, createPlan({ goals: [goal([step("together")]), goal([])] }), bound))
    allowed(run(Builtin.personTakesSteps, { _tag: "AddGoal", planId, goal: goal([]) }, bound))
    allowed(run(Builtin.personTakesSteps, createPlan({ goals: [goal([step("worker")])] }), facts()))
  })

  it("warns when a worker step is added to a plan without any step by the person", () => {
    const addStep = (takenBy: "person" | "worker"): Command => ({
      _tag: "AddPlanStep",
      planId,
      goalId: goal([]).id,
      step: step(takenBy)
    })
    const plan = (stepsByPerson: number) => ({
      ...bound,
      plan: { goals: 1, achievedGoals: 0, stepsByPerson, stepsDone: 0 }
    })
    warned(
      run(Builtin.planWithoutPersonSteps, addStep("worker"), plan(0)),
      "principles.activeCooperation.planWithoutPersonSteps"
    )
    allowed(run(Builtin.planWithoutPersonSteps, addStep("person"), plan(0)))
    allowed(run(Builtin.planWithoutPersonSteps, addStep("worker"), plan(2)))
  })

  it("denies marking a goal achieved without the person's participation", () => {
    const setStatus = (status: "open" | "achieved" | "abandoned", personParticipated: boolean): Command => ({
      _tag: "SetGoalStatus",
      planId,
      goalId: goal([]).id,
      status,
      personParticipated
    })
    denied(
      run(Builtin.achievedWithPerson, setStatus("achieved", false), bound),
      "principles.activeCooperation.achievedWithoutPerson"
    )
    allowed(run(Builtin.achievedWithPerson, setStatus("achieved", true), bound))
    allowed(run(Builtin.achievedWithPerson, setStatus("abandoned", false), bound))
  })

  it("warns about an outcome assessed without the person", () => {
    warned(
      run(Builtin.outcomeWithPerson, recordOutcome({ personParticipated: false }), bound),
      "principles.empowerment.outcomeWithoutPerson"
    )
    allowed(run(Builtin.outcomeWithPerson, recordOutcome({ personParticipated: true }), bound))
    allowed(run(Builtin.outcomeWithPerson, recordOutcome({ personParticipated: false }), facts()))
  })
})

describe("free of charge", () => {
  const fee = (amountMinor: number): Command => ({ _tag: "ChargeFee", serviceId, amountMinor, currency: "CZK" })
  const paid = { ...club, freeOfCharge: false, principles: [] }

  it("denies a fee for a free service, or one that declares the principle", () => {
    denied(run(Builtin.noFee, fee(5000), facts()), "principles.freeOfCharge.fee")
    denied(
      run(Builtin.noFee, fee(1), facts({ service: { ...paid, principles: ["free-of-charge"] } })),
      "principles.freeOfCharge.fee"
    )
  })

  it("allows a fee for a paid service, and a zero fee", () => {
    allowed(run(Builtin.noFee, fee(5000), facts({ service: paid })))
    allowed(run(Builtin.noFee, fee(0), facts()))
  })

  it("denies registering a service that declares free of charge but is not marked free", () => {
    denied(
      run(Builtin.declaredMeansFree, registerService({ principles: ["free-of-charge"], freeOfCharge: false }), facts()),
      "principles.freeOfCharge.declaredButCharged"
    )
    allowed(
      run(Builtin.declaredMeansFree, registerService({ principles: ["free-of-charge"], freeOfCharge: true }), facts())
    )
    allowed(run(Builtin.declaredMeansFree, registerService({ principles: [], freeOfCharge: false }), facts()))
  })
})

describe("respect for uniqueness", () => {
  const need = (source: "person" | "worker-assessment" | "group-membership"): Command => ({
    _tag: "RecordNeed",
    personId,
    need: "housing",
    source
  })

  it("denies a need inferred from group membership", () => {
    denied(
      run(Builtin.needsPerPerson, need("group-membership"), facts()),
      "principles.respectForUniqueness.inferredFromGroup"
    )
  })

  it("allows a need the person stated or a worker assessed with them", () => {
    allowed(run(Builtin.needsPerPerson, need("person"), facts()))
    allowed(run(Builtin.needsPerPerson, need("worker-assessment"), facts()))
  })
})
