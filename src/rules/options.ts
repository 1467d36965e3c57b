/**
 * Rule options at run time: the configured values over the defaults a rule declares in its meta.
 * The engine trusts nothing it is given (an API caller may skip src/config's validation): a value of
 * the wrong type, or out of its declared range, falls back to the default.
 */
import Decimal from "decimal.js";
import type { CheckOptions, OptionSpec, OptionValue, RuleContext, RuleMeta } from "./types";

function accepts(spec: OptionSpec, v: unknown): v is OptionValue {
  if (spec.type === "words") return Array.isArray(v) && v.every((w) => typeof w === "string" && w !== "");
  if (v === null) return spec.nullable === true;
  if (typeof v !== "number" || !Number.isFinite(v)) return false;
  if (spec.type === "integer" && !Number.isInteger(v)) return false;
  return (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max);
}

/** A rule's effective options: every declared option, configured or default. */
export function resolveSettings(
  meta: RuleMeta,
  given: Record<string, unknown> | undefined,
): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(meta.options ?? {})) {
    const v = given?.[name];
    out[name] = v !== undefined && accepts(spec, v) ? v : spec.default;
  }
  return out;
}

/** A number option (null where the rule's option is nullable and switched off). */
export function numberSetting(ctx: Pick<RuleContext, "settings">, name: string): number | null {
  const v = ctx.settings[name];
  return typeof v === "number" ? v : null;
}

export function wordsSetting(ctx: Pick<RuleContext, "settings">, name: string): readonly string[] {
  const v = ctx.settings[name];
  return Array.isArray(v) ? v : [];
}

/** Place names the rules ignore when comparing names (CheckOptions.vocabularies.placeNames). */
export function placeNames(options: CheckOptions): readonly string[] {
  const list = options.vocabularies?.placeNames;
  return Array.isArray(list) ? list.filter((w) => typeof w === "string" && w !== "") : [];
}

// ---- tolerance policy ----------------------------------------------------------------------

export type TolerancePolicy = { kind: "interval" } | { kind: "exact" } | { kind: "absolute"; yuan: Decimal };

/** `interval`, `exact`, `absolute:50`, `absolute:0.5` (元). */
export const TOLERANCE_PATTERN = /^(?:interval|exact|absolute:\d{1,12}(?:\.\d{1,6})?)$/;

export const DEFAULT_TOLERANCE = "interval";

/** The policy named by `text`; the default (interval) for anything else. */
export function tolerancePolicy(text: string | undefined): TolerancePolicy {
  if (text === undefined || !TOLERANCE_PATTERN.test(text) || text === "interval") return { kind: "interval" };
  if (text === "exact") return { kind: "exact" };
  return { kind: "absolute", yuan: new Decimal(text.slice("absolute:".length)) };
}

/**
 * The allowance of a sum check under the workbook's policy. `interval` is the sum of the terms'
 * half-units, as computed by the rule; `yuanPerUnit` converts an absolute allowance in 元 into the
 * rule's unit (10000 for a check in 万元).
 */
export function allowanceUnder(
  policy: TolerancePolicy,
  interval: Decimal,
  yuanPerUnit: Decimal.Value = 1,
): Decimal {
  switch (policy.kind) {
    case "interval":
      return interval;
    case "exact":
      return new Decimal(0);
    case "absolute":
      return policy.yuan.div(yuanPerUnit);
  }
}
