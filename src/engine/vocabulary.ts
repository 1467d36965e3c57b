/**
 * The indicator tree (一级 → 二级) both forms share, as data. Two generations are accepted:
 * the 2021+ tree (成本指标 is a 一级) and the older one (成本指标 a 二级 under 产出指标, 可持续影响 under 效益).
 */
import { normalizeLabel } from "./text";

export type Level1 = "成本指标" | "产出指标" | "效益指标" | "满意度指标";

export type Level2 =
  | "经济成本指标"
  | "社会成本指标"
  | "生态环境成本指标"
  | "成本指标"
  | "数量指标"
  | "质量指标"
  | "时效指标"
  | "经济效益指标"
  | "社会效益指标"
  | "生态效益指标"
  | "可持续影响指标"
  | "服务对象满意度指标";

export const LEVEL1: readonly Level1[] = ["成本指标", "产出指标", "效益指标", "满意度指标"];

/** The standard tree in template order; used to read, to check and (later) to write forms. */
export const STANDARD_TREE: readonly { level1: Level1; level2: readonly Level2[] }[] = [
  { level1: "成本指标", level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
  { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标"] },
  { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标"] },
  { level1: "满意度指标", level2: ["服务对象满意度指标"] },
];

/** Which 一级 each 二级 may sit under (the older tree's placements included). */
export const LEVEL2_PARENTS: Record<Level2, readonly Level1[]> = {
  经济成本指标: ["成本指标"],
  社会成本指标: ["成本指标"],
  生态环境成本指标: ["成本指标"],
  成本指标: ["产出指标"],
  数量指标: ["产出指标"],
  质量指标: ["产出指标"],
  时效指标: ["产出指标"],
  经济效益指标: ["效益指标"],
  社会效益指标: ["效益指标"],
  生态效益指标: ["效益指标"],
  可持续影响指标: ["效益指标"],
  服务对象满意度指标: ["满意度指标"],
};

/** 二级 slots that may stay without a 三级 indicator. */
export const OPTIONAL_LEVEL2: ReadonlySet<Level2> = new Set<Level2>([
  "社会成本指标",
  "生态环境成本指标",
  "经济效益指标",
  "生态效益指标",
  "可持续影响指标",
]);

/** 二级 that must hold at least one 三级 (where the form's tree has them). */
export const REQUIRED_LEVEL2: readonly Level2[] = ["经济成本指标", "数量指标", "质量指标", "时效指标"];
/** 一级 that must hold at least one 三级. */
export const REQUIRED_LEVEL1: readonly Level1[] = ["效益指标", "满意度指标"];

/** Display name for a 二级: the short form the template prints (经济效益, 服务对象满意度). */
export function level2Display(l2: Level2): string {
  return l2 === "经济效益指标" ||
    l2 === "社会效益指标" ||
    l2 === "生态效益指标" ||
    l2 === "可持续影响指标" ||
    l2 === "服务对象满意度指标"
    ? l2.replace(/指标$/, "")
    : l2;
}

const LEVEL1_ALIASES: Record<string, Level1> = {
  成本指标: "成本指标",
  成本: "成本指标",
  产出指标: "产出指标",
  产出: "产出指标",
  效益指标: "效益指标",
  效益: "效益指标",
  满意度指标: "满意度指标",
  满意度: "满意度指标",
};

const LEVEL2_ALIASES: Record<string, Level2> = {
  经济成本: "经济成本指标",
  社会成本: "社会成本指标",
  生态环境成本: "生态环境成本指标",
  生态成本: "生态环境成本指标",
  数量: "数量指标",
  质量: "质量指标",
  时效: "时效指标",
  进度: "时效指标",
  经济效益: "经济效益指标",
  社会效益: "社会效益指标",
  生态效益: "生态效益指标",
  可持续影响: "可持续影响指标",
  服务对象满意度: "服务对象满意度指标",
  社会公众或服务对象满意度: "服务对象满意度指标",
};

const stems = new Map<string, string>();

/** Strip one trailing 指标 so 经济效益 / 经济效益指标 compare equal. Memoised: called per cell. */
function stem(label: string): string {
  let s = stems.get(label);
  if (s === undefined) {
    s = normalizeLabel(label).replace(/指标$/, "");
    if (stems.size > 10000) stems.clear();
    stems.set(label, s);
  }
  return s;
}

/** The canonical 一级 for a label, or null when it is not a 一级 label. */
export function matchLevel1(label: string): Level1 | null {
  const s = stem(label);
  // Own keys only: a cell reading `toString` or `constructor` is no 一级 label.
  return Object.hasOwn(LEVEL1_ALIASES, s) ? LEVEL1_ALIASES[s] : null;
}

/**
 * The canonical 二级 for a label, or null. 成本指标 is ambiguous (一级 in the current tree, 二级 in
 * the older one): as a 二级 it is only recognised when the caller asks for the older tree.
 */
export function matchLevel2(label: string, allowOlderTree = true): Level2 | null {
  const s = stem(label);
  if (s === "成本") return allowOlderTree ? "成本指标" : null;
  return Object.hasOwn(LEVEL2_ALIASES, s) ? LEVEL2_ALIASES[s] : null;
}

/** The standard 一级 of a 二级 in the current tree (成本指标 → 产出指标 in the older tree). */
export function standardParent(l2: Level2): Level1 {
  return LEVEL2_PARENTS[l2][0];
}
