/**
 * Export of an organisation's directory as HSDS 3.0: the API ("nested") form of the
 * organisation with its services, locations and programmes.
 *
 * Confidential locations (a shelter, a safe flat) are left out entirely, or listed without
 * their address and municipality when the location's `listing` says `without-address`: a
 * published address can bring an abuser to the door (Open Referral issue #487).
 *
 * @since 0.2.0
 */
import type {
  Funding,
  Language,
  Location,
  Organisation,
  Phone,
  Program,
  Registry,
  Schedule,
  Service,
  ServiceArea,
  SpokenLanguage
} from "@pomoc/core"
import { Result } from "effect"
import { InvalidHsds } from "./Errors.js"
import { derivedUuid, isUuid } from "./internal/uuid.js"
import * as Schemas from "./Schemas.js"
import { descriptions, type PomocTaxonomy, taxonomyName, valued } from "./Taxonomy.js"

/**
 * An organisation's directory: the organisation, its services and its locations.
 * @since 0.2.0
 * @category models
 */
export interface Directory {
  readonly organisation: Organisation
  readonly services: ReadonlyArray<Service>
  readonly locations: ReadonlyArray<Location>
  /**
   * The organisation's programmes (projects), published as HSDS `program`s.
   * @since 0.2.0
   */
  readonly programs?: ReadonlyArray<Program>
  /**
   * The funding of its programmes, published as the organisation's HSDS `funding`.
   * @since 0.2.0
   */
  readonly fundings?: ReadonlyArray<Funding>
}

/**
 * How to export.
 * @since 0.2.0
 * @category models
 */
export interface ExportOptions {
  /**
   * The name to publish for a plugin's code (e.g. its English label); the code itself when
   * absent or `undefined`.
   */
  readonly label?: (taxonomy: PomocTaxonomy, code: string) => string | undefined
}

/**
 * Labels for the plugins' codes from a registry, in one language: service types by their
 * plugin's name, principles, first-contact channels and location kinds by their labels.
 *
 * @example
 * ```ts
 * Export.toOrganization(directory, { label: Export.registryLabels(registry, "cs") })
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const registryLabels =
  (registry: Registry.Registry, language: Language = "en"): NonNullable<ExportOptions["label"]> => (taxonomy, code) => {
    switch (taxonomy) {
      case "service-type":
        return registry.serviceType(code)?.labels.name[language]
      case "principle":
        return registry.principles.find((p) => p.id === code)?.labels[language]
      case "first-contact-channel":
        return registry.isCode("firstContactChannels", code)
          ? registry.label("firstContactChannels", code, language)
          : undefined
      case "location-kind":
        return registry.isCode("locationKinds", code) ? registry.label("locationKinds", code, language) : undefined
      default:
        return undefined
    }
  }

/**
 * A JSON object of an HSDS document.
 * @since 0.2.0
 * @category models
 */
export type Json = { readonly [key: string]: unknown }

/**
 * The HSDS objects that carry a Pomoc record's id.
 * @since 0.2.0
 * @category models
 */
export type Entity = "organization" | "service" | "location" | "program" | "funding"

/**
 * The HSDS id of a Pomoc record: its own id when that is a UUID, else a UUID derived from it
 * (the Pomoc id then travels in a `pomoc:id` attribute).
 * @since 0.2.0
 * @category combinators
 */
export const hsdsId = (entity: Entity, id: string): string => (isUuid(id) ? id : derivedUuid(entity, id))

/** Keeps only the keys whose value is defined. */
const compact = (o: Record<string, unknown>): Json =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

const attributes = (
  options: ExportOptions,
  entity: Entity,
  linkId: string,
  items: ReadonlyArray<readonly [PomocTaxonomy, string]>
): Array<Json> =>
  items.map(([taxonomy, codeOrValue], i) => {
    const code = valued.has(taxonomy) ? taxonomy : codeOrValue
    const termId = derivedUuid("term", taxonomy, code)
    const name = options.label?.(taxonomy, code) ?? code
    return compact({
      id: derivedUuid("attribute", entity, linkId, String(i)),
      link_id: linkId,
      link_entity: entity,
      taxonomy_term_id: termId,
      value: valued.has(taxonomy) ? codeOrValue : undefined,
      taxonomy_term: { id: termId, code, name, description: descriptions[taxonomy], taxonomy: taxonomyName(taxonomy) }
    })
  })

const idAttribute = (id: string): Array<readonly [PomocTaxonomy, string]> => (isUuid(id) ? [] : [["id", id]])

const time = (t: string): string => `${t}:00`

