/**
 * A blank form of any template family, derived from its profile (src/templates/profiles): the title,
 * the fields in profile order with the labels the family prints and their value places (right, below),
 * the labels the family is recognised by that are not fields (section heads such as 专项资金情况), the
 * indicator table with the family's header (one or two sets side by side, or a 长期 table stacked above
 * the 年度 one, or the 88号 prose block) and one row per standard 二级 slot of the profile's tree.
 *
 * Pure data out (a FormLayout); the .xlsx writer, the Office.js adapter and the in-memory host apply it.
 * The Dongguan (canonical) profiles keep their own layouts (layouts.ts): `profileFormLayout` is for
 * profiles with `layout` data.
 */
import type { CellRange } from "../engine/snapshot";
import { normalizeLabel } from "../engine/text";
import { MESSAGES } from "../messages";
import { PROFILES } from "../templates";
import { TREES, type TreeProfile } from "../templates/trees";
import type { Bilingual, ColumnRole, FieldProfile, TemplateProfile } from "../templates/types";
import { LayoutBuilder, ROW_HEIGHTS, amountValidation, blankToNull, rowRange } from "./layouts";
import type { FormLayout, TemplateStyle } from "./types";

export type ProfileLayoutError =
  | { error: "no-layout"; id: string }
  | { error: "not-target"; id: string }
  | { error: "label"; id: string; detail: string };

export interface ProfileLayoutOptions {
  year: number;
  /** 部门名称 of a department form; 主管部门 / 实施单位 of a project form. */
  dept?: string;
  /** 项目名称 (or the family's name field). */
  name?: string;
}

/** Column widths (characters) per column role; the label column A is 16. */
const ROLE_WIDTH: Partial<Record<ColumnRole, number>> = {
  level1: 14,
  level2: 16,
  level3: 26,
  value: 16,
  periodValue: 16,
  explanation: 24,
  scoring: 24,
  standard: 14,
  note: 12,
};
const OTHER_WIDTH = 11;
const LABEL_WIDTH = 16;
const MIN_WIDTH = 4;
/** Characters of a label that fit column A on one line; a longer label's row gets two lines. */
const LABEL_CHARS = 8;
const TWO_LINES = 32;

/** Roles whose value is long text: a taller row. */
const LONG_TEXT = /Goal$|^(duties|overview|basis|measures)$/;

/** The column role a printed header label stands for in this profile (as the reader sees it). */
export function columnRole(profile: TemplateProfile, label: string): ColumnRole | null {
  const l = normalizeLabel(label);
  const columns = profile.table?.columns ?? {};
  const role = (Object.keys(columns) as ColumnRole[]).find((k) => columns[k]!.some((re) => re.test(l)));
  return role ?? null;
}

/**
 * The label a field is printed with: the layout's own label for its role, else the first of the
 * profile's anchor names and the field's display name that the field's label patterns accept.
 */
export function fieldLabel(profile: TemplateProfile, f: FieldProfile): string | null {
  const own = profile.layout?.labels?.[f.role];
  const candidates = [...(own ? [own] : []), ...profile.anchors.map((a) => a.display), f.display];
  return (
    candidates.find((c) => {
      const l = normalizeLabel(c);
      return f.labels.some((re) => re.test(l));
    }) ?? null
  );
}

/** The standard 一级/二级 slots of a tree, in order: each 二级 once, none that is also a 一级 (2021: 成本). */
export function treeSlots(tree: TreeProfile): { level1: string; level2: string }[] {
  const level1Names = new Set(tree.level1.map((l) => l.name));
  const seen = new Set<string>();
  const out: { level1: string; level2: string }[] = [];
  for (const l1 of tree.level1) {
    for (const l2 of l1.level2) {
      if (seen.has(l2.name) || level1Names.has(l2.name)) continue;
      seen.add(l2.name);
      out.push({ level1: l1.name, level2: l2.name });
    }
  }
  return out;
}

/** The 二级 labels a form of this tree offers under each 一级 (for 插入指标行 and dropdowns). */
export function treeLevel2Labels(tree: TreeProfile): string[] {
  return [...new Set(treeSlots(tree).map((s) => s.level2))];
}

/**
 * A field printed as a heading over its text: a `below` field, and a goal (the reader looks below a
 * goal heading with nothing beside it).
 */
function headingField(f: FieldProfile): boolean {
  return f.value === "below" || (f.value === undefined && f.type === "text" && /Goal$/.test(f.role));
}

