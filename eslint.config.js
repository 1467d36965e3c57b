// ESLint flat config: the Office add-in rules (load/sync discipline) on every TS file,
// plus a guard that keeps the engine and the rules free of host imports.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

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
  {
    files: ["src/engine/**/*.ts", "src/rules/**/*.ts", "src/templates/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "exceljs", "react", "react-dom", "@fluentui/*"],
              message: "The engine is pure: no host imports.",
            },
            {
              group: ["**/hosts/**", "**/cli/**", "**/taskpane/**"],
              message: "The engine must not depend on a host.",
            },
          ],
        },
      ],
    },
  },
];
