import type { NumberField, TextField } from "../engine/model";
import { DEPARTMENT_LABELS as D, PROJECT_LABELS as P } from "../engine/template";
import { defineRule } from "./types";
import { departments, projects } from "./util";

type Field = TextField | NumberField | undefined;

function isBlank(f: Field): boolean {
  if (!f) return false; // a missing label row is a structure finding (missing-section)
  return "status" in f ? f.status === "blank" : f.text === "";
}

/** Required cells of both forms must not be blank. */
export default defineRule({
  meta: {
    id: "required-field",
    category: "required",
    severity: "error",
    description: {
      zh: "必填项不能为空：部门名称、人员数、预算金额、总体目标；项目名称、类型、等级、单位、实施周期、预算金额、总目标和年度目标。",
      en: "Required cells must not be blank.",
    },
    messages: {
      blank: { zh: "「{field}」未填写，此项为必填项。", en: "{field} is blank; it is required." },
    },
  },
  check(ctx) {
    const report = (f: Field, field: string) => {
      if (f && isBlank(f))
        ctx.report({ messageId: "blank", ref: f.ref, related: [f.labelRef], args: { field } });
    };
    // Forms read by a template profile: the fields that template requires, and only those it has.
    for (const form of ctx.model.forms) {
      for (const f of form.fields ?? []) {
        if (!f.required) continue;
        const blank = f.number ? f.number.status === "blank" : f.text === "";
        if (!blank) continue;
        ctx.report({
          messageId: "blank",
          ref: f.ref,
          related: [f.labelRef],
          args: { field: f.display },
          ...(f.required === "warning" ? { severity: "warning" as const } : {}),
        });
      }
    }
    for (const d of departments(ctx.model)) {
      if (d.fields) continue;
      report(d.name, "部门名称");
      report(d.staffCount, D.staffCount.display);
      report(d.subUnitCount, D.subUnitCount.display);
      for (const [key, spec] of Object.entries(D.budget)) {
        report(d.budget[key as keyof typeof D.budget], spec.display);
      }
      report(d.overallGoal, D.overallGoal.display);
    }
    for (const p of projects(ctx.model)) {
      if (p.fields) continue;
      report(p.name, P.name.display);
      report(p.type, P.type.display);
      report(p.level, P.level.display);
      report(p.owner, P.owner.display);
      report(p.user, P.user.display);
      report(p.startYear, P.startYear.display);
      report(p.endYear, P.endYear.display);
      report(p.budget, p.budgetLabel?.text ?? P.budget.display);
      report(p.periodGoal, P.periodGoal.display);
      report(p.annualGoal, p.annualGoalLabel?.text ?? P.annualGoal.display);
    }
  },
});
