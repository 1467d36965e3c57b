/**
 * The Dongguan 2026 layout of the seed (../shared/spec/template.md): read by the canonical reader
 * (src/engine/read-forms.ts, labels in src/engine/template.ts); the anchors here only recognise it.
 */
import { anchor } from "../common";
import type { TemplateProfile } from "../types";

export const dongguan2026Project: TemplateProfile = {
  id: "dongguan-2026-project",
  family: "seed",
  name: { zh: "东莞 2026 项目绩效目标表", en: "Dongguan 2026 project form" },
  kind: "project",
  canonical: true,
  title: [{ pattern: /项目.*绩效目标(申报)?表/, weight: 1 }],
  anchors: [
    anchor("项目名称", /^项目名称$/, 1),
    anchor("项目类型", /^项目(类型|类别)$/, 1),
    anchor("项目等级", /^项目(等级|级次|层级)$/, 2),
    anchor("用款单位", /^用款单位$/, 2),
    anchor("起始年度", /^(起始|开始)年度$/, 2),
    anchor("到期年度", /^(到期|结束)年度$/, 2),
    anchor("预算金额(元)", /^(\d{4}年)?(年度)?预算金额(\(元\))?$/, 2),
    anchor("实施周期总目标", /^实施周期(总)?目标$/, 2),
    anchor("实施周期指标值", /^实施周期指标值$/, 2),
  ],
  fields: [],
  tree: "T2021",
  moneyUnit: "元",
};

export const dongguan2026Department: TemplateProfile = {
  id: "dongguan-2026-department",
  family: "seed",
  name: { zh: "东莞 2026 部门整体预算绩效目标申报表", en: "Dongguan 2026 department form" },
  kind: "department",
  canonical: true,
  title: [{ pattern: /部门整体.*绩效目标/, weight: 1 }],
  anchors: [
    anchor("部门名称", /^(部门|单位)名称$/, 1),
    anchor("财政供养人员数", /^财政供养人员(数|总数)?$/, 2),
    anchor("下属二级单位数", /^下属(二级)?单位(数|个数)$/, 2),
    anchor("预算整体情况", /^预算整体情况/, 2),
    anchor("年度重点工作任务", /^年度重点工作任务/, 2),
    anchor("实施周期指标值", /^实施周期指标值$/, 1),
  ],
  fields: [],
  tree: "T2021",
  moneyUnit: "万元",
};
