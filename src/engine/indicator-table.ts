/**
 * Reads the 绩效指标 table of a form (both forms share it).
 *
 * Rows in real workbooks drift: satisfaction rows typed one column left, an empty cell pushed in
 * before the values, labels one column right. Each row is read under the alignment that explains
 * it best (labels shifted −1/0/+1, values shifted 0/+1 more); anything other than the header's
 * own alignment is recorded as a layout note so the user can tidy the sheet.
 */
import type { SheetGrid } from "./grid";
import { parseIndicatorValue } from "./value-grammar";
import type { Indicator, Level2Slot, LayoutNote, StructureIssue } from "./model";
import { matchLevel1, matchLevel2, LEVEL2_PARENTS, type Level1, type Level2 } from "./vocabulary";

export interface IndicatorColumns {
  headerRow: number;
  level1: number;
  level2: number;
  level3: number;
  period: number;
  annual: number;
}

export interface IndicatorTable {
  indicators: Indicator[];
  slots: Level2Slot[];
  notes: LayoutNote[];
  issues: StructureIssue[];
  olderTree: boolean;
  lastRow: number;
  lastCol: number;
}

/** Find the header row (一级指标 … 三级指标 … 年度指标值) within rows [top, bottom]. */
export function findIndicatorHeader(
  grid: SheetGrid,
  top: number,
  bottom: number,
  left: number,
  right: number,
): IndicatorColumns | null {
  for (let r = top; r <= bottom; r++) {
    if (!grid.hasRow(r)) continue;
    let l1 = -1,
      l2 = -1,
      l3 = -1,
      period = -1,
      annual = -1;
    for (const c of grid.filledCols(r)) {
      if (c > right) break;
      if (c < left) continue;
      const t = grid.label(r, c);
      if (!t) continue;
      if (t === "一级指标") l1 = c;
      else if (t === "二级指标") l2 = c;
      else if (t === "三级指标") l3 = c;
      else if (t.startsWith("实施周期") && t.includes("指标值")) period = c;
      else if (/^(年度)?指标值$|^年度指标值/.test(t)) annual = c;
    }
    if (l1 >= 0 && l3 >= 0 && (period >= 0 || annual >= 0)) {
      if (l2 < 0) l2 = l1 + 1;
      // A single value column serves both: older templates have only 指标值 / 年度指标值.
      if (period < 0) period = annual;
      if (annual < 0) annual = period;
      return { headerRow: r, level1: l1, level2: l2, level3: l3, period, annual };
    }
  }
  return null;
}

const VALUE_LIKE = /^[≥≤<>=]|^\d/;
const FOOTNOTE =
  /^(注|说明|备注|填报说明|填表说明|填报人|联系人|联系电话|单位负责人|财务负责人|审核人)[:：\s]?/;

interface Alignment {
  shift: number;
  valueShift: number;
  score: number;
}

function scoreAlignment(
  grid: SheetGrid,
  row: number,
  cols: IndicatorColumns,
  shift: number,
  valueShift: number,
  scanLeft: number,
  scanRight: number,
  current1: Level1 | null,
  penalties?: { count: number },
): number {
  // Which column plays which role under this alignment (called for every row: no allocation).
  const c1 = cols.level1 + shift;
  const c2 = cols.level2 + shift;
  const c3 = cols.level3 + shift;
  const cp = cols.period + shift + valueShift;
  const ca = cols.annual + shift + valueShift;
  let score = 0;
  for (const c of grid.filledCols(row)) {
    if (c > scanRight) break;
    if (c < scanLeft) continue;
    const t = grid.label(row, c);
    if (!t) continue;
    const role =
      c === c1 ? "l1" : c === c2 ? "l2" : c === c3 ? "l3" : c === cp ? "vp" : c === ca ? "va" : undefined;
    if (!role) {
      // The 绩效指标 label in the column left of 一级指标 is part of the template.
      if (t === "绩效指标") continue;
      score -= 3;
      if (penalties) penalties.count++;
      continue;
    }
    const l1 = matchLevel1(t) !== null;
    const l2 = matchLevel2(t) !== null;
    const before = score;
    switch (role) {
      case "l1":
        score += l1 ? 2 : -2;
        break;
      case "l2":
        // 成本指标 is both: a 一级 now, a 二级 under 产出指标 in the older tree.
        score += l2 && !l1 ? 2 : l2 && l1 ? (current1 === "产出指标" ? 2 : 1) : -2;
        break;
      case "l3":
        score += l1 || l2 ? -2 : VALUE_LIKE.test(t) ? -1 : 1;
        break;
      default:
        score += 1;
    }
    if (penalties && score < before) penalties.count++;
  }
  return score;
}

function bestAlignment(
  grid: SheetGrid,
  row: number,
  cols: IndicatorColumns,
  scanLeft: number,
  scanRight: number,
  current1: Level1 | null,
): Alignment {
  const penalties = { count: 0 };
  let best: Alignment = {
    shift: 0,
    valueShift: 0,
    score: scoreAlignment(grid, row, cols, 0, 0, scanLeft, scanRight, current1, penalties),
  };
  // Every filled cell sits where the header says and reads as its column expects: nothing to shift.
  if (penalties.count === 0) return best;
  // A lone cell that is no tree label gives no evidence of a shift: read it where it stands.
  const filled: string[] = [];
  for (let c = scanLeft; c <= scanRight; c++) if (grid.label(row, c)) filled.push(grid.label(row, c));
  if (filled.length === 1 && !matchLevel1(filled[0]) && !matchLevel2(filled[0])) return best;
  for (const shift of [-1, 0, 1]) {
    for (const valueShift of [0, 1]) {
      if (shift === 0 && valueShift === 0) continue;
      if (cols.level1 + shift < scanLeft) continue;
      const score = scoreAlignment(grid, row, cols, shift, valueShift, scanLeft, scanRight, current1);
      if (score > best.score) best = { shift, valueShift, score };
    }
  }
  return best;
}

