import { Location, Organisation, Service } from "@pomoc/core"
import { Schema } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Export, Import, Schemas } from "../src/index.js"

export const here = dirname(fileURLToPath(import.meta.url))
export const examplesDir = join(here, "examples")

export const readJson = (file: string): unknown => JSON.parse(readFileSync(join(examplesDir, file), "utf8"))

/** The official examples, each with the kind of document it is. */
export const examples: ReadonlyArray<readonly [string, Schemas.DocumentKind]> = [
  ["organization_full.json", "organization"],
  ["service_full.json", "service"],
  ["service_at_location_full.json", "service_at_location"],
  ["location.json", "location"],
  ["organization_list.json", "organization_list"],
  ["service_list.json", "service_list"],
  ["service_at_location_list.json", "service_at_location_list"],
  ["taxonomy.json", "taxonomy"],
  ["taxonomy_term.json", "taxonomy_term"],
  ["taxonomy_list.json", "taxonomy_list"],
  ["taxonomy_term_list.json", "taxonomy_term_list"]
]

export const csvFiles = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(join(examplesDir, "csv")).map((f) => [f, readFileSync(join(examplesDir, "csv", f), "utf8")])
  )

const decodeOrganisation = Schema.decodeUnknownSync(Organisation)
const decodeService = Schema.decodeUnknownSync(Service)
const decodeLocation = Schema.decodeUnknownSync(Location)

/**
 * The directories of a plan, one per organisation, with placeholder organisations for services
 * whose organisation is not in the plan; every location goes with the first directory.
 */
export const directoriesOf = (plan: Import.Plan): Array<Export.Directory> => {
  const orgs = plan.organisations.map((o) => o.value)
  const ids = new Set(orgs.map((o) => o.id))
  const orphans = plan.services.map((s) => s.value.organisationId).filter((id) => !ids.has(id))
  if (orgs.length === 0 && orphans.length === 0 && plan.locations.length > 0) {
    orphans.push(plan.locations[0]!.value.organisationId)
  }
  const all = [...orgs, ...[...new Set(orphans)].map((id) => ({ id, name: "placeholder" }))]
  return all.map((o, i) => ({
    organisation: decodeOrganisation(o),
    services: plan.services.filter((s) => s.value.organisationId === o.id).map((s) => decodeService(s.value)),
    locations: i === 0 ? plan.locations.map((l) => decodeLocation(l.value)) : []
  }))
}

/** A plan's records without their paths, sorted by id, for comparisons. */
export const recordsOf = (plan: Import.Plan) => {
  const byId = <A extends { readonly id: string }>(xs: ReadonlyArray<{ readonly value: A }>) =>
    xs.map((x) => x.value).sort((a, b) => a.id.localeCompare(b.id))
  return { organisations: byId(plan.organisations), locations: byId(plan.locations), services: byId(plan.services) }
}
