import type { TextField } from "../engine/model";
import { PROJECT_LABELS as P } from "../engine/template";
import { normalizeText } from "../engine/text";
import { defineRule } from "./types";
import { departments, projects } from "./util";

/** A unit name for comparing: NFKC, no spaces, no punctuation or quotes, lower case. */
function unitKey(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

/**
 * A department with no 下属二级单位 spends its project money itself: each project's 主管部门 and
 * 用款单位 should be its 部门名称. A warning, since the 主管部门 may legitimately be a higher body.
 * A name that only adds or drops part of the other (南城政务服务中心 / 东莞市南城政务服务中心) is the
 * same unit written short: info. Checked only when the workbook holds exactly one department form
 * (with several, which one a project belongs to is not known); blanks are required-field's.
 */
export default defineRule({
  meta: {
    id: "owner",
    category: "consistency",
    severity: "warning",
    description: {
      zh: "下属二级单位数为0时，项目的主管部门和用款单位应与部门名称一致。",
      en: "Where 下属二级单位数 is 0, a project's 主管部门 and 用款单位 should be the department's 部门名称.",
    },
    messages: {
      differs: {
        zh: "项目「{project}」的{field}「{value}」与部门名称「{department}」不一致（下属二级单位数为0）。",
        en: "The {field} '{value}' of project {project} differs from the department name '{department}' (下属二级单位数 is 0).",
      },
    },
  },
  check(ctx) {
    const depts = departments(ctx.model);
    if (depts.length !== 1) return;
    const [dept] = depts;
    const sub = dept.subUnitCount;
    if (!sub || sub.status !== "ok" || !sub.value || !sub.value.isZero()) return;
    if (!dept.name || dept.name.text === "") return;
    const deptKey = unitKey(dept.name.text);
    if (!deptKey) return;

    for (const p of projects(ctx.model)) {
      const fields: [TextField | undefined, string][] = [
        [p.owner, P.owner.display],
        [p.user, P.user.display],
      ];
      for (const [f, field] of fields) {
        if (!f || f.text === "") continue;
        const key = unitKey(f.text);
        if (!key || key === deptKey) continue;
        const shorter = Math.min(key.length, deptKey.length);
        const shortForm = shorter >= 4 && (key.includes(deptKey) || deptKey.includes(key));
        ctx.report({
          messageId: "differs",
          ref: f.ref,
          related: [dept.name.ref],
          severity: shortForm ? "info" : undefined,
          args: { project: p.displayName, field, value: f.text, department: dept.name.text },
        });
      }
    }
  },
});
