/**
 * The version of `@pomoc/core` that plugins' `requires.core` ranges are checked against. Kept in
 * step with `package.json` by `npm run version` (scripts/sync-core-version.mjs); while the
 * package is unreleased (`0.0.0`), it names the version being prepared.
 *
 * @since 0.1.0
 */
export const version = "0.1.0"
