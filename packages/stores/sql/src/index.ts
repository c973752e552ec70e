/**
 * @packageDocumentation
 */
export {}
