/**
 * Finding and reading a configuration file (Node only; the add-in reads its workbook setting).
 * `perf-target-check.config.json` is looked for in the checked file's folder and each folder above
 * it, then (when none is found there) from the working directory upward, as ESLint and Prettier do.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import { toCheckOptions, validateConfig, type ConfigIssue, type ValidateOptions } from "./schema";
import { t } from "../messages";

export const CONFIG_FILE_NAME = "perf-target-check.config.json";

/** The nearest configuration file in `dir` or above it, or null. */
export function findConfigFile(dir: string): string | null {
  let d = resolve(dir);
  for (;;) {
    const candidate = join(d, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

export type LoadedConfig =
  { ok: true; file: string; options: CheckOptions } | { ok: false; messages: string[] };

/** One issue as a line naming the file and the setting. */
export function formatIssue(issue: ConfigIssue, source: string, lang: Lang): string {
  const problem = t(`config.${issue.id}`, lang, issue.args);
  return issue.path === ""
    ? t("config.issueRoot", lang, { file: source, problem })
    : t("config.issue", lang, { file: source, path: issue.path, problem });
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Reads and validates a configuration file; never throws. The file is only read. */
export function loadConfigFile(file: string, lang: Lang, opts: ValidateOptions = {}): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    const problem = t("config.unreadable", lang, { reason: code });
    return { ok: false, messages: [t("config.issueRoot", lang, { file, problem })] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof SyntaxError ? e.message : String(e);
    // Node 22 names the position; Node 20 quotes the text around the fault instead.
    const at = /position (\d+)/.exec(reason);
    const problem = at
      ? t("config.badJson", lang, { ...lineColumn(text, Number(at[1])), reason })
      : t("config.badJsonNoPosition", lang, { reason });
    return { ok: false, messages: [t("config.issueRoot", lang, { file, problem })] };
  }
  const v = validateConfig(json, opts);
  if (!v.ok) return { ok: false, messages: v.issues.map((i) => formatIssue(i, file, lang)) };
  return { ok: true, file, options: toCheckOptions(v.config) };
}