const schedules = (owner: Entity, ownerId: string, schedule: Schedule.Schedule | undefined): Array<Json> =>
  (schedule ?? []).map((entry, i) => {
    const common = {
      id: derivedUuid("schedule", owner, ownerId, String(i)),
      [`${owner}_id`]: ownerId,
      description: entry.description
    }
    return entry._tag === "Weekly"
      ? compact({
        ...common,
        freq: "WEEKLY",
        interval: 1,
        byday: entry.days.join(","),
        opens_at: time(entry.opensAt),
        closes_at: time(entry.closesAt),
        valid_from: entry.validFrom,
        valid_to: entry.validTo
      })
      : compact({
        ...common,
        valid_from: entry.from,
        valid_to: entry.to,
        opens_at: entry.opensAt === undefined ? undefined : time(entry.opensAt),
        closes_at: entry.closesAt === undefined ? undefined : time(entry.closesAt)
      })
  })

const phones = (owner: Entity, ownerId: string, list: ReadonlyArray<Phone> | undefined): Array<Json> =>
  (list ?? []).map((p, i) =>
    compact({ id: derivedUuid("phone", owner, ownerId, String(i)), [`${owner}_id`]: ownerId, ...p })
  )

const languages = (owner: Entity, ownerId: string, list: ReadonlyArray<SpokenLanguage> | undefined): Array<Json> =>
  (list ?? []).map((l, i) =>
    compact({ id: derivedUuid("language", owner, ownerId, String(i)), [`${owner}_id`]: ownerId, ...l })
  )

const serviceAreas = (serviceId: string, list: ReadonlyArray<ServiceArea> | undefined): Array<Json> =>
  (list ?? []).map((a, i) =>
    compact({ id: derivedUuid("service-area", serviceId, String(i)), service_id: serviceId, ...a })
  )

/**
 * Is this location published, and with its address? `undefined`: not published at all.
 * @since 0.2.0
 * @category combinators
 */
export const publication = (location: Location): "full" | "without-address" | undefined =>
  !location.confidential ? "full" : location.listing === "without-address" ? "without-address" : undefined

const location = (organisation: Organisation, l: Location, options: ExportOptions): Json => {
  const id = hsdsId("location", l.id)
  const shown = publication(l)
  const withAddress = shown === "full" && (l.address !== undefined || l.municipality !== undefined)
  return compact({
    id,
    location_type: l.kind === "online-platform" ? "virtual" : "physical",
    organization_id: hsdsId("organization", l.organisationId),
    name: l.name,
    addresses: withAddress
      ? [{
        id: derivedUuid("address", id),
        location_id: id,
        address_1: l.address ?? "",
        city: l.municipality ?? "",
        state_province: "",
        postal_code: "",
        country: organisation.country ?? "",
        address_type: "physical"
      }]
      : [],
    phones: phones("location", id, l.phones),
    languages: languages("location", id, l.languages),
    schedules: schedules("location", id, l.schedule),
    attributes: attributes(options, "location", id, [
      ["location-kind", l.kind],
      ...(l.platform === undefined ? [] : [["platform", l.platform] as const]),
      ...(shown === "without-address" ? [["listing", "without-address"] as const] : []),
      ...idAttribute(l.id)
    ])
  })
}

const configCode = (service: Service, key: string): string | undefined => {
  const v = service.config?.[key]
  return typeof v === "string" && /^[a-z0-9][a-z0-9-]*$/.test(v) ? v : undefined
}

const programmeId = (organisationId: string, code: string) => derivedUuid("programme", organisationId, code)

const service = (
  organisation: Organisation,
  s: Service,
  published: ReadonlySet<string>,
  options: ExportOptions
): Json => {
  const id = hsdsId("service", s.id)
  const orgId = hsdsId("organization", organisation.id)
  const programme = configCode(s, "programme")
  const funding = configCode(s, "fundingSource")
  return compact({
    id,
    organization_id: orgId,
    program_id: programme === undefined ? undefined : programmeId(orgId, programme),
    name: s.name,
    description: s.description,
    status: "active",
    eligibility_description: s.targetGroup.description,
    minimum_age: s.targetGroup.ageRange?.min,
    maximum_age: s.targetGroup.ageRange?.max,
    phones: phones("service", id, s.phones),
    schedules: schedules("service", id, s.schedule),
    service_areas: serviceAreas(id, s.serviceAreas),
    service_at_locations: s.localities.filter((l) => published.has(l)).map((l) => {
      const locationId = hsdsId("location", l)
      return { id: derivedUuid("service-at-location", id, locationId), service_id: id, location_id: locationId }
    }),
    languages: languages("service", id, s.languages),
    cost_options: s.freeOfCharge
      ? [{ id: derivedUuid("cost-option", id), service_id: id, option: "Free of charge", amount: 0 }]
      : [],
    funding: funding === undefined ? [] : [{
      id: derivedUuid("funding", id, funding),
      service_id: id,
      source: options.label?.("funding-source", funding) ?? funding,
      attributes: attributes(options, "service", derivedUuid("funding", id, funding), [["funding-source", funding]])
        .map((a) => ({ ...a, link_entity: "funding" }))
    }],
    attributes: attributes(options, "service", id, [
      ["service-type", s.type],
      ...s.principles.map((p) => ["principle", p] as const),
      ...s.firstContactChannels.map((c) => ["first-contact-channel", c] as const),
      ...idAttribute(s.id)
    ])
  })
}

