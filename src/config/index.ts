/** The checker's configuration: see docs/config.md. Pure parts only (load.ts is Node's). */
export {
  effectiveConfig,
  mergeOptions,
  toCheckOptions,
  validateConfig,
  type CheckConfig,
  type ConfigIssue,
  type EffectiveConfig,
  type RuleSetting,
} from "./schema";
