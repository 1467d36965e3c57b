import { defineRule } from "./types";

/**
 * A sheet that looks like a performance-target form (a 绩效目标 title, 一级/三级指标 headers, a
 * 项目名称) but fits no template profile well enough to be read. One finding at its title, naming
 * the closest profile and the anchors found and missing — never a cascade of errors from reading it
 * with the wrong template. Forcing a profile (`--template ID`) reads it anyway.
 */
export default defineRule({
  meta: {
    id: "unknown-template",
    category: "template",
    severity: "warning",
    description: {
      zh: "表格像绩效目标表，但与已知的任何模板都不够吻合，未检查。",
      en: "The sheet looks like a target form but fits no known template; it was not checked.",
    },
    messages: {
      unknown: {
        zh: "此表像绩效目标表，但不符合已知模板，未检查。最接近「{profile}」（吻合度 {score}%）：找到 {found}；缺少 {missing}。可用 --template 指定模板。",
        en: "This looks like a target form but fits no known template; it was not checked. Closest: {profile} ({score}% match): found {found}; missing {missing}. Use --template to choose one.",
      },
      none: { zh: "无", en: "none" },
    },
  },
  check(ctx) {
    for (const u of ctx.model.unrecognised ?? []) {
      const list = (xs: string[]) => (xs.length ? { list: xs } : { messageId: "none" });
      ctx.report({
        messageId: "unknown",
        ref: u.ref,
        args: {
          profile: u.closest,
          score: Math.round(u.score * 100),
          found: list(u.found),
          missing: list(u.missing),
        },
      });
    }
  },
});
