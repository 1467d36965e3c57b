/**
 * The 指标库: ready-made 三级 indicators for every 二级 of the tree, in the value grammar the checker
 * accepts (operator, unit; ≥ for 满意度; ≤ for costs). The user picks one in the task pane and an
 * "insert indicator row" plan writes it under its 二级. The number is left for the user: an entry's
 * values are written with `__` where the number goes (`≥__人`), which the indicator-value rule reports
 * until it is typed in; the example figure (`≥5000人次`) is only the entry's hint. A total-cost entry
 * carries `{预算金额}`, which fillEntry replaces with the form's own budget in 元.
 */
import Decimal from "decimal.js";
import type { Form } from "../engine/model";
import { normalizeText } from "../engine/text";
import type { Level2 } from "../engine/vocabulary";

export interface LibraryEntry {
  /** The 三级 indicator name. */
  name: string;
  /** 实施周期指标值, with `__` for the number to fill (`≥__人次`). */
  period: string;
  /** 年度指标值, with `__` for the number to fill. */
  annual: string;
  /** An example value (`≥5000人次`), shown as a hint only, never written. Absent: nothing to fill. */
  hint?: string;
  /** The 计量单位 ("" for a qualitative value). */
  unit: string;
  /** When to use it, or how the value is set. */
  note?: string;
}

/** Stands for the form's budget (元, digits only) in a library value. */
export const BUDGET_PLACEHOLDER = "{预算金额}";

/** Where the user types the number: the indicator-value rule reports a value holding it as unfilled. */
export const NUMBER_BLANK = "__";

/** `≥5000人次` → `≥__人次`; `12月底前完成` → `__月底前完成`; a value with no figure stays as it is. */
export function blankNumbers(example: string): string {
  return example.replace(/\d+(?:\.\d+)?/g, NUMBER_BLANK);
}

/**
 * An entry whose two values are the same (the usual case for a one-year or recurrent project): the
 * example's figures become blanks to fill, the example is the hint.
 */
function e(name: string, example: string, unit: string, note?: string): LibraryEntry {
  const value = blankNumbers(example);
  const entry: LibraryEntry = { name, period: value, annual: value, unit };
  if (value !== example) entry.hint = example;
  if (note !== undefined) entry.note = note;
  return entry;
}

/** Whether an entry's values still hold a number to fill (`__`). */
export function hasNumberBlank(entry: LibraryEntry): boolean {
  return entry.period.includes(NUMBER_BLANK) || entry.annual.includes(NUMBER_BLANK);
}

const TOTAL_COST_NOTE = "项目总成本，按年度预算金额控制";

export const INDICATOR_LIBRARY: Record<Level2, LibraryEntry[]> = {
  经济成本指标: [
    e("预算控制数", `≤${BUDGET_PLACEHOLDER}元`, "元", TOTAL_COST_NOTE),
    e("项目支出总额", `≤${BUDGET_PLACEHOLDER}元`, "元", TOTAL_COST_NOTE),
    e("人均经费标准", "≤300元/人/月", "元/人/月", "按人按月发放的补助、津贴"),
    e("设备购置单价", "≤18000元/台", "元/台", "设备采购、更新"),
    e("运维服务费用标准", "≤1500元/台/年", "元/台/年", "信息化设备、系统运维"),
    e("人均培训成本", "≤400元/人/天", "元/人/天", "会议、培训"),
    e("物业管理费标准", "≤5元/平方米/月", "元/平方米/月", "物业服务、场地租赁"),
  ],
  社会成本指标: [
    e("施工扰民投诉次数", "≤3次", "次", "工程施工类项目"),
    e("占道施工影响时长", "≤30天", "天", "道路、管网施工"),
    e("涉及搬迁安置户数", "≤5户", "户", "征地拆迁类项目"),
    e("群众有效投诉率", "≤1%", "%"),
    e("因项目实施停业天数", "≤7天", "天", "对商户、企业经营的影响"),
  ],
  生态环境成本指标: [
    e("能源消耗量", "≤12000千瓦时", "千瓦时", "设备运行、场所用电"),
    e("建筑垃圾产生量", "≤50吨", "吨", "工程施工类项目"),
    e("占用绿地面积", "≤200平方米", "平方米"),
    e("碳排放增加量", "≤5吨", "吨"),
    e("施工扬尘超标次数", "≤2次", "次", "工程施工类项目"),
  ],
  成本指标: [
    e(
      "项目总成本",
      `≤${BUDGET_PLACEHOLDER}元`,
      "元",
      `${TOTAL_COST_NOTE}（旧版指标体系，成本指标列于产出指标下）`,
    ),
    e("人均补助标准", "≤500元/人/月", "元/人/月"),
    e("设备采购单价", "≤6000元/台", "元/台"),
    e("培训人均成本", "≤300元/人/天", "元/人/天"),
    e("单次维修成本", "≤2000元/次", "元/次"),
  ],
  数量指标: [
    e("服务人次", "≥5000人次", "人次", "窗口服务、咨询接待"),
    e("设备采购数量", "25台", "台"),
    e("补助发放人数", "39人", "人", "人员类项目"),
    e("培训场次", "≥10场", "场"),
    e("宣传资料印发数量", "≥2000份", "份"),
    e("系统运维数量", "6项", "项", "信息化运维类项目"),
    e("覆盖社区数量", "18个", "个"),
  ],
  质量指标: [
    e("验收合格率", "100%", "%"),
    e("资金发放准确率", "100%", "%", "补助、津贴发放"),
    e("设备完好率", "≥95%", "%"),
    e("系统正常运行率", "≥99%", "%", "信息化运维类项目"),
    e("培训合格率", "≥90%", "%"),
    e("问题整改率", "100%", "%"),
  ],
  时效指标: [
    e("按时完成率", "100%", "%"),
    e("资金支付及时率", "100%", "%"),
    e("故障响应时间", "≤30分钟", "分钟", "信息化运维、设备维修"),
    e("项目完成时间", "12月底前完成", "", "完成时限"),
    e("问题整改时限", "≤15个工作日", "个工作日"),
    e("补助发放及时率", "100%", "%", "按月发放的补助、津贴"),
  ],
  经济效益指标: [
    e("带动社会投资", "≥50万元", "万元"),
    e("减免群众费用", "≥90000元/年", "元/年", "减免、惠民类项目"),
    e("带动就业人数", "≥20人", "人"),
    e("增加集体经济收入", "≥10万元", "万元"),
    e("降低企业办事成本", "有效降低", "", "定性指标"),
  ],
  社会效益指标: [
    e("政务服务水平", "有效提升", "", "定性指标"),
    e("群众办事平均等候时间", "≤15分钟", "分钟"),
    e("政策知晓率", "≥90%", "%"),
    e("业务一次办结率", "≥95%", "%"),
    e("受益群众人次", "≥1500人次", "人次"),
    e("保障单位正常运转", "有效保障", "", "定性指标，运转类项目"),
  ],
  生态效益指标: [
    e("无纸化办公率", "≥80%", "%"),
    e("绿化覆盖率", "≥35%", "%"),
    e("垃圾分类准确率", "≥90%", "%"),
    e("纸张使用减少量", "≥10万张", "张"),
    e("生态环境质量", "有效改善", "", "定性指标"),
  ],
  可持续影响指标: [
    e("长效管理机制", "建立健全", "", "定性指标"),
    e("设施设备使用年限", "≥5年", "年"),
    e("服务持续运行时间", "≥3年", "年"),
    e("新建管理制度", "≥2项", "项"),
    e("项目成果持续发挥作用", "长期有效", "", "定性指标"),
  ],
  服务对象满意度指标: [
    e("服务对象满意度", "≥90%", "%"),
    e("群众满意度", "≥90%", "%"),
    e("企业满意度", "≥90%", "%"),
    e("参训人员满意度", "≥90%", "%", "培训类项目"),
    e("受益人员满意度", "≥95%", "%"),
    e("窗口服务满意度", "≥95%", "%", "窗口服务类项目"),
  ],
};

