/**
 * The add-in's configuration: a CheckConfig stored in the workbook's settings (key
 * perfTargetCheck.config, see the Excel host), as a JSON object or as its text. Pure.
 */
import type { Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import { toCheckOptions, validateConfig, type ConfigIssue } from "./schema";
import { t } from "../messages";

export interface WorkbookConfig {
  options: CheckOptions;
  /** Validation problems, as lines to show; when any, the check runs with the defaults. */
  messages: string[];
  issues: ConfigIssue[];
}

export function configFromSetting(
  stored: unknown,
  lang: Lang,
  knownTemplates: readonly string[] = [],
): WorkbookConfig {
  if (stored === null || stored === undefined || stored === "")
    return { options: {}, messages: [], issues: [] };
  const file = t("config.workbookSource", lang);
  let value: unknown = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored) as unknown;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const problem = t("config.badJsonNoPosition", lang, { reason });
      const issue: ConfigIssue = { id: "badJsonNoPosition", path: "", args: { reason } };
      return { options: {}, messages: [t("config.issueRoot", lang, { file, problem })], issues: [issue] };
    }
  }
  const v = validateConfig(value, { templates: knownTemplates });
  if (!v.ok) {
    const messages = v.issues.map((i) => {
      const problem = t(`config.${i.id}`, lang, i.args);
      return i.path === ""
        ? t("config.issueRoot", lang, { file, problem })
        : t("config.issue", lang, { file, path: i.path, problem });
    });
    return { options: {}, messages, issues: v.issues };
  }
  return { options: toCheckOptions(v.config), messages: [], issues: [] };
}
