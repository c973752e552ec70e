// Core's helper under the name this package's modules use.
export { labelsOf as labels } from "@pomoc/core"
