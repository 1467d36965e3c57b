/**
 * X1 (绩效自评表) and X2 (绩效评价报告): not target forms. They are recognised so they are reported
 * once and never checked as target forms.
 */
import { anchor } from "../common";
import type { TemplateProfile } from "../types";

export const selfAssessment: TemplateProfile = {
  id: "self-assessment",
  family: "X1",
  name: { zh: "绩效自评表", en: "performance self-assessment" },
  kind: "self-assessment",
  title: [{ pattern: /自评表/, weight: 4 }],
  anchors: [
    anchor("年初预算数", /^年初预算数$/, 2),
    anchor("全年执行数", /^全年执行数$/, 2),
    anchor("执行率", /^执行率$/, 2),
    anchor("得分", /^得分$/, 2),
    anchor("实际完成值", /^实际完成值$|^全年(实际|完成)值$/, 2),
    anchor("实际完成情况", /^实际完成情况$/, 1),
    anchor("偏差原因分析及改进措施", /^偏差原因|^未完成原因/, 2),
  ],
  fields: [],
  tree: "T2015",
};

export const evaluationReport: TemplateProfile = {
  id: "evaluation-report",
  family: "X2",
  name: { zh: "绩效评价报告", en: "performance evaluation report" },
  kind: "evaluation-report",
  title: [{ pattern: /绩效评价报告|绩效自评报告/, weight: 4 }],
  anchors: [
    anchor("一、基本情况", /^一、基本情况/, 2),
    anchor("(一)部门整体支出概况", /^\(一\).*概况/, 1),
    anchor("绩效目标", /^\(二\).*绩效目标/, 1),
  ],
  fields: [],
  tree: "flat",
};
