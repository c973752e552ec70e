// Core's helpers under the names this package's modules use.
export { ageRangeFit as fitOf, type AgeRangeFit as BandFit, labelsOf as labels } from "@pomoc/core"
