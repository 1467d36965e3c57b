import type { NumberField } from "../engine/model";
import { formatAmount } from "../engine/numbers";
import { DEPARTMENT_LABELS as D, PROJECT_LABELS as P } from "../engine/template";
import { cellFix, fixList } from "./fixes";
import { defineRule, type MessageArg } from "./types";
import { departments, projects } from "./util";

const WAN = { messageId: "unit-wan" };
const YUAN = { messageId: "unit-yuan" };
/** Full-width digits and number signs (０-９ ， ． － ＋ （ ）). */
const FULL_WIDTH = /[\uff10-\uff19\uff0c\uff0e\uff0d\uff0b\uff08\uff09]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, "g");

/** The same text with its full-width digits and signs half-width. */
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** One amount followed by a bracketed note. */
const AMOUNT_THEN_NOTE = /^\d[\d,]*(\.\d+)?\s*(万元|万|元)?\s*\(.*\)$/;

/**
 * Every amount cell must hold a number that is not negative: the 预算整体情况 amounts (万元), the
 * 拟投入的资金 of each 年度重点工作任务 (元) and each project's 预算金额 (元). A word amount
 * (`一万四千元`) or an error value (`#N/A`) cannot be added up, so the sum rules stay silent on it and
 * this rule reports it, once, where it is. Blank cells are required-field's finding, not this one.
 */
export default defineRule({
  meta: {
    id: "amount",
    category: "amounts",
    severity: "error",
    description: {
      zh: "金额单元格（预算整体情况各项金额、重点工作任务拟投入的资金、项目预算金额）必须是数字，且不能为负数。",
      en: "Amount cells (the budget overview, the key tasks' planned funds, each project's budget) must be numbers, and not negative.",
    },
    messages: {
      "unit-wan": { zh: "万元", en: "10k yuan" },
      "unit-yuan": { zh: "元", en: "yuan" },
      "field-task-amount": {
        zh: "年度重点工作任务『{task}』的拟投入的资金",
        en: "the planned funds of the key task {task}",
      },
      "field-task-amount-unnamed": {
        zh: "年度重点工作任务的拟投入的资金",
        en: "the planned funds of a key task",
      },
      notNumber: {
        zh: "「{field}」应填写金额数字（单位：{unit}），「{text}」不是数字。",
        en: "{field} must be an amount in {unit}; '{text}' is not a number.",
      },
      errorValue: {
        zh: "「{field}」显示错误值「{text}」（公式计算出错），应为金额（单位：{unit}）。",
        en: "{field} shows the error value {text} (a formula failed); it must be an amount in {unit}.",
      },
      embedded: {
        zh: "「{field}」的金额写在文字中（「{text}」），应只填写金额数字（单位：{unit}），说明另写。",
        en: "The amount of {field} is embedded in text ('{text}'); state the figure alone (in {unit}) and explain elsewhere.",
      },
      fullWidth: {
        zh: "「{field}」的金额「{text}」使用了全角数字或符号，Excel 和预算系统不把它当作数字，请改为半角。",
        en: "The amount of {field} ('{text}') is written in full-width digits or signs, which Excel and the budget systems do not read as a number; use half-width ones.",
      },
      fixFullWidth: { zh: "改为半角「{after}」", en: "Write it half-width: '{after}'" },
      negative: {
        zh: "「{field}」为负数 {text}（单位：{unit}），金额不能为负。",
        en: "{field} is negative ({text}, in {unit}); an amount cannot be negative.",
      },
    },
  },
  check(ctx) {
    const check = (f: NumberField | undefined, field: MessageArg, unit: MessageArg) => {
      if (!f) return; // a missing label row is a structure finding
      const base = { ref: f.ref, related: [f.labelRef] };
      if (f.status === "not-number") {
        ctx.report({ ...base, messageId: "notNumber", args: { field, unit, text: f.text } });
      } else if (f.status === "error-value") {
        ctx.report({ ...base, messageId: "errorValue", args: { field, unit, text: f.text || "#VALUE!" } });
      } else if (f.status === "ok" && f.storedText !== undefined && FULL_WIDTH.test(f.storedText)) {
        // `６０.００`: read here, but text to Excel's SUM and to the budget systems. The fix writes the
        // same characters half-width (`60.00`), nothing else.
        const after = halfWidth(f.storedText);
        ctx.report({
          ...base,
          messageId: "fullWidth",
          severity: "warning",
          args: { field, unit, text: f.storedText },
          fixes: fixList(cellFix("safe", "fixFullWidth", f.ref, f.storedText, after, { after })),
        });
      } else if (f.status === "ok" && f.value && f.value.lt(0)) {
        ctx.report({
          ...base,
          messageId: "negative",
          args: { field, unit, text: formatAmount(f.value, f.decimals) },
        });
      }
    };
    // Amount fields of forms read by a template profile (万元 in most families).
    for (const form of ctx.model.forms) {
      for (const f of form.fields ?? []) {
        const n = f.number;
        if (!n) continue;
        const unit = f.unit === "元" ? YUAN : WAN;
        if (n.status === "not-number") {
          const text = n.text;
          // `854万(高标准农田建设400万元,…)`: the amount, then its breakdown in brackets.
          if (AMOUNT_THEN_NOTE.test(text)) continue;
          const embedded = !/^\d/.test(text) && /\d/.test(text);
          ctx.report({
            messageId: embedded ? "embedded" : "notNumber",
            ref: n.ref,
            related: [f.labelRef],
            args: { field: f.display, unit, text },
            ...(embedded ? { severity: "warning" as const } : {}),
          });
        } else check({ ...n, labelRef: f.labelRef }, f.display, unit);
      }
    }
    for (const d of departments(ctx.model)) {
      for (const [key, spec] of Object.entries(D.budget)) {
        check(d.budget[key as keyof typeof D.budget], spec.display, WAN);
      }
      for (const t of d.tasks) {
        const field: MessageArg = t.name.text
          ? { messageId: "field-task-amount", args: { task: t.name.text } }
          : { messageId: "field-task-amount-unnamed" };
        check(t.amount, field, YUAN);
      }
    }
    for (const p of projects(ctx.model)) {
      if (p.fields) continue; // a profile-read form: its budget is one of its amount fields, checked above
      check(p.budget, p.budgetLabel?.text ?? P.budget.display, YUAN);
    }
  },
});
