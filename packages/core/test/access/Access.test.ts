import { Effect, Exit, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Access from "../../src/access/index.js"
import type { Operation, Scope } from "../../src/access/index.js"
import { commandTags } from "../../src/Command.js"
import type { Role, RoleGrant } from "../../src/model/Actor.js"
import { ServiceId, WorkerId } from "../../src/model/Ids.js"

const IN = ServiceId.make("svc-in")
const OUT = ServiceId.make("svc-out")
const POOL = [IN, OUT, ServiceId.make("svc-3")] as const
const allRoles: ReadonlyArray<Role> = ["worker", "coordinator", "administrator", "auditor", "volunteer"]

const actor = (...grants: ReadonlyArray<RoleGrant>) => ({ id: WorkerId.make("actor-1"), grants })
const denied = (r: Result.Result<Access.Grant, Access.AccessDenied>) => {
  if (Result.isSuccess(r)) throw new Error(`expected a denial, got a grant for ${r.success.role}`)
  return r.failure
}

describe("the matrix as data", () => {
  it("decides every core command and every read for every role", () => {
    for (const tag of commandTags) expect(Access.operationNames).toContain(tag)
    for (const op of Access.operationNames) {
      expect(Object.keys(Access.matrix[op]).sort()).toEqual([...allRoles].sort())
      for (const role of allRoles) expect(Access.scopes).toContain(Access.matrix[op][role])
      expect(Access.operations[op].kind).toBe(
        (commandTags as ReadonlyArray<string>).includes(op) && op !== "ExportPerson" ? "write" : "read"
      )
    }
  })

  it("round-trips through JSON unchanged", () => {
    const json = Access.toJson()
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
    expect(json.operations.map((o) => o.operation)).toEqual(Access.operationNames)
    for (const o of json.operations) expect(o.scopes).toEqual(Access.matrix[o.operation])
  })
})

// Every cell × {a service the grant lists, a service it does not list, no service (organisation-wide)}.
describe.each(
  Access.operationNames.flatMap((op) => allRoles.map((role) => [op, role, Access.matrix[op][role]] as const))
)(
  "%s by a %s (matrix says %s)",
  (op, role, scope) => {
    const listed = actor({ role, services: [IN] })
    const everywhere = actor({ role, services: "*" })

    it("in a service the grant lists", () => {
      const r = Access.authorize(listed, op, IN)
      if (scope === "none") {
        expect(denied(r).reason).toBe("no-role-grants-operation")
      } else {
        expect(Result.getOrThrow(r)).toMatchObject({ role, scope, operation: op, serviceId: IN })
      }
    })

    it("in a service the grant does not list", () => {
      const r = Access.authorize(listed, op, OUT)
      if (scope === "organisation") expect(Result.isSuccess(r)).toBe(true)
      else expect(denied(r).reason).toBe(scope === "none" ? "no-role-grants-operation" : "service-out-of-scope")
    })

    it("organisation-wide (no service)", () => {
      const r = Access.authorize(listed, op, undefined)
      if (scope === "organisation") expect(Result.isSuccess(r)).toBe(true)
      else expect(denied(r).reason).toBe(scope === "none" ? "no-role-grants-operation" : "service-required")
      // A "*" grant covers every service, so it covers the organisation-wide case too.
      expect(Result.isSuccess(Access.authorize(everywhere, op, undefined))).toBe(scope !== "none")
      expect(Result.isSuccess(Access.authorize(everywhere, op, OUT))).toBe(scope !== "none")
    })
  }
)

// What a worker may do in their services (a coordinator may do all of it, and more).
const workerMay: ReadonlyArray<Operation> = [
  "RegisterPerson",
  "ChangeIdentityLevel",
  "RecordContact",
  "AssessEligibility",
  "StartCooperation",
  "EndCooperation",
  "GiveConsent",
  "WithdrawConsent",
  "Disclose",
  "Refer",
  "UpdateReferral",
  "AnswerReferral",
  "CreatePlan",
  "AddGoal",
  "AddPlanStep",
  "SetGoalStatus",
  "ReviewPlan",
  "CompleteStep",
  "EditStep",
  "AbandonStep",
  "EditGoal",
  "ClosePlan",
  "RecordOutcome",
  "DeriveOutcomes",
  "RecordNeed",
  "ChargeFee",
  "RecordActivity",
  "RecordAttendance",
  "SharePerson",
  "ReadDirectory",
  "ListPeople",
  "FindPeople",
  "ReadPerson",
  "ReadIdentifiedPerson",
  "ReadHistory",
  "ReadConfidentialNote",
  "ReadPlan",
  "ReadConsent",
  "ReadDisclosure",
  "ReadReferral",
  "ReadActivity",
  "ReadReport",
  "CorrectContact",
  "CorrectPerson",
  "CorrectActivity"
]

// Written by hand, independently of matrix.ts: what each role may do at all (in its own services).
const mayDo: Record<Role, ReadonlyArray<Operation>> = {
  auditor: ["ReadDirectory", "ReadReport", "ReadAudit", "VerifyAudit"],
  volunteer: [
    "ReadDirectory",
    "RecordActivity",
    "RecordAttendance",
    "RecordVolunteerHours",
    "ReadActivity",
    "CorrectActivity"
  ],
  administrator: [
    "RegisterOrganisation",
    "RegisterService",
    "RegisterLocation",
    "RegisterProgram",
    "RegisterFunding",
    "RegisterVolunteer",
    "RecordVolunteerHours",
    "PublishReport",
    "ErasePerson",
    "ExportPerson",
    "ReadDirectory",
    "ListPeople",
    "FindPeople",
    "ReadPerson",
    "ReadIdentifiedPerson",
    "ReadConsent",
    "ReadActivity",
    "ReadVolunteer",
    "ReadReport",
    "ReadAudit",
    "VerifyAudit",
    // The staff directory is the administrators' alone.
    "SetStaff",
    "ReadStaff",
    "CorrectLocation",
    "CorrectService",
    // And the organisation's own record (its declared reporting periods).
    "CorrectOrganisation"
  ],
  worker: workerMay,
  // A coordinator may do all a worker may, and run the service: its places, volunteers,
  // published reports, erasure and export, corrections of the directory, voids and change history.
  coordinator: [
    ...workerMay,
    "RegisterLocation",
    "RegisterProgram",
    "RegisterFunding",
    "RegisterVolunteer",
    "RecordVolunteerHours",
    "PublishReport",
    "ErasePerson",
    "ExportPerson",
    "ReadVolunteer",
    "CorrectLocation",
    "CorrectService",
    "VoidRecord",
    "ReadChanges"
  ]
}

// Hand-written: what touches the people served, and what a volunteer must never touch.
const personal: ReadonlyArray<Operation> = [
  "ListPeople",
  "FindPeople",
  "ReadPerson",
  "ReadIdentifiedPerson",
  "ReadHistory",
  "ReadConfidentialNote",
  "ReadPlan",
  "ReadConsent",
  "ReadDisclosure",
  "ReadReferral",
  "ReadActivity",
  "ExportPerson",
  "RegisterPerson",
  "ChangeIdentityLevel",
  "RecordContact",
  "GiveConsent",
  "WithdrawConsent",
  "Disclose",
  "Refer",
  "UpdateReferral",
  "AnswerReferral",
  "CreatePlan",
  "AddGoal",
  "AddPlanStep",
  "SetGoalStatus",
  "ReviewPlan",
  "CompleteStep",
  "EditStep",
  "AbandonStep",
  "EditGoal",
  "ClosePlan",
  "RecordOutcome",
  "DeriveOutcomes",
  "RecordNeed",
  "ErasePerson",
  "StartCooperation",
  "EndCooperation",
  "CorrectContact",
  "CorrectPerson",
  "VoidRecord",
  "ReadChanges"
]
const offLimitsForVolunteers: ReadonlyArray<Operation> = [
  "ReadHistory",
  "ReadConfidentialNote",
  "ReadPlan",
  "ReadConsent",
  "ReadDisclosure",
  "ReadReferral",
  "GiveConsent",
  "WithdrawConsent",
  "Disclose",
  "Refer",
  "UpdateReferral",
  "AnswerReferral",
  "RecordContact",
  "CreatePlan",
  "AddGoal",
  "AddPlanStep",
  "SetGoalStatus",
  "ReviewPlan",
  "CompleteStep",
  "EditStep",
  "AbandonStep",
  "EditGoal",
  "ClosePlan",
  "RecordOutcome",
  "DeriveOutcomes",
  "RecordNeed",
  "CorrectContact",
  "CorrectPerson",
  "VoidRecord",
  "ReadChanges"
]

describe("the sensitive cells, against a hand-written expectation", () => {
  it.each(allRoles)("a %s may do exactly the hand-written list, and nothing else, in any scope", (role) => {
    const strongest = actor({ role, services: "*" })
    const allowed = Access.operationNames.filter((op) => Access.isAllowed(strongest, op, IN))
    expect([...allowed].sort()).toEqual([...mayDo[role]].sort())
  })

  it("an auditor reads the audit log and verifies it, and never anything personal", () => {
    const auditor = actor({ role: "auditor", services: "*" })
    expect(Access.isAllowed(auditor, "ReadAudit", undefined)).toBe(true)
    expect(Access.isAllowed(auditor, "VerifyAudit", undefined)).toBe(true)
    for (const op of personal) {
      for (const s of [IN, OUT, undefined]) expect(Access.isAllowed(auditor, op, s)).toBe(false)
    }
  })

  it("a volunteer records attendance and never touches anything confidential", () => {
    const volunteer = actor({ role: "volunteer", services: "*" })
    expect(Access.isAllowed(volunteer, "RecordAttendance", IN)).toBe(true)
    for (const op of offLimitsForVolunteers) {
      for (const s of [IN, OUT, undefined]) expect(Access.isAllowed(volunteer, op, s)).toBe(false)
    }
  })

  it("an administrator never reads case notes, history, plans, disclosures or referrals, nor does case work", () => {
    const admin = actor({ role: "administrator", services: "*" })
    const never: ReadonlyArray<Operation> = [
      "ReadConfidentialNote",
      "ReadHistory",
      "ReadPlan",
      "ReadDisclosure",
      "ReadReferral",
      "RecordContact",
      "Disclose",
      "CreatePlan"
    ]
    for (const op of never) expect(Access.isAllowed(admin, op, IN)).toBe(false)
  })

  it("a worker reads and writes only the people of the services they work in", () => {
    const worker = actor({ role: "worker", services: [IN] })
    for (
      const op of [
        "ReadPerson",
        "ReadIdentifiedPerson",
        "ReadHistory",
        "ReadConfidentialNote",
        "RecordContact"
      ] as const
    ) {
      expect(Access.isAllowed(worker, op, IN)).toBe(true)
      expect(Access.isAllowed(worker, op, OUT)).toBe(false)
      expect(Access.isAllowed(worker, op, undefined)).toBe(false)
    }
    expect(Access.isAllowed(worker, "ReadAudit", undefined)).toBe(false)
    expect(Access.isAllowed(worker, "RegisterService", IN)).toBe(false)
  })

  it("agrees with the sensitivity the matrix declares: auditors and volunteers open nothing confidential, auditors nothing personal", () => {
    for (const op of Access.operationNames) {
      const { sensitivity } = Access.operations[op]
      if (sensitivity === "confidential") {
        expect(Access.matrix[op].auditor).toBe("none")
        expect(Access.matrix[op].volunteer).toBe("none")
        expect(Access.matrix[op].administrator === "none" || op === "ExportPerson").toBe(true)
      }
      if (sensitivity === "personal") expect(Access.matrix[op].auditor).toBe("none")
    }
    // The declared sensitivities themselves agree with the hand-written lists.
    for (const op of personal) expect(["personal", "confidential"]).toContain(Access.operations[op].sensitivity)
  })

  it("nobody without a grant can do anything", () => {
    for (const op of Access.operationNames) {
      for (const s of [IN, OUT, undefined]) expect(denied(Access.authorize(actor(), op, s)).reason).toBe("no-grants")
    }
  })

  it("an operation missing from the matrix is denied to everyone (default deny)", () => {
    for (const role of allRoles) {
      expect(denied(Access.authorize(actor({ role, services: "*" }), "PluginCommandNobodyGranted", IN)).reason).toBe(
        "unknown-operation"
      )
    }
  })
})

describe("AccessDenied", () => {
  it("names actor, roles, operation, service and reason, and nothing else", () => {
    const e = denied(
      Access.authorize(
        actor({ role: "volunteer", services: [IN] }, { role: "volunteer", services: [OUT] }),
        "ReadConfidentialNote",
        IN
      )
    )
    expect(e._tag).toBe("AccessDenied")
    expect({ actorId: e.actorId, roles: e.roles, operation: e.operation, serviceId: e.serviceId, reason: e.reason })
      .toEqual({
        actorId: "actor-1",
        roles: ["volunteer"],
        operation: "ReadConfidentialNote",
        serviceId: IN,
        reason: "no-role-grants-operation"
      })
    expect(e.message).toBe(
      `Actor "actor-1" (volunteer) may not ReadConfidentialNote in service "svc-in": no-role-grants-operation`
    )
  })

  it("the Effect variant fails with the same error and succeeds with the same grant", () => {
    const w = actor({ role: "worker", services: [IN] })
    const ok = Effect.runSync(Access.check(w, "RecordContact", IN))
    expect(ok).toEqual(Result.getOrThrow(Access.authorize(w, "RecordContact", IN)))
    const exit = Effect.runSyncExit(Access.check(w, "RecordContact", OUT))
    expect(Exit.isFailure(exit)).toBe(true)
    const caught = Effect.runSync(
      Access.check(w, "RecordContact", OUT).pipe(Effect.catchTag("AccessDenied", (e) => Effect.succeed(e.reason)))
    )
    expect(caught).toBe("service-out-of-scope")
  })
})

// The oracle: allowed iff some grant's role has a non-"none" cell whose scope covers the service.
const oracle = (
  matrix: Record<string, Partial<Record<Role, Scope>>>,
  grants: ReadonlyArray<RoleGrant>,
  op: string,
  s: ServiceId | undefined
) =>
  grants.some((g) => {
    const cell = Object.prototype.hasOwnProperty.call(matrix, op) ? matrix[op]?.[g.role] ?? "none" : "none"
    if (cell === "organisation") return true
    if (cell !== "own-services") return false
    return g.services === "*" || (s !== undefined && g.services.includes(s))
  })

const arbGrant: fc.Arbitrary<RoleGrant> = fc.record({
  role: fc.constantFrom(...allRoles),
  services: fc.oneof(fc.constant("*" as const), fc.subarray([...POOL]))
})
const arbService = fc.option(fc.constantFrom(...POOL), { nil: undefined })
const arbOp = fc.oneof(
  fc.constantFrom(...Access.operationNames) as fc.Arbitrary<string>,
  fc.constantFrom("Nope", "toString", "__proto__", "constructor")
)

describe("authorize (property)", () => {
  it("allows only if some grant has a role whose cell allows and whose scope covers the service", () => {
    fc.assert(
      fc.property(fc.array(arbGrant, { maxLength: 4 }), arbOp, arbService, (grants, op, s) => {
        const r = Access.authorize(actor(...grants), op, s)
        expect(Result.isSuccess(r)).toBe(oracle(Access.matrix, grants, op, s))
        if (Result.isSuccess(r)) {
          // The grant returned is one of the actor's and its cell really allows the operation.
          expect(grants).toContain(r.success.grant)
          expect(r.success.scope).toBe(Access.matrix[op as Operation][r.success.role])
        }
      }),
      { numRuns: 3000 }
    )
  })

  it("holds for random matrices too (authorizeWith)", () => {
    const arbMatrix = fc.dictionary(
      fc.constantFrom("A", "B", "C"),
      fc.record({ worker: fc.constantFrom(...Access.scopes), auditor: fc.constantFrom(...Access.scopes) }, {
        requiredKeys: []
      })
    )
    fc.assert(
      fc.property(
        arbMatrix,
        fc.array(arbGrant, { maxLength: 3 }),
        fc.constantFrom("A", "B", "C", "D"),
        arbService,
        (m, grants, op, s) => {
          const r = Access.authorizeWith(m)(actor(...grants), op, s)
          expect(Result.isSuccess(r)).toBe(oracle(m, grants, op, s))
        }
      ),
      { numRuns: 2000 }
    )
  })

  it("is monotone: adding a grant never takes a permission away", () => {
    fc.assert(
      fc.property(fc.array(arbGrant, { maxLength: 3 }), arbGrant, arbOp, arbService, (grants, extra, op, s) => {
        if (Access.isAllowed(actor(...grants), op, s)) {
          expect(Access.isAllowed(actor(...grants, extra), op, s)).toBe(true)
        }
      }),
      { numRuns: 1000 }
    )
  })
})

describe("organisation-wide roles (the staff directory refuses their scoped grants)", () => {
  it("are exactly the roles without one own-services cell: a scoped grant of them would be widened", async () => {
    const { organisationWideRoles } = await import("../../src/casework/operations/staff.js")
    const widened = allRoles.filter((role) =>
      Access.operationNames.every((op) => Access.matrix[op][role] !== "own-services")
    )
    expect([...organisationWideRoles].sort()).toEqual([...widened].sort())
    expect(organisationWideRoles.has("administrator")).toBe(true)
  })
})
