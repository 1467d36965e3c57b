import type { NumberField } from "../engine/model";
import { DEPARTMENT_LABELS as D, PROJECT_LABELS as P } from "../engine/template";
import { numberSetting } from "./options";
import { defineRule } from "./types";
import { departments, projects } from "./util";

/** Years a 实施周期 may name; 2099 is the templates' "open-ended". */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

/**
 * 财政供养人员数 and 下属二级单位数 are head counts, 起始年度 / 到期年度 are years: whole numbers that
 * other checks compare (owner uses 下属二级单位数 = 0, period-years the years). These cells are not
 * amounts, so the amount rule leaves them alone and this rule reports them when they are unreadable
 * (`59人`, `二〇二六`), fractional, negative, or not a four-digit year. A warning: the form may still be
 * right in substance, but the budget system will not import it. Blank cells are required-field's.
 */
export default defineRule({
  meta: {
    id: "count-year",
    category: "wording",
    severity: "warning",
    description: {
      zh: "财政供养人员数、下属二级单位数应为非负整数；起始年度、到期年度应为四位年份。",
      en: "Staff and sub-unit counts must be whole numbers of zero or more; start and end years must be four-digit years.",
    },
    messages: {
      count: {
        zh: "「{field}」应填写非负整数（如 59），「{text}」不是。",
        en: "{field} must be a whole number of zero or more (e.g. 59); '{text}' is not.",
      },
      year: {
        zh: "「{field}」应填写四位年份（{first}–{last}，长期项目填 2099），「{text}」不是。",
        en: "{field} must be a four-digit year ({first}–{last}; 2099 for open-ended projects); '{text}' is not.",
      },
    },
    options: {
      firstYear: {
        type: "integer",
        default: FIRST_YEAR,
        min: 1000,
        max: 9999,
        description: {
          zh: "起始年度、到期年度的最早允许年份。",
          en: "The earliest year accepted as 起始年度 / 到期年度.",
        },
      },
      lastYear: {
        type: "integer",
        default: LAST_YEAR,
        min: 1000,
        max: 9999,
        description: {
          zh: "起始年度、到期年度的最晚允许年份（长期项目的惯例填法 2099）。",
          en: "The latest year accepted as 起始年度 / 到期年度 (2099 is the open-ended convention).",
        },
      },
    },
  },
  check(ctx) {
    const first = numberSetting(ctx, "firstYear") ?? FIRST_YEAR;
    const last = numberSetting(ctx, "lastYear") ?? LAST_YEAR;
    const unreadable = (f: NumberField) => f.status === "not-number" || f.status === "error-value";
    const count = (f: NumberField | undefined, field: string) => {
      if (!f || f.status === "blank") return;
      const whole = f.status === "ok" && f.value !== null && f.value.isInteger() && f.value.gte(0);
      if (unreadable(f) || !whole) {
        ctx.report({ messageId: "count", ref: f.ref, related: [f.labelRef], args: { field, text: f.text } });
      }
    };
    const year = (f: NumberField | undefined, field: string) => {
      if (!f || f.status === "blank") return;
      const v = f.value;
      const ok = f.status === "ok" && v !== null && v.isInteger() && v.gte(first) && v.lte(last);
      if (unreadable(f) || !ok) {
        ctx.report({
          messageId: "year",
          ref: f.ref,
          related: [f.labelRef],
          args: { field, text: f.text, first, last },
        });
      }
    };
    for (const d of departments(ctx.model)) {
      count(d.staffCount, D.staffCount.display);
      count(d.subUnitCount, D.subUnitCount.display);
    }
    for (const p of projects(ctx.model)) {
      year(p.startYear, P.startYear.display);
      year(p.endYear, P.endYear.display);
    }
  },
});
