/** Unique id arrays for the arbitraries (not part of the public testing API). */
import * as fc from "fast-check"
import { arbId } from "../arbitraries/primitives.js"

/** Between `minLength` and `maxLength` distinct ids. */
export const uniqueIds = (maxLength: number, minLength = 0) => fc.uniqueArray(arbId, { minLength, maxLength })
