/**
 * Import of HSDS 3.0 documents into Pomoc's directory. {@link decode} reads a document into the
 * organisations, locations and services Pomoc would register, or every problem with its HSDS
 * path; {@link importDocument} stores them through the case-work API's write operations.
 *
 * Pomoc models only part of HSDS: what it does not model (contacts, accessibility, required
 * documents, metadata, service-at-location schedules, RRULE details beyond weekly days and hours)
 * is left out, and what it cannot represent faithfully (monthly schedules, every-other-week
 * schedules, times with seconds) is refused with a problem rather than changed.
 *
 * @since 0.2.0
 */
import { type ActorRef, Decode, Location, Organisation, Service } from "@pomoc/core"
import { Effect, Result } from "effect"
import { ImportRefused, InvalidHsds, type Problem } from "./Errors.js"
import type { Json } from "./Export.js"
import type { DocumentKind } from "./Schemas.js"
import * as Schemas from "./Schemas.js"
import * as Tabular from "./Tabular.js"
import { fromTaxonomyName, type PomocTaxonomy, valued } from "./Taxonomy.js"

/**
 * How to read a document into Pomoc.
 * @since 0.2.0
 * @category models
 */
export interface ImportOptions {
  /**
   * The Pomoc service type (plugin id) of services that carry no `pomoc:service-type`
   * attribute: one type for all, or chosen per HSDS service.
   */
  readonly serviceType?: string | ((service: Json) => string | undefined)
  /** Principles binding services that carry no `pomoc:principle` attribute. */
  readonly principles?: ReadonlyArray<string>
  /** The organisation of locations and services that name none (it must exist in Pomoc). */
  readonly organisationId?: string
  /** When the services are registered (ISO 8601); now when absent. */
  readonly registeredAt?: string
}

type Wire = Record<string, unknown>

/**
 * One record to register, with the HSDS path it came from.
 * @since 0.2.0
 * @category models
 */
export interface Located<A> {
  readonly path: string
  readonly value: A
}

/**
 * What an HSDS document becomes in Pomoc: the wire form of each organisation, location and
 * service to register, in that order.
 * @since 0.2.0
 * @category models
 */
export interface Plan {
  readonly organisations: ReadonlyArray<Located<typeof Organisation.Encoded>>
  readonly locations: ReadonlyArray<Located<typeof Location.Encoded>>
  readonly services: ReadonlyArray<Located<typeof Service.Encoded>>
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v)
const list = (v: unknown): ReadonlyArray<Json> => (Array.isArray(v) ? v.filter(isObject) : [])
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined)

