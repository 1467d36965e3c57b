/**
 * The command line's configuration options, registered on the program and applied before a check:
 *
 *   --config FILE        use this CheckConfig file (otherwise perf-target-check.config.json is looked
 *                        for upward from each checked file, then from the working directory)
 *   --rule id=SEVERITY   off|info|warning|error for one rule; repeatable; wins over the file
 *   --template ID        use this template profile (repeatable); wins over the file's "templates"
 *   --print-config       print the configuration the (single) file would be checked with, as JSON
 *
 * Every problem (a missing or invalid file, an unknown rule, a bad severity) is one line naming the
 * file or flag and the setting, from src/messages/config.ts; the caller exits with status 2.
 */
import type { Command } from "commander";
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findConfigFile, formatIssue, loadConfigFile } from "../config/load";
import { effectiveConfig, mergeOptions, toCheckOptions, validateConfig } from "../config/schema";
import type { Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import { PROFILE_LIST } from "../templates";
import { t } from "../messages";

/** The template profile ids `--template` accepts (src/templates). */
export const KNOWN_TEMPLATE_IDS: readonly string[] = PROFILE_LIST.map((p) => p.id);

export interface ConfigFlags {
  config?: string;
  rule?: string[];
  template?: string[];
  printConfig?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerConfigOptions(program: Command): Command {
  return program
    .option("--config <file>", "configuration file (default: perf-target-check.config.json, searched upward)")
    .option("--rule <id=severity>", "set one rule to off|info|warning|error (repeatable)", collect, [])
    .option("--template <id>", "use this template profile instead of detecting one (repeatable)", collect, [])
    .option("--print-config", "print the configuration the file is checked with, as JSON, and exit");
}

export type PreparedConfig =
  | { ok: true; optionsFor: (file: string) => CheckOptions; sourceFor: (file: string) => string | null }
  | { ok: false; messages: string[] };

/**
 * Reads the configuration for `files`: the --config file or each file's nearest one, under the
 * command line's --rule and --template. `knownTemplates` are the profile ids --template and the
 * files' "templates" are checked against (empty: not checked).
 */
export function prepareConfig(
  flags: ConfigFlags,
  files: readonly string[],
  lang: Lang,
  knownTemplates: readonly string[],
  cwd: string = process.cwd(),
): PreparedConfig {
  const messages: string[] = [];
  const overrides = flagOptions(flags, lang, knownTemplates, messages);
  const loaded = new Map<string, CheckOptions>();
  const load = (file: string) => {
    if (loaded.has(file)) return;
    const r = loadConfigFile(file, lang, { templates: knownTemplates });
    if (r.ok) loaded.set(file, r.options);
    else messages.push(...r.messages);
  };

  let sourceFor: (file: string) => string | null;
  if (flags.config !== undefined) {
    const file = resolve(cwd, flags.config);
    load(file);
    sourceFor = () => file;
  } else {
    const fromCwd = findConfigFile(cwd);
    const byDir = new Map<string, string | null>();
    sourceFor = (f) => {
      const dir = dirname(resolve(cwd, f));
      if (!byDir.has(dir)) byDir.set(dir, findConfigFile(dir) ?? fromCwd);
      return byDir.get(dir)!;
    };
    for (const f of files) {
      const source = sourceFor(f);
      if (source) load(source);
    }
  }
  if (messages.length > 0) return { ok: false, messages };
  const merged = new Map<string | null, CheckOptions>();
  const optionsFor = (f: string) => {
    const source = sourceFor(f);
    let o = merged.get(source);
    if (!o) merged.set(source, (o = mergeOptions(source ? (loaded.get(source) ?? {}) : {}, overrides)));
    return o;
  };
  return { ok: true, optionsFor, sourceFor };
}

/** --rule and --template as CheckOptions, validated as a configuration would be. */
function flagOptions(
  flags: ConfigFlags,
  lang: Lang,
  known: readonly string[],
  messages: string[],
): CheckOptions {
  const rules: Record<string, string> = {};
  for (const r of flags.rule ?? []) {
    const m = /^\s*([\w-]+)\s*=\s*(\S+)\s*$/.exec(r);
    if (m) rules[m[1]] = m[2];
    else messages.push(t("config.badRuleFlag", lang, { value: JSON.stringify(r) }));
  }
  const templates = flags.template ?? [];
  // No --rule and no --template: nothing to validate (and the validator, zod, is not loaded).
  if (Object.keys(rules).length === 0 && templates.length === 0) return {};
  const doc = { ...(Object.keys(rules).length ? { rules } : {}), ...(templates.length ? { templates } : {}) };
  const v = validateConfig(doc, { templates: known });
  if (!v.ok) {
    for (const i of v.issues) {
      const source = t(
        i.path.startsWith("templates") ? "config.templateFlagSource" : "config.ruleFlagSource",
        lang,
      );
      messages.push(formatIssue(i, source, lang));
    }
    return {};
  }
  return toCheckOptions(v.config);
}

/**
 * The hook main.ts calls once the inputs are known: `{ exit }` when the run ends here (a bad
 * configuration: 2; --print-config: 0), else the per-file options for checkFiles.
 */
export function applyConfigOptions(
  flags: ConfigFlags,
  files: readonly string[],
  lang: Lang,
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
  knownTemplates: readonly string[] = [],
): { exit: number } | { optionsFor: (file: string) => CheckOptions } {
  if (flags.printConfig && files.length !== 1) {
    io.stderr(t("config.printConfigOne", lang) + "\n");
    return { exit: 2 };
  }
  if (flags.config !== undefined && !findExisting(flags.config)) {
    io.stderr(t("config.configNotFound", lang, { file: flags.config }) + "\n");
    return { exit: 2 };
  }
  const prepared = prepareConfig(flags, files, lang, knownTemplates);
  if (!prepared.ok) {
    for (const m of prepared.messages) io.stderr(m + "\n");
    return { exit: 2 };
  }
  if (flags.printConfig) {
    const file = files[0];
    const shown = effectiveConfig(prepared.optionsFor(file), prepared.sourceFor(file));
    io.stdout(JSON.stringify({ file, ...shown }, null, 2) + "\n");
    return { exit: 0 };
  }
  return { optionsFor: prepared.optionsFor };
}

function findExisting(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
