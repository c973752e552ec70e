/**
 * The organisation, its services and locations.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { Location, Organisation, Service } from "../../model/Directory.js"
import { Funding, Program } from "../../model/Program.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid, requireCode, requireProgram } from "./common.js"

/**
 * Register an organisation (administrators).
 * @since 0.2.0
 * @category operations
 */
export const registerOrganisation = Operation.write()({
  tag: "RegisterOrganisation",
  summary: "register an organisation",
  access: access("NNONN", "write", "organisational", "register an organisation"),
  input: Organisation,
  newId: true,
  subject: Operation.organisation,
  decide: (_ctx, organisation) =>
    Effect.succeed({
      command: { _tag: "RegisterOrganisation", organisation },
      changes: [Operation.change(mappings.organisation, organisation, 0)],
      result: organisation
    })
})

// Each locality of the service once, each channel one the service chose.
const requireLocalityChannels = (service: Service) => {
  const localities = new Set<string>(service.localities)
  const chosen = new Set<string>(service.firstContactChannels)
  const seen = new Set<string>()
  for (const [i, entry] of (service.localityChannels ?? []).entries()) {
    const at = `localityChannels[${i}]`
    if (!localities.has(entry.locality) || seen.has(entry.locality)) {
      return invalid("RegisterService", `${at}.locality`, "one of the service's localities, listed once")
    }
    seen.add(entry.locality)
    const j = entry.firstContactChannels.findIndex((code) => !chosen.has(code))
    if (j >= 0) {
      return invalid(
        "RegisterService",
        `${at}.firstContactChannels[${j}]`,
        "one of the service's first-contact channels"
      )
    }
  }
  return Effect.void
}

/**
 * Register a service of a registered service type (a plugin).
 * @since 0.2.0
 * @category operations
 */
export const registerService = Operation.write()({
  tag: "RegisterService",
  summary: "register a service",
  access: access("NNONN", "write", "organisational", "register a service"),
  input: Service,
  newId: true,
  subject: Operation.newService((s: Service) => s.id),
  checks: [
    (ctx, service) => Effect.asVoid(ctx.load(mappings.organisation, service.organisationId)),
    (ctx, service) => {
      const info = ctx.config.serviceTypes.get(service.type)
      if (info === undefined) {
        return invalid("RegisterService", "type", "no registered plugin defines this service type")
      }
      return Effect.forEach(
        service.firstContactChannels,
        (ch, i) =>
          requireCode(
            "RegisterService",
            `firstContactChannels[${i}]`,
            ch,
            info.firstContactChannels,
            "first-contact channel"
          ),
        { discard: true }
      )
    },
    (_ctx, service) => requireLocalityChannels(service)
  ],
  decide: (_ctx, service) =>
    Effect.succeed({
      command: { _tag: "RegisterService", service },
      service,
      changes: [Operation.change(mappings.service, service, 0)],
      result: service
    })
})

/**
 * Register a location of the organisation (coordinators of any of their services, administrators).
 * @since 0.2.0
 * @category operations
 */
export const registerLocation = Operation.write()({
  tag: "RegisterLocation",
  summary: "register a location of a service",
  access: access("NSONN", "write", "organisational", "register a location of a service"),
  input: Location,
  newId: true,
  subject: Operation.anywhere,
  checks: [(ctx, location) => Effect.asVoid(ctx.load(mappings.organisation, location.organisationId))],
  decide: (_ctx, location) =>
    Effect.succeed({
      command: { _tag: "RegisterLocation", location },
      changes: [Operation.change(mappings.location, location, 0)],
      result: location
    })
})

/**
 * Register a programme (project) of the organisation, which contacts, activities and volunteer
 * hours then link to (`programId`): coordinators of any of their services, administrators.
 * @since 0.2.0
 * @category operations
 */
export const registerProgram = Operation.write()({
  tag: "RegisterProgram",
  summary: "register a programme (project) of the organisation",
  access: access("NSONN", "write", "organisational", "register a programme (project) of the organisation"),
  input: Program,
  newId: true,
  subject: Operation.anywhere,
  checks: [(ctx, program) => Effect.asVoid(ctx.load(mappings.organisation, program.organisationId))],
  decide: (_ctx, program) =>
    Effect.succeed({
      command: { _tag: "RegisterProgram", program },
      changes: [Operation.change(mappings.program, program, 0)],
      result: program
    })
})

/**
 * Register a funding source of a programme of the organisation (coordinators, administrators).
 * @since 0.2.0
 * @category operations
 */
export const registerFunding = Operation.write()({
  tag: "RegisterFunding",
  summary: "register a funding source of a programme",
  access: access("NSONN", "write", "organisational", "register a funding source of a programme"),
  input: Funding,
  newId: true,
  subject: Operation.anywhere,
  checks: [(ctx, funding) => requireProgram(ctx, "RegisterFunding", funding.programId, funding.organisationId)],
  decide: (_ctx, funding) =>
    Effect.succeed({
      command: { _tag: "RegisterFunding", funding },
      changes: [Operation.change(mappings.funding, funding, 0)],
      result: funding
    })
})
