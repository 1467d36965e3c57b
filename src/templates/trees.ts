/**
 * The indicator trees in use (../shared/corpus/templates.md §3.4), as data. Each 一级 and 二级 has
 * its label variants; `canonical` maps it onto the vocabulary the rules know (null where the tree
 * has no counterpart there, as in the 发改 tree). `required` lists what a form on this tree must
 * fill (null: the tree demands nothing, or there is no tree).
 */
import type { Level1, Level2 } from "../engine/vocabulary";
import type { TreeId } from "./types";

export interface TreeLevel2 {
  name: string;
  canonical: Level2 | null;
  /** Stems (label without spaces, bracketed remarks, score and trailing 指标). */
  stems: string[];
}

export interface TreeLevel1 {
  name: string;
  canonical: Level1 | null;
  stems: string[];
  level2: TreeLevel2[];
}

export interface TreeProfile {
  id: TreeId;
  name: string;
  level1: TreeLevel1[];
  required: { level2: Level2[]; level1: Level1[] } | null;
}

const l2 = (name: string, canonical: Level2 | null, ...stems: string[]): TreeLevel2 => ({
  name,
  canonical,
  stems: [name.replace(/指标$/, ""), ...stems],
});

const QUANTITY = l2("数量指标", "数量指标", "产出数量", "建筑规模");
const QUALITY = l2("质量指标", "质量指标", "产出质量");
const TIME = l2("时效指标", "时效指标", "进度", "产出时效");
const COST_IN_OUTPUT = l2("成本指标", "成本指标", "产出成本");
const ECONOMIC = l2("经济效益指标", "经济效益指标");
const SOCIAL = l2("社会效益指标", "社会效益指标");
const ECOLOGICAL = l2("生态效益指标", "生态效益指标", "环境效益");
const SUSTAINABLE = l2("可持续影响指标", "可持续影响指标");
const SATISFACTION = l2("服务对象满意度指标", "服务对象满意度指标", "社会公众或服务对象满意度", "满意度");

const OUTPUT_STEMS = ["产出", "项目完成", "预期产出"];
const BENEFIT_STEMS = ["效益", "项目效益", "效果"];

export const TREES: Record<TreeId, TreeProfile> = {
  T2015: {
    id: "T2015",
    name: "财预〔2015〕88号",
    level1: [
      {
        name: "产出指标",
        canonical: "产出指标",
        stems: OUTPUT_STEMS,
        level2: [QUANTITY, QUALITY, TIME, COST_IN_OUTPUT],
      },
      // 服务对象满意度 sits under 效益 in P2, P3 and D1, under its own 一级 in P1 and P4: both are the tree.
      {
        name: "效益指标",
        canonical: "效益指标",
        stems: BENEFIT_STEMS,
        level2: [ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE, SATISFACTION],
      },
      { name: "满意度指标", canonical: "满意度指标", stems: ["满意度"], level2: [SATISFACTION] },
    ],
    required: {
      level2: ["数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标"],
      level1: ["效益指标"],
    },
  },
  T2021: {
    id: "T2021",
    name: "2021 年起（成本指标为一级）",
    level1: [
      {
        name: "成本指标",
        canonical: "成本指标",
        stems: ["成本"],
        level2: [
          l2("经济成本指标", "经济成本指标"),
          l2("社会成本指标", "社会成本指标"),
          l2("生态环境成本指标", "生态环境成本指标", "生态成本"),
        ],
      },
      {
        name: "产出指标",
        canonical: "产出指标",
        stems: OUTPUT_STEMS,
        level2: [QUANTITY, QUALITY, TIME, COST_IN_OUTPUT],
      },
      {
        name: "效益指标",
        canonical: "效益指标",
        stems: BENEFIT_STEMS,
        level2: [ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE],
      },
      { name: "满意度指标", canonical: "满意度指标", stems: ["满意度"], level2: [SATISFACTION] },
    ],
    required: { level2: ["数量指标", "质量指标", "时效指标", "服务对象满意度指标"], level1: ["效益指标"] },
  },
  T2012: {
    id: "T2012",
    name: "2012 年范本（投入/产出/效益）",
    level1: [
      {
        name: "投入指标",
        canonical: null,
        stems: ["投入"],
        level2: [l2("时效指标", "时效指标"), l2("成本指标", "成本指标"), l2("其他资源投入指标", null)],
      },
      { name: "产出指标", canonical: "产出指标", stems: OUTPUT_STEMS, level2: [QUANTITY, QUALITY] },
      {
        name: "效益指标",
        canonical: "效益指标",
        stems: BENEFIT_STEMS,
        level2: [ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE, SATISFACTION],
      },
    ],
    required: null,
  },
  TNDRC: {
    id: "TNDRC",
    name: "中央预算内投资（实施效果/过程管理）",
    level1: [
      {
        name: "实施效果指标",
        canonical: null,
        stems: ["实施效果"],
        level2: [l2("产出指标", null), l2("效益指标", null), l2("满意度指标", null)],
      },
      {
        name: "过程管理指标",
        canonical: null,
        stems: ["过程管理"],
        level2: [
          l2("计划管理指标", null),
          l2("资金管理指标", null),
          l2("项目管理指标", null),
          l2("监督检查指标", null),
        ],
      },
    ],
    // A 发改 form has no cost, 数量/质量/时效 block: nothing may be demanded.
    required: null,
  },
  flat: { id: "flat", name: "无一级/二级", level1: [], required: null },
};
