/**
 * CheckConfig: the checker's configuration as JSON (a `perf-target-check.config.json`, `--config
 * FILE`, or the add-in's workbook setting), its validation, and its translation into CheckOptions.
 *
 * Validated with zod (v4): the schema is built from the rules' own option declarations
 * (RuleMeta.options), so a new option is validated, documented and printed without code here. zod
 * only finds the problems and where they are (the JSON path); what the user reads comes from
 * src/messages/config.ts, chosen by that path, in zh-CN or English. Pure: no Node, no Office — the add-in
 * validates its workbook setting with the same code.
 */
import { z } from "zod";
import { ALL_RULES } from "../rules";
import { resolveSettings, TOLERANCE_PATTERN, DEFAULT_TOLERANCE } from "../rules/options";
import type { MessageArgs, Severity } from "../core";
import type { CheckOptions, OptionSpec, OptionValue, Rule } from "../rules/types";
import type { Catalogue } from "../messages";

export type SeveritySetting = Severity | "off";

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, OptionValue>;
}

export interface CheckConfig {
  /** Editors' JSON-schema hint; ignored. */
  $schema?: string;
  /** Template profile ids to use instead of detecting one per form. */
  templates?: string[];
  /** "interval" (default), "exact" or "absolute:N" (N 元). */
  tolerance?: string;
  /** Per rule: a severity or "off", or { severity, options }. */
  rules?: Record<string, SeveritySetting | RuleSetting>;
  vocabularies?: { placeNames?: string[] };
}

/** A message of the configuration's namespace (src/messages/config.ts), rendered as `config.<id>`. */
export type ConfigMessageId = keyof Catalogue["config"];

/** One validation problem: a message id of the config namespace, the JSON path, the message's arguments. */
export interface ConfigIssue {
  id: ConfigMessageId;
  /** `rules.percent-range.options.satisfactionFloor`, `templates[1]`; "" for the whole document. */
  path: string;
  args: MessageArgs;
}

export type ValidationResult = { ok: true; config: CheckConfig } | { ok: false; issues: ConfigIssue[] };

export interface ValidateOptions {
  rules?: readonly Rule[];
  /** Known template profile ids; when empty or absent, any id is accepted. */
  templates?: readonly string[];
}

export const TOP_KEYS = ["$schema", "templates", "tolerance", "rules", "vocabularies"] as const;
const RULE_ENTRY_KEYS = ["severity", "options"] as const;
const VOCABULARY_KEYS = ["placeNames"] as const;
const SEVERITIES = ["off", "info", "warning", "error"] as const;

const words = () => z.array(z.string().min(1));

function optionSchema(spec: OptionSpec): z.ZodType {
  if (spec.type === "words") return words();
  let n = z.number();
  if (spec.type === "integer") n = n.int();
  if (spec.min !== undefined) n = n.min(spec.min);
  if (spec.max !== undefined) n = n.max(spec.max);
  return spec.nullable ? n.nullable() : n;
}

function buildSchema(rules: readonly Rule[]) {
  const ruleShape: Record<string, z.ZodType> = {};
  for (const r of rules) {
    const options: Record<string, z.ZodType> = {};
    for (const [name, spec] of Object.entries(r.meta.options ?? {}))
      options[name] = optionSchema(spec).optional();
    ruleShape[r.meta.id] = z
      .preprocess(
        (v) => (typeof v === "string" ? { severity: v } : v),
        z.strictObject({
          severity: z.enum(SEVERITIES).optional(),
          options: z.strictObject(options).optional(),
        }),
      )
      .optional();
  }
  return z.strictObject({
    $schema: z.string().optional(),
    templates: z.array(z.string().min(1)).optional(),
    tolerance: z.string().regex(TOLERANCE_PATTERN).optional(),
    rules: z.strictObject(ruleShape).optional(),
    vocabularies: z.strictObject({ placeNames: words().optional() }).optional(),
  });
}

const schemas = new WeakMap<readonly Rule[], ReturnType<typeof buildSchema>>();

function schemaFor(rules: readonly Rule[]) {
  let s = schemas.get(rules);
  if (!s) schemas.set(rules, (s = buildSchema(rules)));
  return s;
}

