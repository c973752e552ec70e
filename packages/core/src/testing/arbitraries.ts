/**
 * fast-check arbitraries of the wire (JSON) form of every entity and value type of the model.
 * Every generated value satisfies every check of its schema, so it decodes; timestamps are
 * canonical ISO strings (millisecond precision, `Z`), so a value survives
 * decode → encode unchanged. Free texts mix Czech, Lithuanian, Bulgarian and emoji.
 *
 * @since 0.1.0
 */
export * from "./arbitraries/primitives.js"
export * from "./arbitraries/people.js"
export * from "./arbitraries/casework.js"
export * from "./arbitraries/records.js"
export * from "./arbitraries/entities.js"