/**
 * A budget as the library writes it: digits without separators, decimals only where not zero
 * (`311,277.00` → `311277`, `1,234.50` → `1234.5`). Null when the text is not an amount.
 */
export function budgetDigits(text: string | number | Decimal | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  if (typeof text === "number")
    return Number.isFinite(text) && text >= 0 ? new Decimal(text).toFixed() : null;
  if (text instanceof Decimal) return text.isFinite() && !text.isNeg() ? text.toFixed() : null;
  const t = normalizeText(text).replace(/[,\s]/g, "").replace(/元$/, "");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return new Decimal(t).toFixed();
}

/**
 * The budget of a form in 元, as library digits: a project's 预算金额, or a department's 部门预算支出
 * (基本支出 + 项目支出, 万元 × 10,000). Undefined when blank or unreadable.
 */
export function formBudget(form: Form): string | undefined {
  if (form.kind === "project") {
    const b = form.budget;
    return b?.status === "ok" && b.value ? (budgetDigits(b.value) ?? undefined) : undefined;
  }
  const { basic, project } = form.budget;
  if (basic?.status !== "ok" || project?.status !== "ok" || !basic.value || !project.value) return undefined;
  return budgetDigits(basic.value.plus(project.value).times(10000)) ?? undefined;
}

/**
 * The entry with `{预算金额}` replaced by the budget (digits without separators, e.g. `311277`).
 * Without a readable budget the placeholder stays, so the caller can ask for it (see hasPlaceholder).
 */
export function fillEntry(entry: LibraryEntry, ctx: { budget?: string }): LibraryEntry {
  const digits = budgetDigits(ctx.budget);
  if (digits === null) return { ...entry };
  const fill = (s: string) => s.split(BUDGET_PLACEHOLDER).join(digits);
  const out: LibraryEntry = {
    name: fill(entry.name),
    period: fill(entry.period),
    annual: fill(entry.annual),
    unit: fill(entry.unit),
  };
  if (entry.hint !== undefined) out.hint = entry.hint;
  if (entry.note !== undefined) out.note = fill(entry.note);
  return out;
}

/** Whether an entry still needs the budget (its values hold `{预算金额}`). */
export function hasPlaceholder(entry: LibraryEntry): boolean {
  return [entry.name, entry.period, entry.annual, entry.unit].some((s) => s.includes(BUDGET_PLACEHOLDER));
}

/** Text for matching: NFKC, no spaces, lower case (so `ｇｂ`, `G B` and `gb` meet). */
function searchKey(s: string): string {
  return normalizeText(s).replace(/\s+/g, "").toLowerCase();
}

/**
 * Entries whose name, unit or note contains the query (normalised), in library order: the tree's
 * order of 二级, then the order within each. An empty query lists everything (of `level2`, if given).
 */
export function searchLibrary(query: string, level2?: Level2): { level2: Level2; entry: LibraryEntry }[] {
  const q = searchKey(query);
  const out: { level2: Level2; entry: LibraryEntry }[] = [];
  for (const [l2, entries] of Object.entries(INDICATOR_LIBRARY) as [Level2, LibraryEntry[]][]) {
    if (level2 !== undefined && l2 !== level2) continue;
    for (const entry of entries) {
      const hay = [entry.name, entry.unit, entry.note ?? ""].map(searchKey);
      if (q === "" || hay.some((h) => h.includes(q))) out.push({ level2: l2, entry });
    }
  }
  return out;
}
