/**
 * What HSDS has no field for travels as attributes: links to taxonomy terms of Pomoc's own
 * taxonomies, named `pomoc:<name>`, whose codes are the plugins' codes (the service type, the
 * principles binding a service, its first-contact channels, a location's kind). Other tools show
 * them as ordinary taxonomy terms; Pomoc reads them back on import.
 *
 * @since 0.2.0
 */

/**
 * Pomoc's taxonomies, carried as HSDS attributes. `id`, `platform` and `country` carry a value
 * (the attribute's `value`); the others a code (the taxonomy term's `code`).
 * @since 0.2.0
 * @category models
 */
export type PomocTaxonomy =
  | "service-type"
  | "principle"
  | "first-contact-channel"
  | "location-kind"
  | "listing"
  | "programme"
  | "funding-source"
  | "programme-id"
  | "id"
  | "platform"
  | "country"

/**
 * What each Pomoc taxonomy holds, as the taxonomy terms' description says.
 * @since 0.2.0
 * @category models
 */
export const descriptions: Readonly<Record<PomocTaxonomy, string>> = {
  "service-type": "The Pomoc service type (plugin) of a service.",
  "principle": "A principle that binds the service (Pomoc principle id).",
  "first-contact-channel": "A way people first come into contact with the service (the service type's code).",
  "location-kind": "The kind of place (Pomoc location kind).",
  "listing": "How a confidential location is listed: without its address.",
  "programme": "The programme a service belongs to (the service type's code).",
  "funding-source": "The source funding a service or programme (a code of its kind).",
  "programme-id": "The Pomoc id of the programme a funding is for.",
  "id": "The record's id in Pomoc, where it is not a UUID.",
  "platform": "The online platform of a virtual location.",
  "country": "The organisation's country (ISO 3166-1 alpha-2)."
}

/** Taxonomies whose attribute carries a value rather than a code. */
export const valued: ReadonlySet<PomocTaxonomy> = new Set(["id", "platform", "country", "programme-id"])

const PREFIX = "pomoc:"

/**
 * The HSDS `taxonomy` name of a Pomoc taxonomy.
 * @since 0.2.0
 * @category combinators
 */
export const taxonomyName = (t: PomocTaxonomy): string => PREFIX + t

/**
 * The Pomoc taxonomy an HSDS `taxonomy` name stands for, if any.
 * @since 0.2.0
 * @category combinators
 */
export const fromTaxonomyName = (name: unknown): PomocTaxonomy | undefined =>
  typeof name === "string" && name.startsWith(PREFIX) && Object.hasOwn(descriptions, name.slice(PREFIX.length))
    ? (name.slice(PREFIX.length) as PomocTaxonomy)
    : undefined
