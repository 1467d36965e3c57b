import type { Form, Indicator, IndicatorValue } from "../engine/model";
import { normalizeText } from "../engine/text";
import {
  hasUnfilledNumber,
  isPlaceholder,
  isPlaceholderRow,
  nameMissing,
  UNFILLED,
  valueMissing,
} from "../engine/placeholder";
import { defineRule } from "./types";

/** A label on the row the structure rules already report (probably the 三级 name, misplaced). */
function structureIssueOnRow(form: Form, row: number): boolean {
  return form.structureIssues.some(
    (i) => (i.kind === "unknown-level1" || i.kind === "unknown-level2") && i.ref.row === row,
  );
}

/**
 * Every 三级 indicator needs both values, 实施周期指标值 and 年度指标值 (the 一体化 systems enforce
 * "指标值不能为空" for both sets); a row with values needs its 三级 name. A form with a single value
 * column (older templates: 指标值) is checked once, under that column's name.
 */
export default defineRule({
  meta: {
    id: "indicator-value",
    category: "required",
    severity: "error",
    description: {
      zh: "每个三级指标都必须填写实施周期指标值和年度指标值；填了指标值的行必须有三级指标名称。",
      en: "Every 三级 indicator needs both its period and its annual value; a row with values needs a 三级 name.",
    },
    messages: {
      "blank-value": {
        zh: "三级指标「{name}」的「{column}」未填写。",
        en: "The {column} of the 三级 indicator '{name}' is blank.",
      },
      "placeholder-value": {
        zh: "三级指标「{name}」的「{column}」只填了「{value}」，不是有效的指标值（预算管理一体化系统不接受），请填写具体指标值。",
        en: "The {column} of the 三级 indicator '{name}' is only '{value}', which is not a value (the budget system rejects it); state the target.",
      },
      "unfilled-value": {
        zh: "三级指标「{name}」的「{column}」「{value}」中的数值还没有填写（{blank} 是待填的占位符），请填写具体数值。",
        en: "The {column} of the 三级 indicator '{name}' is '{value}': its number is still the blank {blank}; type the number.",
      },
      "missing-name": {
        zh: "此行填了指标值（{values}），但「三级指标」名称为空。",
        en: "This row has values ({values}) but no 三级 indicator name.",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      for (const ind of form.indicators) {
        if (isPlaceholderRow(ind)) continue;
        if (nameMissing(ind)) {
          if (structureIssueOnRow(form, ind.row)) continue;
          const values = [ind.period, ind.annual]
            .filter((v, i, all) => !valueMissing(v) && (i === 0 || !sameCell(v, all[0])))
            .map((v) => normalizeText(v.raw));
          ctx.report({
            messageId: "missing-name",
            ref: ind.nameRef,
            related: valueRefs(ind),
            args: { values: { list: values } },
          });
          continue;
        }
        const single = sameCell(ind.period, ind.annual);
        const columns: [IndicatorValue, string][] = single
          ? [[ind.annual, "指标值"]]
          : [
              [ind.period, "实施周期指标值"],
              [ind.annual, "年度指标值"],
            ];
        for (const [v, column] of columns) {
          if (v.parsed.kind === "blank") {
            ctx.report({
              messageId: "blank-value",
              // A 定性 indicator of a split-column template: its grade is missing, the row is not wrong.
              ...(ind.qualitative ? { severity: "warning" as const } : {}),
              ref: v.ref,
              related: [ind.nameRef],
              args: { name: ind.name, column },
            });
          } else if (isPlaceholder(v.raw)) {
            ctx.report({
              messageId: "placeholder-value",
              ref: v.ref,
              related: [ind.nameRef],
              args: { name: ind.name, column, value: normalizeText(v.raw) },
            });
          } else if (hasUnfilledNumber(v.raw)) {
            const value = normalizeText(v.raw);
            ctx.report({
              messageId: "unfilled-value",
              ref: v.ref,
              related: [ind.nameRef],
              args: { name: ind.name, column, value, blank: UNFILLED.exec(value)![0] },
            });
          }
        }
      }
    }
  },
});

function sameCell(a: IndicatorValue, b: IndicatorValue): boolean {
  return a.ref.sheet === b.ref.sheet && a.ref.row === b.ref.row && a.ref.col === b.ref.col;
}

function valueRefs(ind: Indicator): IndicatorValue["ref"][] {
  return sameCell(ind.period, ind.annual) ? [ind.period.ref] : [ind.period.ref, ind.annual.ref];
}