/** A label as the templates print it: full-width brackets and colons (the reader folds them). */
export function printedLabel(label: string): string {
  return label.replace(/\(/g, "（").replace(/\)/g, "）").replace(/:/g, "：");
}

const fill = (s: string, year: number) => s.replace(/\{year\}/g, String(year));

/** A blank form of the profile's family, or why there is none. */
export function profileFormLayout(
  profile: TemplateProfile,
  opts: ProfileLayoutOptions,
): FormLayout | ProfileLayoutError {
  if (profile.kind !== "project" && profile.kind !== "department")
    return { error: "not-target", id: profile.id };
  const spec = profile.layout;
  if (!spec) return { error: "no-layout", id: profile.id };
  const tree = TREES[profile.tree];
  const prose = profile.table?.layout === "prose";
  const sets = spec.period?.place === "side" ? 2 : 1;
  const roles = spec.columns.map((c) => columnRole(profile, c));
  const bad = spec.columns.find((_, i) => roles[i] === null);
  if (bad !== undefined) return { error: "label", id: profile.id, detail: `column ${bad}` };

  const tableWidth = prose ? 3 : 1 + spec.columns.length * sets;
  const width = Math.max(MIN_WIDTH, tableWidth);
  const widths = Array.from({ length: width }, (_, c) => {
    if (c === 0) return LABEL_WIDTH;
    if (prose) return c === 1 ? 14 : 60 / (width - 2);
    const role = roles[(c - 1) % spec.columns.length];
    return c < tableWidth && role ? (ROLE_WIDTH[role] ?? OTHER_WIDTH) : OTHER_WIDTH;
  });
  const b = new LayoutBuilder(width, widths);
  const last = width - 1;
  const dept = blankToNull(opts.dept);

  const title = b.add("title", ROW_HEIGHTS.title);
  b.span(title, 0, last, fill(spec.title, opts.year), "title");
  if (spec.subtitle) {
    const sub = b.add("subtitle", ROW_HEIGHTS.subtitle);
    b.span(sub, 0, last, fill(spec.subtitle, opts.year), "subtitle");
  }

  // Fields, in profile order; the labels the family is recognised by that no field, column or title
  // prints (section heads, sub-totals such as 年初安排金额) go before the first goal heading.
  const printed: string[] = [
    spec.title,
    spec.block,
    ...spec.columns,
    ...(spec.period ? [spec.period.block, spec.period.annual ?? ""] : []),
  ];
  const rows: { label: string; f: FieldProfile | null }[] = [];
  for (const f of profile.fields) {
    const label = fieldLabel(profile, f);
    if (label === null) return { error: "label", id: profile.id, detail: `field ${f.role}` };
    printed.push(label);
    rows.push({ label, f });
  }
  const level1Names = new Set(tree.level1.map((l) => normalizeLabel(l.name)));
  const shown = printed.map(normalizeLabel);
  const extras: { label: string; f: null }[] = [];
  for (const a of profile.anchors) {
    if (shown.some((l) => a.label.test(l))) continue;
    if (level1Names.has(normalizeLabel(a.display))) continue; // a 一级 of the tree: in the table body
    extras.push({ label: a.display, f: null });
    shown.push(normalizeLabel(a.display));
  }
  const firstGoal = rows.findIndex((r) => r.f !== null && headingField(r.f));
  rows.splice(firstGoal < 0 ? rows.length : firstGoal, 0, ...extras);

  for (const { label: raw, f } of rows) {
    const label = printedLabel(raw);
    if (!f) {
      const r = b.field(label, null);
      if (label.length > LABEL_CHARS) b.rowHeights.push({ row: r, height: TWO_LINES });
      continue;
    }
    const value =
      f.role === "projectName"
        ? blankToNull(opts.name)
        : f.role === "deptName" || f.role === "department" || f.role === "implementingUnit"
          ? dept
          : null;
    const style: TemplateStyle = f.type === "amount" ? "amount" : "text";
    const tall = LONG_TEXT.test(f.role) ? ROW_HEIGHTS.goalText : undefined;
    if (headingField(f)) {
      const r = b.add("label");
      b.span(r, 0, last, label, "label");
      const v = b.add(style, tall);
      b.span(v, 0, last, value, style);
    } else {
      const r = b.field(label, value, style);
      const height = tall ?? (label.length > LABEL_CHARS ? TWO_LINES : undefined);
      if (height) b.rowHeights.push({ row: r, height });
      if (f.type === "amount")
        b.validate(amountValidation(rowRange(r, 1, last), f.unit ?? profile.moneyUnit ?? "万元"));
    }
  }

  if (prose) proseBlock(b, tree, spec.block, last);
  else {
    if (spec.period?.place === "stacked") table(b, profile, tree, spec.period.block, roles, 1);
    table(b, profile, tree, spec.block, roles, sets);
  }
  return b.build(profile.kind);
}

