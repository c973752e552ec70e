/**
 * The version of `@pomoc/core` that plugins' `requires.core` ranges are checked against: the
 * version in core's `package.json`. `npm run version` (scripts/sync-core-version.mjs) keeps it,
 * and every plugin's `requires.core`, in step after `changeset version`.
 *
 * @since 0.1.0
 */
export const version = "0.1.0"
