// ESLint flat config: the Office add-in rules (load/sync discipline) on every TS file,
// plus a guard that keeps the engine and the rules free of host imports.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

/** The engine and the rules are pure: no host imports. */
const PURE = [
  {
    group: ["node:*", "fs", "path", "os", "exceljs", "react", "react-dom", "@fluentui/*"],
    message: "The engine is pure: no host imports.",
  },
  {
    group: ["**/hosts/**", "**/cli/**", "**/taskpane/**"],
    message: "The engine must not depend on a host.",
  },
];
const NO_RULES = {
  group: ["**/rules", "**/rules/**"],
  message: "The engine and the templates import no rule: shared helpers belong in src/engine or src/core.",
};
const NO_CLI = {
  group: ["**/cli", "**/cli/**"],
  message: "Hosts import no command-line code: the report's words and model are in src/report.",
};
const SHARED_FROM_CORE = {
  group: ["**/rules/types"],
  importNames: [
    "Lang",
    "Severity",
    "Category",
    "CellAddress",
    "Diagnostic",
    "SumDetail",
    "SumItem",
    "MessageRef",
    "Message",
    "MessageArgs",
    "MessageArg",
    "Fix",
    "CellEdit",
  ],
  message: "Import the shared vocabulary from src/core, not from the rule contract.",
};

/**
 * One catalogue of words (issue 13): a `{ zh: "…", en: "…" }` message written in code outside
 * src/messages (the catalogue), src/rules (each rule's meta.messages) and src/templates (profile data)
 * would be a seventh catalogue growing back. The internal rule's meta (src/checker.ts) is a rule's.
 */
const MESSAGE_LITERAL = {
  selector:
    ':not(Property[key.name="meta"] *) > ObjectExpression > Property:matches([key.name="zh"], [key.value="zh"])[value.type=/^(Literal|TemplateLiteral)$/]',
  message:
    "Words are data in the one catalogue (src/messages/<namespace>.ts), rendered with t(id, lang, args): no { zh, en } message literal here.",
};

module.exports = [
  { ignores: ["node_modules/", "dist/", "coverage/", "test-artifacts/", "bin/"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    // The same plugin object office-addins registers (its own copy), so .tsx gets the TS-aware rule too.
    plugins: {
      "@typescript-eslint": officeAddins.configs.react.find((c) => c.plugins?.["@typescript-eslint"]).plugins[
        "@typescript-eslint"
      ],
    },
    rules: {
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": "error",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
  },
  {
    // The Office.js load/sync rules match on names like getCell(); exceljs code is not Office.js.
    files: [
      "src/hosts/xlsx/**",
      "src/cli/**",
      "scripts/**",
      "test/cli/**",
      "test/hosts/**",
      "test/emulator/**",
    ],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  // Import boundaries (issue 13). Flat config: a later block's no-restricted-imports replaces an
  // earlier one for the files it matches, so each block lists every restriction its files need.
  {
    // The shared vocabulary comes from src/core, not from the rule contract (src/rules/types keeps
    // RuleMeta, Rule, Report, RuleContext, OptionSpec, OptionValue, CheckOptions and defineRule, which
    // the checker, the config and the tests may import).
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    ignores: ["src/rules/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [SHARED_FROM_CORE] }] },
  },
  {
    files: ["src/rules/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...PURE] }] },
  },
  {
    // The engine, the templates and the shared vocabulary import no rule (and no host).
    files: ["src/core/**/*.ts", "src/engine/**/*.ts", "src/templates/**/*.ts", "src/template/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...PURE, NO_RULES, SHARED_FROM_CORE] }] },
  },
  {
    // Hosts and the add-in's logic import no command-line code: the report's words are in src/report.
    files: [
      "src/hosts/**/*.{ts,tsx}",
      "src/app/**/*.{ts,tsx}",
      "src/taskpane/**/*.{ts,tsx}",
      "src/report/**/*.{ts,tsx}",
      "src/demo/**/*.{ts,tsx}",
      "src/commands/**/*.{ts,tsx}",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_CLI, SHARED_FROM_CORE] }] },
  },
  {
    // The catalogue is data and its renderer: it imports nothing but src/core (and its own files).
    files: ["src/messages/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...PURE,
            { group: ["../*", "!../core"], message: "src/messages imports nothing but src/core." },
          ],
        },
      ],
    },
  },
  {
    // No message literal outside the catalogue (see MESSAGE_LITERAL).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/messages/**", "src/rules/**", "src/templates/**"],
    rules: { "no-restricted-syntax": ["error", MESSAGE_LITERAL] },
  },
];
