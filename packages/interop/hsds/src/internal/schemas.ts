// The HSDS 3.0 schemas shipped with this package (see ./schema/README.md), by file name.
import accessibility from "../schema/accessibility.json" with { type: "json" }
import address from "../schema/address.json" with { type: "json" }
import attribute from "../schema/attribute.json" with { type: "json" }
import contact from "../schema/contact.json" with { type: "json" }
import costOption from "../schema/cost_option.json" with { type: "json" }
import funding from "../schema/funding.json" with { type: "json" }
import language from "../schema/language.json" with { type: "json" }
import location from "../schema/location.json" with { type: "json" }
import metaTableDescription from "../schema/meta_table_description.json" with { type: "json" }
import metadata from "../schema/metadata.json" with { type: "json" }
import organization from "../schema/organization.json" with { type: "json" }
import organizationIdentifier from "../schema/organization_identifier.json" with { type: "json" }
import phone from "../schema/phone.json" with { type: "json" }
import program from "../schema/program.json" with { type: "json" }
import requiredDocument from "../schema/required_document.json" with { type: "json" }
import schedule from "../schema/schedule.json" with { type: "json" }
import service from "../schema/service.json" with { type: "json" }
import serviceArea from "../schema/service_area.json" with { type: "json" }
import serviceAtLocation from "../schema/service_at_location.json" with { type: "json" }
import taxonomy from "../schema/taxonomy.json" with { type: "json" }
import taxonomyTerm from "../schema/taxonomy_term.json" with { type: "json" }

export const objectSchemas: Readonly<Record<string, object>> = {
  "accessibility": accessibility,
  "address": address,
  "attribute": attribute,
  "contact": contact,
  "cost_option": costOption,
  "funding": funding,
  "language": language,
  "location": location,
  "meta_table_description": metaTableDescription,
  "metadata": metadata,
  "organization": organization,
  "organization_identifier": organizationIdentifier,
  "phone": phone,
  "program": program,
  "required_document": requiredDocument,
  "schedule": schedule,
  "service": service,
  "service_area": serviceArea,
  "service_at_location": serviceAtLocation,
  "taxonomy": taxonomy,
  "taxonomy_term": taxonomyTerm
}

export { default as datapackage } from "../schema/datapackage.json" with { type: "json" }
