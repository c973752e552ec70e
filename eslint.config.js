// @ts-check
import tseslint from "typescript-eslint"

export default tseslint.config(
  { ignores: ["**/dist/**", "**/.tsbuild/**", "docs/api/**", "**/node_modules/**", ".release/**", ".tmp/**", "**/.tmp/**", "**/*.js", "**/*.mjs", "**/tsup.config.ts"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.ts"] }, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      // Effect generators may legitimately have no `yield` (Effect.gen with a plain return).
      "require-yield": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-namespace": "off",
      "@typescript-eslint/no-empty-object-type": "off",
      "@typescript-eslint/unbound-method": "off",
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "off",
      "@typescript-eslint/no-implied-eval": "error"
    }
  },
  {
    // Core must run in a browser: no Node built-ins.
    files: ["packages/core/src/**/*.ts", "packages/services/*/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", "fs", "path", "crypto", "os", "child_process", "worker_threads", "buffer", "stream", "util"], message: "Core and plugins must not use Node built-ins (they run in browsers too)." }] }]
    }
  },
  {
    // No file in core over 500 lines (CONVENTIONS.md: one module, one idea). Counted as the editor
    // shows them, comments and blank lines included.
    files: ["packages/core/src/**/*.ts"],
    rules: { "max-lines": ["error", { max: 500 }] }
  },
  {
    files: ["**/*.test.ts", "**/test/**/*.ts", "bench/**/*.ts", "examples/**/*.ts", "*.ts"],
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off"
    }
  }
)