/** Validates a parsed JSON document as a CheckConfig. */
export function validateConfig(input: unknown, opts: ValidateOptions = {}): ValidationResult {
  const rules = opts.rules ?? ALL_RULES;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ id: "notObject", path: "", args: { value: shown(input) } }] };
  }
  const parsed = schemaFor(rules).safeParse(input);
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  const add = (i: ConfigIssue) => {
    const key = `${i.path}|${i.id}|${String(i.args.key ?? "")}`;
    if (!seen.has(key)) (issues.push(i), seen.add(key));
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) add(unknownKeyIssue(path, key, rules));
      } else {
        add(valueIssue(path, input, rules));
      }
    }
  }
  const known = opts.templates ?? [];
  const templates = (input as CheckConfig).templates;
  if (known.length > 0 && Array.isArray(templates)) {
    templates.forEach((t, i) => {
      if (typeof t === "string" && t !== "" && !known.includes(t))
        add({ id: "unknownTemplate", path: `templates[${i}]`, args: { value: t, known: known.join(", ") } });
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, config: input as CheckConfig };
}

function unknownKeyIssue(path: (string | number)[], key: string, rules: readonly Rule[]): ConfigIssue {
  const at = joinPath(path);
  const full = joinPath([...path, key]);
  if (path.length === 0) return { id: "unknownKey", path: full, args: { key, known: TOP_KEYS.join(", ") } };
  if (path.length === 1 && path[0] === "rules") {
    const near = nearest(
      key,
      rules.map((r) => r.meta.id),
    );
    return near
      ? { id: "unknownRuleNear", path: full, args: { key, near } }
      : { id: "unknownRule", path: full, args: { key, example: rules[0]?.meta.id ?? "" } };
  }
  if (path.length === 1 && path[0] === "vocabularies")
    return { id: "unknownKey", path: full, args: { key, known: VOCABULARY_KEYS.join(", ") } };
  if (path.length === 3 && path[0] === "rules" && path[2] === "options") {
    const rule = String(path[1]);
    const names = Object.keys(rules.find((r) => r.meta.id === rule)?.meta.options ?? {});
    return names.length === 0
      ? { id: "noOptions", path: full, args: { rule } }
      : { id: "unknownOption", path: full, args: { rule, key, known: names.join(", ") } };
  }
  return { id: "unknownKey", path: at ? full : key, args: { key, known: RULE_ENTRY_KEYS.join(", ") } };
}

/** What was expected at `path`, with the offending value. */
function valueIssue(path: (string | number)[], input: unknown, rules: readonly Rule[]): ConfigIssue {
  const value = shown(valueAt(input, path));
  const at = joinPath(path);
  const [top, second, third, fourth] = path;
  switch (top) {
    case "$schema":
      return { id: "badString", path: at, args: { value } };
    case "tolerance":
      return { id: "badTolerance", path: at, args: { value } };
    case "templates":
      return { id: "badTemplates", path: at, args: { value, example: "dongguan-2026" } };
    case "vocabularies":
      return second === undefined
        ? { id: "notObject", path: at, args: { value } }
        : { id: "badWords", path: at, args: { value } };
    case "rules": {
      if (second === undefined) return { id: "notObject", path: at, args: { value } };
      if (third === undefined) return { id: "badRuleEntry", path: at, args: { value } };
      if (third === "severity") return { id: "badSeverity", path: at, args: { value } };
      if (fourth === undefined) return { id: "notObject", path: at, args: { value } };
      const spec = rules.find((r) => r.meta.id === second)?.meta.options?.[String(fourth)];
      if (!spec || spec.type === "words") return { id: "badWords", path: at, args: { value } };
      const args = { value, min: spec.min ?? "-∞", max: spec.max ?? "∞" };
      if (spec.type === "integer") return { id: "badInteger", path: at, args };
      return { id: spec.nullable ? "badNumberOrNull" : "badNumber", path: at, args };
    }
    default:
      return { id: "notObject", path: at, args: { value } };
  }
}

/** The id within 2 edits of `key` (a typo), when exactly one is that close. */
function nearest(key: string, ids: readonly string[]): string | null {
  const close = ids.filter((id) => editDistance(key, id) <= 2);
  return close.length === 1 ? close[0] : null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function joinPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (s, p) => (typeof p === "number" ? `${s}[${p}]` : s === "" ? p : `${s}.${p}`),
    "",
  );
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (typeof v === "string" && p === "severity") return v; // a rule entry written as its severity
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A value as the user wrote it, short. */
function shown(v: unknown): string {
  const s = v === undefined ? "(missing)" : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

// ---- CheckConfig → CheckOptions --------------------------------------------------------------

function entryOf(v: SeveritySetting | RuleSetting | undefined): RuleSetting {
  return typeof v === "string" ? { severity: v } : (v ?? {});
}

/** The CheckOptions a (validated) configuration stands for. */
export function toCheckOptions(config: CheckConfig): CheckOptions {
  const out: CheckOptions = {};
  if (config.templates) out.templates = [...config.templates];
  if (config.tolerance) out.tolerance = config.tolerance;
  if (config.vocabularies?.placeNames) out.vocabularies = { placeNames: [...config.vocabularies.placeNames] };
  for (const [id, raw] of Object.entries(config.rules ?? {})) {
    const e = entryOf(raw);
    if (e.severity) (out.rules ??= {})[id] = e.severity;
    if (e.options) (out.ruleOptions ??= {})[id] = { ...e.options };
  }
  return out;
}

/** `over` on top of `base`: its severities, options, templates and policy win; the rest is kept. */
export function mergeOptions(base: CheckOptions, over: CheckOptions): CheckOptions {
  const out: CheckOptions = { ...base };
  if (over.rules) out.rules = { ...base.rules, ...over.rules };
  if (over.ruleOptions) {
    out.ruleOptions = { ...base.ruleOptions };
    for (const [id, o] of Object.entries(over.ruleOptions))
      out.ruleOptions[id] = { ...base.ruleOptions?.[id], ...o };
  }
  if (over.templates) out.templates = [...over.templates];
  if (over.tolerance) out.tolerance = over.tolerance;
  if (over.vocabularies) out.vocabularies = { ...base.vocabularies, ...over.vocabularies };
  return out;
}

export interface EffectiveConfig {
  /** Where the configuration came from (a file path, "workbook setting"), or null: defaults only. */
  source: string | null;
  templates: string[] | null;
  tolerance: string;
  vocabularies: { placeNames: string[] };
  /** Every rule with its effective severity (its default unless configured) and options. */
  rules: Record<string, { severity: SeveritySetting; options: Record<string, OptionValue> }>;
}

/** Everything a check runs with, for `--print-config`: defaults filled in. */
export function effectiveConfig(
  options: CheckOptions,
  source: string | null,
  rules: readonly Rule[] = ALL_RULES,
): EffectiveConfig {
  const out: EffectiveConfig = {
    source,
    templates: options.templates ? [...options.templates] : null,
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    vocabularies: { placeNames: [...(options.vocabularies?.placeNames ?? [])] },
    rules: {},
  };
  for (const r of rules) {
    out.rules[r.meta.id] = {
      severity: options.rules?.[r.meta.id] ?? r.meta.severity,
      options: resolveSettings(r.meta, options.ruleOptions?.[r.meta.id]),
    };
  }
  return out;
}
