/**
 * The custom fields street work adds to core records: on a contact, how many of the people in it
 * had not known the service before (`newToService`). One LAN-party contact with 40 gamers, 30 of
 * them new, is one contact with `newToService: 30`, not two contacts split by the code
 * `first-heard-of-service`; the share of new people per way of first contact (the seed's ~75 % at
 * LAN parties) is the facet `field_newToService` summed against the people reached.
 *
 * @since 0.2.0
 */
import { Labels, PluginField } from "@pomoc/core"
import { Schema } from "effect"

/**
 * The type of {@link fields}.
 *
 * @since 0.2.0
 * @category models
 */
export interface StreetWorkFields {
  /** Fields on a contact. */
  readonly contact: {
    /** How many people of the contact had not known the service before. */
    readonly newToService: PluginField.FieldDefinition<number, number> & { readonly personal: false }
  }
}

/**
 * Street work's custom fields, by record kind: `contact.newToService`, a reportable count.
 *
 * @since 0.2.0
 * @category models
 */
export const fields: StreetWorkFields = {
  contact: {
    newToService: PluginField.reportable(
      Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000 })),
      Labels.of(
        "People who had not known the service before",
        "Lidé, kteří předtím o službě nevěděli",
        "Žmonės, kurie anksčiau apie paslaugą nežinojo",
        "Хора, които преди това не са знаели за услугата"
      )
    )
  }
}