/** A record under construction: its wire fields and, for each field path, its HSDS path. */
class Builder {
  readonly value: Wire = {}
  readonly origin = new Map<string, string>()
  constructor(readonly path: string) {}
  set(field: string, value: unknown, from: string): void {
    if (value === undefined) return
    this.value[field] = value
    this.origin.set(field, from)
  }
  /** The HSDS path of a Pomoc problem path: its nearest mapped ancestor. */
  locate(pomocPath: string): string {
    for (let p = pomocPath; p !== ""; p = p.replace(/(?:\.[^.[]*|\[\d+\])$/, "")) {
      const found = this.origin.get(p)
      if (found !== undefined) return found
    }
    return this.path
  }
}

const childPath = (parent: string, key: string, i: number, child: Json) =>
  Tabular.originOf(child) ?? `${parent}.${key}[${i}]`

interface Context {
  readonly problems: Array<Problem>
  readonly options: ImportOptions
}

const pomocAttributes = (owner: Json, path: string): Array<{ taxonomy: PomocTaxonomy; code: string; path: string }> =>
  list(owner["attributes"]).flatMap((a, i) => {
    const term = isObject(a["taxonomy_term"]) ? a["taxonomy_term"] : undefined
    const taxonomy = fromTaxonomyName(term?.["taxonomy"])
    if (taxonomy === undefined) return []
    const code = valued.has(taxonomy) ? a["value"] : term?.["code"]
    return typeof code === "string" ? [{ taxonomy, code, path: childPath(path, "attributes", i, a) }] : []
  })

const first = (attrs: ReturnType<typeof pomocAttributes>, taxonomy: PomocTaxonomy) =>
  attrs.find((a) => a.taxonomy === taxonomy)

const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/

const scheduleOf = (ctx: Context, b: Builder, owner: Json, path: string): void => {
  const entries: Array<Wire> = []
  list(owner["schedules"]).forEach((s, i) => {
    const at = childPath(path, "schedules", i, s)
    const fieldPath = `schedule[${entries.length}]`
    const time = (key: "opens_at" | "closes_at", field: string): string | undefined => {
      const v = s[key]
      // Mapped even when unreadable, so that Pomoc's "missing" lands on the same path (once).
      b.origin.set(`${fieldPath}.${field}`, `${at}.${key}`)
      if (v === undefined) return undefined
      const m = typeof v === "string" ? TIME.exec(v) : null
      if (m === null || (m[3] !== undefined && m[3] !== "00")) {
        ctx.problems.push({ path: `${at}.${key}`, rule: "must be a time HH:MM or HH:MM:00 (Pomoc keeps minutes)" })
        return undefined
      }
      return `${m[1]}:${m[2]}`
    }
    const entry: Wire = {}
    const put = (field: string, value: unknown, key: string) => {
      if (value === undefined) return
      entry[field] = value
      b.origin.set(`${fieldPath}.${field}`, `${at}.${key}`)
    }
    if (s["freq"] === "WEEKLY") {
      if (s["interval"] !== undefined && s["interval"] !== 1) {
        ctx.problems.push({ path: `${at}.interval`, rule: "only schedules that repeat every week are modelled" })
      }
      const days = typeof s["byday"] === "string" ? s["byday"].split(",").map((d) => d.trim()) : undefined
      if (days === undefined) ctx.problems.push({ path: `${at}.byday`, rule: "is required for a weekly schedule" })
      if (s["opens_at"] === undefined) {
        ctx.problems.push({ path: `${at}.opens_at`, rule: "is required for a weekly schedule" })
      }
      if (s["closes_at"] === undefined) {
        ctx.problems.push({ path: `${at}.closes_at`, rule: "is required for a weekly schedule" })
      }
      entry["_tag"] = "Weekly"
      put("days", days, "byday")
      put("opensAt", time("opens_at", "opensAt"), "opens_at")
      put("closesAt", time("closes_at", "closesAt"), "closes_at")
      put("validFrom", text(s["valid_from"]), "valid_from")
      put("validTo", text(s["valid_to"]), "valid_to")
    } else if (s["freq"] !== undefined) {
      ctx.problems.push({ path: `${at}.freq`, rule: "only weekly schedules and dated exceptions are modelled" })
      return
    } else {
      if (text(s["valid_from"]) === undefined) {
        ctx.problems.push({ path: `${at}.valid_from`, rule: "is required for a schedule without freq (an exception)" })
      }
      if (text(s["valid_to"]) === undefined) {
        ctx.problems.push({ path: `${at}.valid_to`, rule: "is required for a schedule without freq (an exception)" })
      }
      entry["_tag"] = "Exception"
      put("from", text(s["valid_from"]), "valid_from")
      put("to", text(s["valid_to"]), "valid_to")
      put("opensAt", time("opens_at", "opensAt"), "opens_at")
      put("closesAt", time("closes_at", "closesAt"), "closes_at")
    }
    put("description", text(s["description"]), "description")
    b.origin.set(fieldPath, at)
    entries.push(entry)
  })
  if (entries.length > 0) b.set("schedule", entries, path)
}

const detailsOf = (
  b: Builder,
  owner: Json,
  path: string,
  key: "phones" | "languages" | "service_areas",
  field: string,
  fields: Record<string, string>
): void => {
  const items = list(owner[key]).map((item, i) => {
    const at = childPath(path, key, i, item)
    const out: Wire = {}
    for (const [hsds, pomoc] of Object.entries(fields)) {
      const v = text(item[hsds])
      if (v !== undefined) {
        out[pomoc] = v
        b.origin.set(`${field}[${i}].${pomoc}`, `${at}.${hsds}`)
      }
    }
    b.origin.set(`${field}[${i}]`, at)
    return out
  })
  if (items.length > 0) b.set(field, items, path)
}

const organisationOf = (org: Json, path: string): Builder => {
  const b = new Builder(path)
  const attrs = pomocAttributes(org, path)
  b.set("id", first(attrs, "id")?.code ?? org["id"], path + ".id")
  b.set("name", org["name"], path + ".name")
  b.set("description", text(org["description"]), path + ".description")
  b.set("email", text(org["email"]), path + ".email")
  b.set("website", text(org["website"]), path + ".website")
  const country = first(attrs, "country")
  if (country !== undefined) b.set("country", country.code, country.path)
  detailsOf(b, org, path, "phones", "phones", { number: "number", type: "type", description: "description" })
  return b
}

const locationOf = (ctx: Context, loc: Json, path: string, organisationId: unknown): Builder => {
  const b = new Builder(path)
  const attrs = pomocAttributes(loc, path)
  b.set("id", first(attrs, "id")?.code ?? loc["id"], path + ".id")
  b.set("organisationId", organisationId, path + ".organization_id")
  if (organisationId === undefined) {
    ctx.problems.push({
      path: `${path}.organization_id`,
      rule: "names no organisation (give one, or the organisationId option)"
    })
  }
  if (text(loc["name"]) === undefined) ctx.problems.push({ path: `${path}.name`, rule: "is required by Pomoc" })
  b.set("name", text(loc["name"]), path + ".name")
  const kind = first(attrs, "location-kind")
  b.set(
    "kind",
    kind?.code ?? (loc["location_type"] === "virtual" ? "online-platform" : "office"),
    kind?.path ?? path + ".location_type"
  )
  const listing = first(attrs, "listing")
  b.set("confidential", listing !== undefined, listing?.path ?? path)
  if (listing !== undefined) b.set("listing", listing.code, listing.path)
  const addresses = list(loc["addresses"])
  const index = Math.max(0, addresses.findIndex((a) => a["address_type"] === "physical"))
  const address = addresses[index]
  if (address !== undefined) {
    const at = childPath(path, "addresses", index, address)
    const line = [text(address["address_1"]), text(address["address_2"])].filter((x) => x !== undefined).join(", ")
    b.set("address", line === "" ? undefined : line, at + ".address_1")
    b.set("municipality", text(address["city"]), at + ".city")
  }
  const platform = first(attrs, "platform")
  if (platform !== undefined) b.set("platform", platform.code, platform.path)
  detailsOf(b, loc, path, "phones", "phones", { number: "number", type: "type", description: "description" })
  detailsOf(b, loc, path, "languages", "languages", { code: "code", name: "name", note: "note" })
  scheduleOf(ctx, b, loc, path)
  return b
}

interface ServiceSource {
  readonly service: Json
  readonly path: string
  readonly organisationId: unknown
  readonly programs: ReadonlyArray<Json>
}

const serviceOf = (ctx: Context, src: ServiceSource, localities: ReadonlyArray<Located<unknown>>): Builder => {
  const { service, path } = src
  const b = new Builder(path)
  const attrs = pomocAttributes(service, path)
  b.set("id", first(attrs, "id")?.code ?? service["id"], path + ".id")
  b.set("organisationId", src.organisationId, path + ".organization_id")
  if (src.organisationId === undefined) {
    ctx.problems.push({
      path: `${path}.organization_id`,
      rule: "names no organisation (give one, or the organisationId option)"
    })
  }
  const type = first(attrs, "service-type")
  const fallback = typeof ctx.options.serviceType === "function"
    ? ctx.options.serviceType(service)
    : ctx.options.serviceType
  if (type === undefined && fallback === undefined) {
    ctx.problems.push({
      path: `${path}.attributes`,
      rule: "names no Pomoc service type (a pomoc:service-type attribute, or the serviceType option)"
    })
  }
  b.set("type", type?.code ?? fallback, type?.path ?? path + ".attributes")
  b.set("name", service["name"], path + ".name")
  b.set("description", text(service["description"]), path + ".description")
  const eligibility = text(service["eligibility_description"])
  if (eligibility === undefined) {
    ctx.problems.push({
      path: `${path}.eligibility_description`,
      rule: "is required by Pomoc (who the service is for)"
    })
  }
  const min = service["minimum_age"]
  const max = service["maximum_age"]
  const ageRange = min === undefined && max === undefined ? undefined : { min: min ?? 0, max: max ?? 150 }
  b.set("targetGroup", { description: eligibility, ...(ageRange === undefined ? {} : { ageRange }) }, path)
  b.origin.set("targetGroup.description", path + ".eligibility_description")
  b.origin.set("targetGroup.ageRange.min", path + ".minimum_age")
  b.origin.set("targetGroup.ageRange.max", path + ".maximum_age")
  b.origin.set("targetGroup.ageRange", path + ".maximum_age")
  b.set("localities", localities.map((l) => l.value), path + ".service_at_locations")
  localities.forEach((l, i) => b.origin.set(`localities[${i}]`, l.path))
  const principles = attrs.filter((a) => a.taxonomy === "principle")
  b.set(
    "principles",
    principles.length > 0 ? principles.map((p) => p.code) : [...(ctx.options.principles ?? [])],
    path + ".attributes"
  )
  principles.forEach((p, i) => b.origin.set(`principles[${i}]`, p.path))
  const channels = attrs.filter((a) => a.taxonomy === "first-contact-channel")
  b.set("firstContactChannels", channels.map((c) => c.code), path + ".attributes")
  channels.forEach((c, i) => b.origin.set(`firstContactChannels[${i}]`, c.path))
  const costs = list(service["cost_options"])
  b.set("freeOfCharge", costs.length > 0 && costs.every((c) => c["amount"] === 0), path + ".cost_options")
  const config: Wire = {}
  const program = isObject(service["program"])
    ? service["program"]
    : src.programs.find((p) => p["id"] !== undefined && p["id"] === service["program_id"])
  const programme = program === undefined ? undefined : first(pomocAttributes(program, path + ".program"), "programme")
  if (programme !== undefined) config["programme"] = programme.code
  const funding = list(service["funding"]).map((f, i) =>
    first(pomocAttributes(f, childPath(path, "funding", i, f)), "funding-source")
  ).find((f) => f !== undefined)
  if (funding !== undefined) config["fundingSource"] = funding.code
  if (Object.keys(config).length > 0) b.set("config", config, path + ".program_id")
  b.set("registeredAt", ctx.options.registeredAt, path)
  detailsOf(b, service, path, "phones", "phones", { number: "number", type: "type", description: "description" })
  detailsOf(b, service, path, "languages", "languages", { code: "code", name: "name", note: "note" })
  detailsOf(b, service, path, "service_areas", "serviceAreas", { name: "name", description: "description" })
  scheduleOf(ctx, b, service, path)
  return b
}

/** Everything a document holds, each object with its path, before mapping to Pomoc. */
interface Bundle {
  readonly organizations: Array<{ value: Json; path: string }>
  readonly locations: Array<{ value: Json; path: string; organisationId: unknown; primary: boolean }>
  readonly services: Array<ServiceSource>
  readonly links: Array<{ serviceId: unknown; locationId: unknown; path: string }>
}

const collect = (kind: DocumentKind, document: Json, options: ImportOptions): Bundle => {
  const bundle: Bundle = { organizations: [], locations: [], services: [], links: [] }
  const addLocation = (value: Json, path: string, organisationId: unknown, primary: boolean) =>
    bundle.locations.push({ value, path, organisationId: value["organization_id"] ?? organisationId, primary })
  const addService = (service: Json, path: string, organisationId: unknown, programs: ReadonlyArray<Json>) => {
    const org = isObject(service["organization"]) ? service["organization"] : undefined
    if (org !== undefined) addOrganization(org, `${path}.organization`)
    bundle.services.push({
      service,
      path,
      organisationId: service["organization_id"] ?? org?.["id"] ?? organisationId,
      programs: [...programs, ...list(org?.["programs"])]
    })
    list(service["service_at_locations"]).forEach((sal, j) =>
      addLink(
        sal,
        childPath(path, "service_at_locations", j, sal),
        service["id"],
        service["organization_id"] ?? org?.["id"] ?? organisationId
      )
    )
  }
  const addLink = (sal: Json, path: string, serviceId: unknown, organisationId: unknown) => {
    const location = isObject(sal["location"]) ? sal["location"] : undefined
    if (location !== undefined) addLocation(location, `${path}.location`, organisationId, false)
    bundle.links.push({
      serviceId: sal["service_id"] ?? serviceId,
      locationId: sal["location_id"] ?? location?.["id"],
      path: `${path}.location_id`
    })
  }
  const addOrganization = (org: Json, path: string) => {
    bundle.organizations.push({ value: org, path })
    list(org["locations"]).forEach((l, i) => addLocation(l, childPath(path, "locations", i, l), org["id"], true))
    list(org["services"]).forEach((s, i) =>
      addService(s, childPath(path, "services", i, s), org["id"], list(org["programs"]))
    )
  }
  const addServiceAtLocation = (sal: Json, path: string) => {
    const service = isObject(sal["service"]) ? sal["service"] : undefined
    if (service !== undefined) {
      addService({ ...service, service_at_locations: [] }, `${path}.service`, options.organisationId, [])
    }
    addLink(sal, path, service?.["id"], service?.["organization_id"] ?? options.organisationId)
  }
  const one = (k: string, value: Json, path: string) => {
    if (k === "organization") addOrganization(value, path)
    else if (k === "service") addService(value, path, options.organisationId, [])
    else if (k === "service_at_location") addServiceAtLocation(value, path)
    else if (k === "location") addLocation(value, path, options.organisationId, true)
  }
  if (kind === "tabular") {
    const assembled = Tabular.fromTables(document as Tabular.Tables)
    assembled.organizations.forEach((o) => addOrganization(o, Tabular.originOf(o) ?? "$"))
    assembled.locations.forEach((l) => addLocation(l, Tabular.originOf(l) ?? "$", options.organisationId, true))
    assembled.services.forEach((s) => addService(s, Tabular.originOf(s) ?? "$", options.organisationId, []))
  } else if (kind.endsWith("_list")) {
    list(document["contents"]).forEach((item, i) => one(kind.slice(0, -5), item, `$.contents[${i}]`))
  } else one(kind, document, "$")
  return bundle
}

const checked = <A>(
  b: Builder,
  decode: (u: unknown) => Result.Result<unknown, { readonly problems: ReadonlyArray<Problem> }>,
  problems: Array<Problem>
): Located<A> => {
  const result = decode(b.value)
  if (Result.isFailure(result)) {
    for (const p of result.failure.problems) {
      const path = b.locate(p.path)
      // A field already reported by the HSDS reading (a missing eligibility) is not reported twice.
      if (!problems.some((q) => q.path === path)) {
        problems.push({ path, rule: p.path === "" ? p.rule : `${p.rule} (Pomoc ${p.path})` })
      }
    }
  }
  return { path: b.path, value: b.value as A }
}

const decodeOrganisation = Decode.decoder(Organisation)
const decodeLocation = Decode.decoder(Location)
const decodeService = Decode.decoder(Service)

/**
 * Reads an HSDS document of the given kind into what Pomoc would register, checking it against
 * the HSDS 3.0 schema and against Pomoc's model. Fails with every problem, each at its HSDS path
 * (for tabular documents `$.<table>[<row>].<column>`).
 *
 * @example
 * ```ts
 * const plan = Import.decode("organization", document, { serviceType: "community-centre" })
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const decode = (
  kind: DocumentKind,
  given: unknown,
  options: ImportOptions = {}
): Result.Result<Plan, InvalidHsds> => {
  const document = kind === "tabular" ? Schemas.byTableName(given) : given
  const schemaProblems = Schemas.validate(kind, document)
  if (schemaProblems.length > 0) return Result.fail(new InvalidHsds({ problems: schemaProblems }))
  if (kind === "taxonomy" || kind === "taxonomy_term" || kind === "taxonomy_list" || kind === "taxonomy_term_list") {
    return Result.succeed({ organisations: [], locations: [], services: [] })
  }
  const ctx: Context = {
    problems: [],
    options: { ...options, registeredAt: options.registeredAt ?? new Date().toISOString() }
  }
  const bundle = collect(kind, document as Json, options)
  const orgIds = new Map<unknown, unknown>()
  const organisations: Array<Located<typeof Organisation.Encoded>> = []
  for (const o of bundle.organizations) {
    if (orgIds.has(o.value["id"])) continue
    const b = organisationOf(o.value, o.path)
    orgIds.set(o.value["id"], b.value["id"])
    organisations.push(checked(b, decodeOrganisation, ctx.problems))
  }
  const soleOrganisation = organisations.length === 1 ? organisations[0]!.value.id : options.organisationId
  const locationIds = new Map<unknown, unknown>()
  const locations: Array<Located<typeof Location.Encoded>> = []
  for (const l of [...bundle.locations.filter((x) => x.primary), ...bundle.locations.filter((x) => !x.primary)]) {
    const hsdsId = l.value["id"]
    if (locationIds.has(hsdsId)) {
      if (l.primary) ctx.problems.push({ path: `${l.path}.id`, rule: "is the id of another location in the document" })
      continue
    }
    const orgId = l.organisationId === undefined ? soleOrganisation : orgIds.get(l.organisationId) ?? l.organisationId
    const b = locationOf(ctx, l.value, l.path, orgId)
    locationIds.set(hsdsId, b.value["id"])
    locations.push(checked(b, decodeLocation, ctx.problems))
  }
  const serviceIds = new Set<unknown>()
  const services: Array<Located<typeof Service.Encoded>> = []
  for (const s of bundle.services) {
    const hsdsId = s.service["id"]
    if (serviceIds.has(hsdsId)) {
      ctx.problems.push({ path: `${s.path}.id`, rule: "is the id of another service in the document" })
      continue
    }
    serviceIds.add(hsdsId)
    const localities = bundle.links.filter((k) => k.serviceId === hsdsId).flatMap((k) => {
      if (!locationIds.has(k.locationId)) {
        ctx.problems.push({ path: k.path, rule: "names no location in the document" })
        return []
      }
      return [{ path: k.path, value: locationIds.get(k.locationId) }]
    })
    const orgId = s.organisationId === undefined ? soleOrganisation : orgIds.get(s.organisationId) ?? s.organisationId
    services.push(checked(serviceOf(ctx, { ...s, organisationId: orgId }, localities), decodeService, ctx.problems))
  }
  return ctx.problems.length > 0
    ? Result.fail(new InvalidHsds({ problems: ctx.problems }))
    : Result.succeed({ organisations, locations, services })
}

/**
 * Reads the CSV files of an HSDS data package (see `Tabular.fromDataPackage`) into what Pomoc would
 * register, like {@link decode}, every problem naming its file, row and column
 * (`services.csv row 5 column minimum_age`).
 * @since 0.2.0
 * @category combinators
 */
export const decodeDataPackage = (
  files: Readonly<Record<string, string>>,
  options: ImportOptions = {}
): Result.Result<Plan, InvalidHsds> => {
  const { tables, problems } = Tabular.fromDataPackage(files)
  if (problems.length > 0) return Result.fail(new InvalidHsds({ problems }))
  return Result.mapError(
    decode("tabular", tables, options),
    (e) => new InvalidHsds({ problems: e.problems.map((p) => ({ path: Tabular.csvPath(p.path), rule: p.rule })) })
  )
}

/**
 * The write operations an import needs, as the case-work API offers them (`Pomoc.Pomoc`'s
 * service, or any API of that shape). `batch`, where the API has it, runs many writes as one
 * unit of work: all stored, or none.
 * @since 0.2.0
 * @category models
 */
export interface DirectoryWriter {
  /** The case-work API's `registerOrganisation`. */
  registerOrganisation(actor: ActorRef, input: never): Effect.Effect<unknown, { readonly _tag: string }>
  /** The case-work API's `registerLocation`. */
  registerLocation(actor: ActorRef, input: never): Effect.Effect<unknown, { readonly _tag: string }>
  /** The case-work API's `registerService`. */
  registerService(actor: ActorRef, input: never): Effect.Effect<unknown, { readonly _tag: string }>
  /** The case-work API's `batch`, when it has one: the whole document as one unit of work. */
  readonly batch?: (
    actor: ActorRef,
    commands: ReadonlyArray<
      { readonly op: "registerOrganisation" | "registerLocation" | "registerService"; readonly input: never }
    >,
    options?: { readonly allRefusals?: boolean }
  ) => Effect.Effect<unknown, { readonly _tag: string }>
}

type Step = {
  readonly op: "registerOrganisation" | "registerLocation" | "registerService"
  readonly path: string
  readonly input: unknown
}

/** The field and rule a case-work error names (never a value). */
const ruleOf = (e: unknown): string => {
  if (typeof e !== "object" || e === null) return "refused"
  const r = e as {
    readonly _tag?: unknown
    readonly field?: unknown
    readonly rule?: unknown
    readonly violations?: unknown
    readonly problems?: unknown
  }
  if (typeof r.field === "string" && typeof r.rule === "string") return `${r.field}: ${r.rule}`
  if (Array.isArray(r.violations)) {
    return r.violations.map((v: { principle?: unknown; rule?: unknown }) => `${String(v.principle)}/${String(v.rule)}`)
      .join(", ")
  }
  if (Array.isArray(r.problems)) {
    return r.problems.map((p: { path?: unknown; rule?: unknown }) => `${String(p.path)}: ${String(p.rule)}`).join("; ")
  }
  return typeof r._tag === "string" ? r._tag : "refused"
}

/**
 * Imports an HSDS document: decodes it (failing with {@link InvalidHsds} and storing nothing
 * when any part breaks HSDS or Pomoc's model), then registers its organisations, locations and
 * services through the case-work API as `actor`, so each passes access control and the
 * principles. A refusal by the API (a principle, access, a taken id, an unknown service type)
 * fails with {@link ImportRefused} naming the HSDS path refused.
 *
 * Where the API offers `batch`, the writes are one unit of work: a refusal stores nothing. An API
 * without it gets the writes one after another: everything is checked before the first, but a
 * refusal only the principles or the store can see leaves the earlier records stored, and
 * `ImportRefused.stored` lists them.
 *
 * @since 0.2.0
 * @category combinators
 */
export const importDocument = Effect.fn("Hsds.importDocument")(function*(
  api: DirectoryWriter,
  actor: ActorRef,
  kind: DocumentKind,
  document: unknown,
  options: ImportOptions = {}
) {
  const plan = yield* Result.match(decode(kind, document, options), {
    onFailure: Effect.fail,
    onSuccess: Effect.succeed
  })
  const steps: ReadonlyArray<Step> = [
    ...plan.organisations.map((o) => ({ op: "registerOrganisation" as const, path: o.path, input: o.value })),
    ...plan.locations.map((l) => ({ op: "registerLocation" as const, path: l.path, input: l.value })),
    ...plan.services.map((s) => ({ op: "registerService" as const, path: s.path, input: s.value }))
  ]
  if (api.batch !== undefined) {
    // Every command is tried, so every refused part is named (the first, then `others`).
    yield* api.batch(actor, steps.map((s) => ({ op: s.op, input: s.input as never })), { allRefusals: true }).pipe(
      Effect.mapError((e) => {
        const failed = e as {
          readonly index?: unknown
          readonly error?: unknown
          readonly later?: ReadonlyArray<{ readonly index: number; readonly error: unknown }>
        }
        const part = (index: unknown, error: unknown) => {
          const step = typeof index === "number" ? steps[index] : undefined
          const cause = step === undefined ? e : error ?? e
          const tag = typeof cause === "object" && cause !== null && "_tag" in cause ? String(cause._tag) : e._tag
          return { path: step?.path ?? "$", reason: tag, rule: ruleOf(cause) }
        }
        const others = (failed.later ?? []).map((r) => part(r.index, r.error))
        return new ImportRefused({
          ...part(failed.index, failed.error),
          stored: [],
          ...(others.length > 0 ? { others } : {})
        })
      })
    )
    return plan
  }
  const stored: Array<string> = []
  yield* Effect.forEach(steps, (step) =>
    api[step.op](actor, step.input as never).pipe(
      Effect.tap(() => Effect.sync(() => stored.push(step.path))),
      Effect.mapError((e) =>
        new ImportRefused({ path: step.path, reason: e._tag, rule: ruleOf(e), stored: [...stored] })
      )
    ), { discard: true })
  return plan
})