/** An indicator table: block label in A, the header (one or two sets), one row per slot (or blank rows). */
function table(
  b: LayoutBuilder,
  profile: TemplateProfile,
  tree: TreeProfile,
  block: string,
  roles: (ColumnRole | null)[],
  sets: number,
): void {
  const spec = profile.layout!;
  const n = spec.columns.length;
  if (sets === 2 && spec.period) {
    // 中期 | 年度 captions over the two halves.
    const cap = b.add("label");
    b.set(cap, 0, null, "label");
    b.span(cap, 1, n, spec.period.block, "label");
    b.span(cap, 1 + n, 2 * n, spec.period.annual ?? null, "label");
  }
  const header = b.add("header");
  b.set(header, 0, block, "label");
  for (let s = 0; s < sets; s++)
    spec.columns.forEach((label, i) => b.set(header, 1 + s * n + i, printedLabel(label), "header"));
  const slots = treeSlots(tree);
  const top = header + 1;
  const rows = slots.length > 0 ? slots.length : (spec.rows ?? 5);
  for (let i = 0; i < rows; i++) b.add("indicator");
  const col = (role: ColumnRole) => roles.indexOf(role);
  const c1 = col("level1");
  const c2 = col("level2");
  for (let s = 0; s < sets; s++) {
    const off = 1 + s * n;
    let groupTop = top;
    slots.forEach((slot, i) => {
      const r = top + i;
      const first = i === 0 || slots[i - 1].level1 !== slot.level1;
      if (c1 >= 0 && (first || spec.repeatLevels)) b.set(r, off + c1, slot.level1, "indicator");
      if (c2 >= 0) b.set(r, off + c2, slot.level2, "indicator");
      const lastOfGroup = i === slots.length - 1 || slots[i + 1].level1 !== slot.level1;
      if (first) groupTop = r;
      if (lastOfGroup && c1 >= 0 && !spec.repeatLevels) b.mergeDown(groupTop, r, off + c1);
    });
    if (slots.length > 0) {
      const range = (c: number): CellRange => ({
        top,
        left: off + c,
        bottom: top + rows - 1,
        right: off + c,
      });
      if (c1 >= 0)
        b.validate({
          range: range(c1),
          kind: "list",
          list: tree.level1.map((l) => l.name),
          prompt: "请从列表中选择一级指标",
        });
      if (c2 >= 0)
        b.validate({
          range: range(c2),
          kind: "list",
          list: treeLevel2Labels(tree),
          prompt: "请从列表中选择二级指标",
        });
    }
  }
  if (!spec.repeatLevels) b.mergeDown(header, top + rows - 1, 0);
}

/** The 88号 department block: `block | 一级 | 二级：` one row per slot, the sentence after the colon. */
function proseBlock(b: LayoutBuilder, tree: TreeProfile, block: string, last: number): void {
  const slots = treeSlots(tree);
  const top = b.rows.length;
  let groupTop = top;
  slots.forEach((slot, i) => {
    const r = b.add("indicator", ROW_HEIGHTS.taskRow);
    const first = i === 0 || slots[i - 1].level1 !== slot.level1;
    if (i === 0) b.set(r, 0, block, "label");
    if (first) groupTop = r;
    b.set(r, 1, first ? slot.level1 : null, "label");
    b.span(r, 2, last, `${slot.level2}：`, "indicator");
    if (i === slots.length - 1 || slots[i + 1].level1 !== slot.level1) b.mergeDown(groupTop, r, 1);
  });
  b.mergeDown(top, b.rows.length - 1, 0);
}

/** A family `new --template` can write: the default Dongguan workbook, its two forms, each profile with layout data. */
export interface BlankFormTemplate {
  id: string;
  kind: "workbook" | "project" | "department";
  name: Bilingual;
}

export function blankFormTemplates(): BlankFormTemplate[] {
  const out: BlankFormTemplate[] = [
    {
      id: "dongguan-2026",
      kind: "workbook",
      name: MESSAGES.cli.newDefaultTemplate,
    },
  ];
  for (const p of PROFILES) {
    if (p.kind !== "project" && p.kind !== "department") continue;
    if (p.canonical || p.layout) out.push({ id: p.id, kind: p.kind, name: p.name });
  }
  return out;
}
