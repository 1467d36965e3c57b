import type { CellRef, LayoutNote, LayoutNoteKind } from "../engine/model";
import { defineRule, type MessageArg, type Severity } from "./types";

const SEVERITY: Record<LayoutNoteKind, Severity> = {
  "row-shifted-left": "warning",
  "row-shifted-right": "warning",
  "extra-column": "warning",
  "text-in-label-column": "warning",
  "level3-in-level1-column": "warning",
  "level2-in-level1-column": "warning",
  "number-as-text": "info",
};

/** Notes of these kinds are one fault however many rows show it: report once per form. */
const GROUPED: ReadonlySet<LayoutNoteKind> = new Set([
  "row-shifted-left",
  "row-shifted-right",
  "extra-column",
]);

/** `[125,126,127,131]` → 125–127、131 / 125–127, 131 (1-based Excel rows), a list for the renderer. */
export function rowList(rows: number[]): MessageArg {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i] + 1}` : `${sorted[i] + 1}–${sorted[j] + 1}`);
    i = j + 1;
  }
  return { list: parts, quote: false };
}

/**
 * Where the reader had to interpret a row off the template's columns, say so: the check is
 * right, but a reviewer (or the budget system's import) may not read the sheet the same way.
 */
export default defineRule({
  meta: {
    id: "shifted-layout",
    category: "template",
    severity: "warning",
    description: {
      zh: "单元格不在模板规定的列：读取时已按错位处理，请整理表格。",
      en: "Cells off the template's columns: read as shifted; tidy the sheet.",
    },
    messages: {
      "row-shifted-left": {
        zh: "第 {rows} 行整体向左错位一列（应从「一级指标」列开始），已按错位读取。",
        en: "Row(s) {rows} are shifted one column left (they should start in the 一级指标 column); read as shifted.",
      },
      "row-shifted-right": {
        zh: "第 {rows} 行整体向右错位一列，已按错位读取。",
        en: "Row(s) {rows} are shifted one column right; read as shifted.",
      },
      "extra-column": {
        zh: "第 {rows} 行「实施周期指标值」列为空、指标值写在右侧一列（多出一个空单元格），已按错位读取。",
        en: "Row(s) {rows}: the 实施周期指标值 cell is empty and the values sit one column right (an extra empty cell); read as shifted.",
      },
      "text-in-label-column": {
        zh: "目标文字写在了标签列（第一列），应写在右侧合并单元格中。",
        en: "The goal text is in the label column; it belongs in the merged cell to its right.",
      },
      "level3-in-level1-column": {
        zh: "三级指标「{label}」写在了「一级指标」列，已按三级指标读取。",
        en: "The 三级 indicator '{label}' is in the 一级指标 column; read as a 三级 indicator.",
      },
      "level2-in-level1-column": {
        zh: "二级指标「{label}」写在了「一级指标」列，已按二级指标读取。",
        en: "The 二级 indicator '{label}' is in the 一级指标 column; read as a 二级 indicator.",
      },
      "number-as-text": {
        zh: "数字「{text}」以文本形式保存，已按数字读取；建议改为数值格式。",
        en: "The number '{text}' is stored as text; read as a number. Store it as a number.",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      const groups = new Map<LayoutNoteKind, LayoutNote[]>();
      for (const note of form.layoutNotes) {
        if (!GROUPED.has(note.kind)) {
          ctx.report({ messageId: note.kind, ref: note.ref, args: note.args, severity: SEVERITY[note.kind] });
          continue;
        }
        const list = groups.get(note.kind) ?? [];
        list.push(note);
        groups.set(note.kind, list);
      }
      for (const [kind, notes] of groups) {
        const refs: CellRef[] = notes.map((n) => n.ref);
        ctx.report({
          messageId: kind,
          ref: refs[0],
          related: refs.slice(1),
          args: { rows: rowList(refs.map((r) => r.row)), count: refs.length },
          severity: SEVERITY[kind],
        });
      }
    }
  },
});
