/**
 * The constructors of an operation's {@link Subject}: what a write or read is about, and so where
 * it is authorised. Re-exported by `Operation`.
 *
 * @internal
 */
import type { Service } from "../model/Directory.js"
import type { ServiceId } from "../model/Ids.js"
import type { Loaded, Subject } from "./Operation.js"
import type { Mapping } from "./Records.js"

/**
 * The subject of an organisation-level operation.
 * @since 0.2.0
 * @category constructors
 */
export const organisation: Subject<unknown, undefined> = { _tag: "Organisation" }

/**
 * The subject of an organisation-level record any of the actor's services may add.
 * @since 0.2.0
 * @category constructors
 */
export const anywhere: Subject<unknown, undefined> = { _tag: "Anywhere" }

/**
 * The subject of the organisation's setup: allowed only while the staff directory is empty.
 * @since 0.2.0
 * @category constructors
 */
export const setup: Subject<unknown, undefined> = { _tag: "Setup" }

/**
 * A new record in the service its input names. The subject is the loaded service.
 * @since 0.2.0
 * @category constructors
 */
export const newIn = <I>(serviceId: (input: I) => ServiceId): Subject<I, Loaded<Service>> => ({
  _tag: "New",
  serviceId,
  loadService: true
})

/**
 * A subject authorised in the service its input names, without reading the service: a new
 * service, or a report (organisation-wide when no service is named).
 * @since 0.2.0
 * @category constructors
 */
export const newService = <I>(serviceId: (input: I) => ServiceId | undefined): Subject<I, undefined> => ({
  _tag: "New",
  serviceId,
  loadService: false
})

/**
 * An existing record by id, belonging to the services `services` lists.
 * @since 0.2.0
 * @category constructors
 */
export const existing = <I, R>(
  mapping: Mapping<R>,
  id: (input: I) => string,
  services: (record: R) => ReadonlyArray<string>
): Subject<I, Loaded<R>> => ({ _tag: "Existing", mapping: mapping as unknown as Mapping<unknown>, id, services })

/**
 * An existing record of one of several kinds, the kind read from the input (`mappingOf`);
 * `mapping` is the first kind, for documentation. Records with no service are authorised as
 * {@link anywhere}.
 * @since 0.2.0
 * @category constructors
 */
export const existingOf = <I, R>(
  mappings: ReadonlyArray<Mapping<R>>,
  mappingOf: (input: I) => Mapping<R>,
  id: (input: I) => string,
  services: (record: R) => ReadonlyArray<string>
): Subject<I, Loaded<R>> => ({
  _tag: "Existing",
  mapping: mappings[0] as unknown as Mapping<unknown>,
  mappingOf: mappingOf as unknown as (input: I) => Mapping<unknown>,
  id,
  services
})