// A programme record (a project), with its code and Pomoc id as attributes.
const programRecord = (orgId: string, p: Program, options: ExportOptions): Json => {
  const id = hsdsId("program", p.id)
  return compact({
    id,
    organization_id: orgId,
    name: p.name,
    alternate_name: p.alternateName,
    description: p.description ?? p.name,
    attributes: attributes(options, "program", id, [
      ...(p.code === undefined ? [] : [["programme", p.code] as const]),
      ...idAttribute(p.id)
    ])
  })
}

// HSDS funds an organisation or a service, not a programme: the programme a funding is for is
// named by an attribute (its Pomoc id), the kind of source by the funding-source taxonomy.
const fundingRecord = (orgId: string, f: Funding, options: ExportOptions): Json => {
  const id = hsdsId("funding", f.id)
  return compact({
    id,
    organization_id: orgId,
    source: f.source,
    attributes: attributes(options, "funding", id, [
      ...(f.kind === undefined ? [] : [["funding-source", f.kind] as const]),
      ["programme-id", f.programId],
      ...idAttribute(f.id)
    ])
  })
}

/**
 * The directory as one HSDS organisation document (the API form, with `services`): valid
 * against the HSDS 3.0 schema when the directory's emails and web addresses are well formed.
 * Services of other organisations are left out; every published location given is listed (a
 * service may work at another organisation's premises), each naming its own organisation.
 *
 * @example
 * ```ts
 * const document = Export.toOrganization({ organisation, services, locations })
 * Schemas.validate("organization", document) // []
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const toOrganization = (directory: Directory, options: ExportOptions = {}): Json => {
  const { organisation } = directory
  const orgId = hsdsId("organization", organisation.id)
  // A service may work at another organisation's location (a school, a shopping centre): every
  // location given is listed, each naming its own organisation.
  const locations = directory.locations.filter((l) => publication(l) !== undefined)
  const published = new Set<string>(locations.map((l) => l.id))
  const services = directory.services.filter((s) => s.organisationId === organisation.id)
  const programmes = [...new Set(services.flatMap((s) => configCode(s, "programme") ?? []))]
  const programs = (directory.programs ?? []).filter((p) => p.organisationId === organisation.id)
  const fundings = (directory.fundings ?? []).filter((f) => f.organisationId === organisation.id)
  return compact({
    id: orgId,
    name: organisation.name,
    description: organisation.description ?? "",
    email: organisation.email,
    website: organisation.website,
    phones: phones("organization", orgId, organisation.phones),
    locations: locations.map((l) => location(organisation, l, options)),
    programs: programmes.map((code): Json => {
      const name = options.label?.("programme", code) ?? code
      const id = programmeId(orgId, code)
      return {
        id,
        organization_id: orgId,
        name,
        description: name,
        attributes: attributes(options, "organization", id, [["programme", code]]).map((a) => ({
          ...a,
          link_entity: "program"
        }))
      }
    }).concat(programs.map((p) => programRecord(orgId, p, options))),
    funding: fundings.length === 0 ? undefined : fundings.map((f) => fundingRecord(orgId, f, options)),
    attributes: attributes(options, "organization", orgId, [
      ...(organisation.country === undefined ? [] : [["country", organisation.country] as const]),
      ...idAttribute(organisation.id)
    ]),
    services: services.map((s) => service(organisation, s, published, options))
  })
}

/**
 * {@link toOrganization}, checked against the HSDS 3.0 schema: fails with {@link InvalidHsds}
 * (every problem by its path in the document) when the directory holds what HSDS refuses, e.g. an
 * organisation email or website that is not well formed.
 * @since 0.2.0
 * @category combinators
 */
export const toValidOrganization = (
  directory: Directory,
  options: ExportOptions = {}
): Result.Result<Json, InvalidHsds> => {
  const document = toOrganization(directory, options)
  const problems = Schemas.validate("organization", document)
  return problems.length === 0 ? Result.succeed(document) : Result.fail(new InvalidHsds({ problems }))
}
