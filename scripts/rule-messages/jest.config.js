/**
 * Every message the rules' case tables produce, in zh and en, for quoting in docs/rules/<id>.md:
 *   npx jest -c scripts/rule-messages/jest.config.js [test/rules/<id>.test.ts]
 * runs test/rules/*.test.ts with tester.ts in place of test/support/rule-tester.ts and writes
 * $RULE_MESSAGES_DIR/<id>.json (default: <tmp>/rule-messages).
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/test/rules"],
  testMatch: ["**/*.test.ts"],
  moduleNameMapper: { "^\\.\\./support/rule-tester$": "<rootDir>/scripts/rule-messages/tester.ts" },
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};