export function readIndicatorTable(
  grid: SheetGrid,
  cols: IndicatorColumns,
  bottom: number,
  formLeft: number,
): IndicatorTable {
  const notes: LayoutNote[] = [];
  const issues: StructureIssue[] = [];
  const indicators: Indicator[] = [];
  const slots: Level2Slot[] = [];
  let olderTree = false;
  let current1: Level1 | null = null;
  let current1Ref: Indicator["level1Ref"] = null;
  let current2: Level2 | null = null;
  let current2Ref: Indicator["level2Ref"] = null;
  let currentSlot: Level2Slot | null = null;
  let lastRow = cols.headerRow;
  let lastCol = Math.max(cols.annual, cols.period);
  const scanLeft = Math.max(formLeft, cols.level1 - 1, grid.firstCol);
  const scanRight = Math.max(cols.annual, cols.period) + 2;

  for (let r = cols.headerRow + 1; r <= bottom; r++) {
    if (grid.isRowBlank(r, scanLeft, scanRight)) continue;
    const first = grid.text(r, scanLeft) || grid.text(r, scanLeft + 1);
    if (FOOTNOTE.test(first)) break;
    lastRow = r;

    const { shift, valueShift } = bestAlignment(grid, r, cols, scanLeft, scanRight, current1);
    const c1 = cols.level1 + shift;
    const c2 = cols.level2 + shift;
    const c3 = cols.level3 + shift;
    const cp = cols.period + shift + valueShift;
    const ca = cols.annual + shift + valueShift;
    lastCol = Math.max(lastCol, ca);
    if (shift !== 0) {
      notes.push({
        kind: shift < 0 ? "row-shifted-left" : "row-shifted-right",
        ref: grid.ref(r, shift < 0 ? c1 : cols.level1),
      });
    } else if (valueShift !== 0) {
      notes.push({ kind: "extra-column", ref: grid.ref(r, cols.period) });
    }

    const t1 = grid.text(r, c1);
    let l2Label = grid.text(r, c2);
    let l2Col = c2;
    let name = grid.text(r, c3);
    let nameCol = c3;
    const vp = grid.text(r, cp);
    const va = grid.text(r, ca);
    const hasValues = vp !== "" || va !== "";

    if (t1) {
      const l1 = matchLevel1(t1);
      if (l1) {
        current1 = l1;
        current1Ref = grid.ref(r, c1);
        current2 = null;
        current2Ref = null;
        currentSlot = null;
      } else if (matchLevel2(t1) && !l2Label) {
        notes.push({ kind: "level2-in-level1-column", ref: grid.ref(r, c1), args: { label: t1 } });
        l2Label = t1;
        l2Col = c1;
      } else if (!l2Label && !name && hasValues) {
        // A 三级 name typed into the 一级 column: the values make the intent clear.
        notes.push({ kind: "level3-in-level1-column", ref: grid.ref(r, c1), args: { label: t1 } });
        name = t1;
        nameCol = c1;
      } else {
        issues.push({
          kind: "unknown-level1",
          ref: grid.ref(r, c1),
          args: { label: t1 },
          raw: grid.displayed(r, c1),
        });
        current1 = null;
        current1Ref = grid.ref(r, c1);
        current2 = null;
        current2Ref = null;
        currentSlot = null;
      }
    }

    if (l2Label) {
      const l2 = matchLevel2(l2Label, current1 === "产出指标");
      if (!l2) {
        issues.push({
          kind: "unknown-level2",
          ref: grid.ref(r, l2Col),
          args: { label: l2Label, level1: current1 ?? "" },
          raw: grid.displayed(r, l2Col),
        });
        current2 = null;
        current2Ref = grid.ref(r, l2Col);
        currentSlot = null;
      } else {
        if (l2 === "成本指标") olderTree = true;
        if (current1 && !LEVEL2_PARENTS[l2].includes(current1)) {
          issues.push({
            kind: "level2-wrong-parent",
            ref: grid.ref(r, l2Col),
            args: { label: l2Label, level1: current1, expected: LEVEL2_PARENTS[l2].join("/") },
          });
        }
        current2 = l2;
        current2Ref = grid.ref(r, l2Col);
        currentSlot = { level1: current1, level2: l2, ref: current2Ref, indicatorCount: 0 };
        slots.push(currentSlot);
      }
    }

    if (name || hasValues) {
      indicators.push({
        level1: current1,
        level1Ref: current1Ref,
        level2: current2,
        level2Ref: current2Ref,
        name,
        nameRaw: grid.displayed(r, nameCol),
        nameRef: grid.ref(r, nameCol),
        period: { ref: grid.ref(r, cp), raw: grid.displayed(r, cp), parsed: parseIndicatorValue(vp) },
        annual: { ref: grid.ref(r, ca), raw: grid.displayed(r, ca), parsed: parseIndicatorValue(va) },
        row: r,
      });
      if (currentSlot) currentSlot.indicatorCount++;
    }
  }
  return { indicators, slots, notes, issues, olderTree, lastRow, lastCol };
}
