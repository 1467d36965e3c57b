/**
 * A template profile describes one family of performance-target forms as data: how to recognise it,
 * which fields it has (label synonyms, where the value sits, its type, whether it is required), its
 * indicator table (header synonyms per column role) and its indicator tree. The reader is generic;
 * a new family is a new profile file and a test, not new code.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

/** What a profile's forms are. Non-target families are recognised so they are not checked. */
export type ProfileKind = "project" | "department" | "self-assessment" | "evaluation-report";

/** A label that counts towards recognising the family; `weight` is its share of the score. */
export interface Anchor {
  /** Normalised labels (spaces and trailing colons removed) that this anchor accepts. */
  label: RegExp;
  weight: number;
  /** How the anchor is named in messages (found / missing). */
  display: string;
}

export type FieldType = "text" | "amount" | "year" | "period" | "integer";

/** Where the value of a field sits relative to its label. */
export type ValuePlace =
  /** The next cell to the right, past the label's merge (the default). */
  | "right"
  /** The first filled cell below the label (a header such as 中期目标 | 年度目标 with text under it). */
  | "below"
  /** In the label's own cell after a colon (`资金总额:704`), else to the right. */
  | "inline";

export interface FieldProfile {
  /** The role in the model: projectName, deptName, department, implementingUnit, budgetAnnual, … */
  role: string;
  /** Normalised label patterns; the first match in the form's header part wins. */
  labels: RegExp[];
  /** How the template prints the label (for messages). */
  display: string;
  type: FieldType;
  /** The template requires a value: blank is reported. Absent from the form: never reported. */
  required: boolean | "warning";
  value?: ValuePlace;
  /**
   * Which match to take where the label repeats (`last`: the 年度 half right of the 中期 half;
   * `firstOfPair`: the 中期 half, the first of two matches, absent where the label is found once).
   */
  pick?: "first" | "last" | "firstOfPair";
  /** Money unit for amounts. */
  unit?: "元" | "万元";
}

/** The columns an indicator table may have. */
export type ColumnRole =
  | "level1"
  | "level2"
  | "level3"
  | "value"
  | "periodValue"
  | "operator"
  | "direction"
  | "unit"
  | "valueType"
  | "weight"
  | "explanation"
  | "scoring"
  | "standard"
  | "note"
  | "prior"
  | "actual";

export interface TableProfile {
  /** Header synonyms per column role (normalised labels). */
  columns: Partial<Record<ColumnRole, RegExp[]>>;
  /** Roles the header must have to be this table (besides a name and a value column). */
  requiredRoles: ColumnRole[];
  /** `prose`: one sentence per 二级 (`质量指标:…`), no header row (the 88号-era department form). */
  layout?: "table" | "prose";
  /** The header as the template prints it, for messages ("找不到「绩效指标」表（表头应为 …）"). */
  header: string[];
}

export type TreeId = "T2012" | "T2015" | "T2021" | "TNDRC" | "flat";

/**
 * A sum the template implies, as data: total = Σ parts. Field sums name field roles (年度资金总额 =
 * 其中：财政拨款 + 其他资金); row sums (`rows`) name the row labels of an amount table (收入构成
 * {财政拨款, 其他资金, 合计}) and are checked in every column that holds amounts (当年金额, 2021年 …).
 * A blank part counts as 0; a blank total, or a part that is not a number, leaves the sum unchecked
 * (that is required-field's or amount's finding).
 */
export interface SumProfile {
  /** Field role of the total (field sums), or unused where `rows` is given. */
  total: string;
  /** Field roles of the parts (field sums). */
  parts: string[];
  /** Row sums: the block label, the parts' row labels and the total's row label (normalised labels). */
  rows?: { block: RegExp; parts: RegExp[]; total: RegExp };
  /**
   * The rule that reports this sum: `budget-sum` (the default) or an existing rule whose check this is
   * (`dept-balance` for a department's income and spending), so one check keeps one rule id.
   */
  rule?: "budget-sum" | "dept-balance";
  /** Σ parts must not exceed the total, but may fall short (the 年度 half against the 中期 half). */
  atMost?: boolean;
}

/**
 * How a blank form of the family is printed (for `new --template` and the add-in's 新建项目表): data
 * only; src/template/profile-layout.ts derives the layout from it and from the profile's fields,
 * anchors, table columns and tree.
 */
export interface ProfileLayout {
  /** The title as printed; `{year}` is the budget year. */
  title: string;
  /** A line under the title (`（{year}年度）`, `单位：万元`); `{year}` is the budget year. */
  subtitle?: string;
  /** Printed labels where a field's `display` is not what the form prints, by field role. */
  labels?: Record<string, string>;
  /** The label left of the indicator table header (绩效指标, 年度绩效指标 …). */
  block: string;
  /** The indicator table header as printed, in order; each label maps to a column role by `table.columns`. */
  columns: string[];
  /**
   * The family's second (中期 / 长期) table: `side` repeats the columns right of the first set (中期 half
   * left, 年度 half right; `block` and `annual` caption the halves); `stacked` puts a table with its own
   * block label above the 年度 one.
   */
  period?: { place: "side" | "stacked"; block: string; annual?: string };
  /** One indicator a row with 一级 and 二级 repeated on every row (一体化 exports), no merged labels. */
  repeatLevels?: boolean;
  /** Blank indicator rows of a flat table (no 一级/二级), default 5. */
  rows?: number;
}

export interface TemplateProfile {
  id: string;
  /** Family code of ../shared/corpus/templates.md (P1…P10, N1, D1…D4, X1, X2, seed). */
  family: string;
  name: Bilingual;
  kind: ProfileKind;
  /** Title patterns (matched on the normalised title row) and their weight. */
  title: { pattern: RegExp; weight: number }[];
  anchors: Anchor[];
  fields: FieldProfile[];
  table?: TableProfile;
  tree: TreeId;
  moneyUnit?: "元" | "万元";
  sums?: SumProfile[];
  /** Read by the canonical (seed) reader rather than the generic one. */
  canonical?: boolean;
  /** How a blank form is printed (absent: no blank form of the family is written). */
  layout?: ProfileLayout;
}
