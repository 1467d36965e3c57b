/**
 * Reads a form by its template profile (src/templates): fields by their label synonyms, the
 * indicator table(s) by the header synonyms of each column role, the tree by the profile's tree.
 * Split columns (指标性质/计算符号 + 指标值/目标值 + 度量单位/计量单位) are composed into one value
 * before any rule sees it.
 */
import type { Segment } from "./detect";
import type { SheetGrid } from "./grid";
import { parseIndicatorValue } from "./value-grammar";
import type {
  CellRef,
  DepartmentForm,
  Form,
  FormField,
  FormSum,
  NumberField,
  SumTerm,
  Indicator,
  Level2Slot,
  ProjectForm,
  StructureIssue,
  TemplateChoice,
  TextField,
} from "./model";
import { parseNumericText, readNumberCell, type NumberCell } from "./numbers";
import { normalizeLabel } from "./text";
import type { Level1, Level2 } from "./vocabulary";
import { TREES, type TreeLevel1, type TreeLevel2, type TreeProfile } from "../templates/trees";
import type { ColumnRole, FieldProfile, SumProfile, TemplateProfile } from "../templates/types";

/** Rows that end an indicator table: notes, sign-off and review rows. */
const TABLE_END =
  /^(注|说明|备注|填报说明|填表说明|填报人|填表人|联系人|联系电话|单位负责人|财务负责人|审核人)[:：\s]?|审核意见|审批意见|初审意见|^其他需?说明的问题|^需要说明的其他问题|^保障绩效目标实现/;

const OPERATOR = /^(≥|≤|=|>|<|≠)$/;

// ---------------------------------------------------------------------------------------------
// Tree matching

const stemCache = new Map<string, string>();

/** `产出 指标(50分)` → 产出, `数量指标(或建筑规模指标)` → 数量, `★成本指标(0-20)分` → 成本. */
export function treeStem(label: string): string {
  let s = stemCache.get(label);
  if (s === undefined) {
    s = normalizeLabel(label)
      .replace(/^[*★]+/, "")
      .replace(/\(?[\d.\-~—]+分?\)?分?$/, "")
      .replace(/\([^()]*\)$/, "")
      .replace(/指标$/, "");
    if (stemCache.size > 10000) stemCache.clear();
    stemCache.set(label, s);
  }
  return s;
}

function findLevel1(tree: TreeProfile, label: string): TreeLevel1 | null {
  const s = treeStem(label);
  return tree.level1.find((l) => l.stems.includes(s)) ?? null;
}

function findLevel2(tree: TreeProfile, under: TreeLevel1 | null, label: string) {
  const s = treeStem(label);
  const own = under?.level2.find((l) => l.stems.includes(s));
  if (own) return { node: own, wrongParent: false, parents: [] as string[] };
  const elsewhere = tree.level1.filter((l1) => l1.level2.some((l) => l.stems.includes(s)));
  if (elsewhere.length === 0) return null;
  const node = elsewhere[0].level2.find((l) => l.stems.includes(s)) as TreeLevel2;
  return { node, wrongParent: under !== null, parents: elsewhere.map((l) => l.name) };
}

// ---------------------------------------------------------------------------------------------
// Fields

interface FieldHit {
  row: number;
  col: number;
  /** Text after `label:` in the label's own cell. */
  inline: string;
}

function matchesField(profile: TemplateProfile, label: string): boolean {
  const head = label.replace(/:.*$/, "");
  return (
    profile.fields.some((f) => f.labels.some((re) => re.test(label) || re.test(head))) ||
    profile.anchors.some((a) => a.label.test(label) || a.label.test(head))
  );
}

function findField(grid: SheetGrid, f: FieldProfile, top: number, bottom: number): FieldHit | null {
  let first: FieldHit | null = null;
  let last: FieldHit | null = null;
  for (let r = top; r <= bottom; r++) {
    if (!grid.hasRow(r)) continue;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const raw = grid.displayed(r, c);
      if (raw === "" || raw.length > 80) continue;
      const l = grid.label(r, c);
      let hit: FieldHit | null = null;
      if (f.labels.some((re) => re.test(l))) hit = { row: r, col: c, inline: "" };
      const colon = l.indexOf(":");
      if (!hit && colon > 0 && f.labels.some((re) => re.test(l.slice(0, colon)))) {
        const text = grid.text(r, c);
        const at = text.search(/[:：]/);
        hit = { row: r, col: c, inline: at >= 0 ? text.slice(at + 1).trim() : "" };
      }
      if (hit && (f.pick === undefined || f.pick === "first")) return hit;
      // firstOfPair: the 中期 half is the first of two matches; one match is the 年度 half alone.
      if (hit && f.pick === "firstOfPair" && first) return first;
      if (hit) first ??= hit;
      if (hit) last = hit;
    }
  }
  return f.pick === "firstOfPair" ? null : last;
}

function amountOf(grid: SheetGrid, ref: CellRef, text: string, inline: boolean): NumberCell {
  if (!inline) return readNumberCell(grid, ref.row, ref.col, ["万元", "万", "元"]);
  const base = { ref, text, formula: null, storedAsText: true };
  if (text === "") return { ...base, status: "blank", value: null, decimals: 0 };
  const n = parseNumericText(text, ["万元", "万", "元"]);
  return n
    ? { ...base, status: "ok", value: n.value, decimals: n.decimals }
    : { ...base, status: "not-number", value: null, decimals: 0 };
}

function belowText(
  grid: SheetGrid,
  profile: TemplateProfile,
  row: number,
  col: number,
  bottom: number,
): boolean {
  if (row > bottom) return false;
  const t = grid.text(row, col);
  return t !== "" && !grid.isMergeTail(row, col) && !matchesField(profile, grid.label(row, col));
}

function readField(
  grid: SheetGrid,
  profile: TemplateProfile,
  f: FieldProfile,
  top: number,
  bottom: number,
): FormField | null {
  const hit = findField(grid, f, top, bottom);
  if (!hit) return null;
  const labelRef = grid.ref(hit.row, hit.col);
  const rightCol = grid.cellRightOf(hit.row, hit.col);
  const rightText = grid.text(hit.row, rightCol);
  const rightIsLabel = rightText !== "" && matchesField(profile, grid.label(hit.row, rightCol));
  let ref: CellRef;
  let text: string;
  let raw: string;
  let inline = false;
  if (hit.inline !== "" && (rightText === "" || rightIsLabel)) {
    ref = labelRef;
    text = hit.inline;
    raw = hit.inline;
    inline = true;
  } else if (f.type === "amount" && f.value === "below") {
    // A column heading over its amount (本年度预计投入(万元) | 中央 | 省级 … with the figures two rows down).
    ref = grid.ref(hit.row + 1, hit.col);
    text = "";
    raw = "";
    for (let r = hit.row + 1; r <= Math.min(bottom, hit.row + 2); r++) {
      const t = grid.text(r, hit.col);
      // Another field's label below (a blank form laid out one field a row) is not this amount.
      if (t === "" || grid.isMergeTail(r, hit.col) || matchesField(profile, grid.label(r, hit.col))) continue;
      ref = grid.ref(r, hit.col);
      text = t;
      raw = grid.displayed(r, hit.col);
      if (!/\d/.test(t)) continue;
      break;
    }
  } else if (f.type !== "amount" && (f.value === "below" || rightIsLabel)) {
    ref = f.value === "below" ? grid.ref(hit.row + 1, hit.col) : labelRef;
    text = "";
    raw = "";
    for (let r = hit.row + 1; r <= Math.min(bottom, hit.row + 2); r++) {
      const t = grid.text(r, hit.col);
      if (t === "" || matchesField(profile, grid.label(r, hit.col))) continue;
      ref = grid.ref(r, hit.col);
      text = t;
      raw = grid.displayed(r, hit.col);
      break;
    }
  } else if (rightIsLabel) {
    ref = labelRef;
    text = "";
    raw = "";
    inline = true;
  } else if (
    rightText === "" &&
    f.type === "text" &&
    belowText(grid, profile, hit.row + 1, hit.col, bottom)
  ) {
    // A header-style label (年度总体目标 over its text): the value sits below.
    ref = grid.ref(hit.row + 1, hit.col);
    text = grid.text(hit.row + 1, hit.col);
    raw = grid.displayed(hit.row + 1, hit.col);
  } else if (rightText === "" && f.type === "text" && /Goal$/.test(f.role) && hit.row + 1 <= bottom + 1) {
    // A goal heading with nothing beside it: its text belongs below.
    ref = grid.ref(hit.row + 1, hit.col);
    text = "";
    raw = "";
  } else {
    ref = grid.ref(hit.row, rightCol);
    text = rightText;
    raw = grid.displayed(hit.row, rightCol);
  }
  // Messages name the field as this form prints it (主管部门及代码, 其中:财政拨款 …): its whole label,
  // less a trailing colon, or the part before the colon where the value follows it in the same cell.
  const own = grid.text(hit.row, hit.col).replace(/\s+/g, "");
  const printed =
    hit.inline !== "" || !f.labels.some((re) => re.test(grid.label(hit.row, hit.col)))
      ? own.replace(/[:：].*$/, "")
      : own.replace(/[:：]+$/, "");
  const field: FormField = {
    role: f.role,
    display: printed || f.display,
    type: f.type,
    required: f.required,
    labelRef,
    ref,
    text,
    raw,
  };
  if (f.type === "amount") {
    field.number = amountOf(grid, ref, text, inline);
    field.unit = f.unit ?? profile.moneyUnit;
  }
  return field;
}

// ---------------------------------------------------------------------------------------------
// Indicator tables

interface Header {
  row: number;
  cols: Partial<Record<ColumnRole, number>>;
  operators: number[];
  /** 长期 / 中期 table (P2) or the 中期 half of a side-by-side pair (P1). */
  period: boolean;
}

function headerRoles(grid: SheetGrid, profile: TemplateProfile, row: number): Header[] {
  const columns = profile.table?.columns ?? {};
  const sets: Header[] = [];
  let cur: Header = { row, cols: {}, operators: [], period: false };
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const raw = grid.displayed(row, c);
    if (raw === "" || raw.length > 40) continue;
    const l = grid.label(row, c);
    const role = (Object.keys(columns) as ColumnRole[]).find((k) => columns[k]!.some((re) => re.test(l)));
    if (!role) continue;
    // A second 一级 (or 三级 in a flat table) after the values: the 年度 half of a side-by-side pair.
    if (
      (role === "level1" || (role === "level3" && cur.cols.level1 === undefined)) &&
      cur.cols[role] !== undefined
    ) {
      sets.push(cur);
      cur = { row, cols: {}, operators: [], period: false };
    }
    if (role === "operator") cur.operators.push(c);
    else if (cur.cols[role] === undefined) cur.cols[role] = c;
  }
  sets.push(cur);
  const ok = sets.filter(
    (h) => h.cols.level3 !== undefined && (h.cols.value !== undefined || h.cols.periodValue !== undefined),
  );
  if (ok.length === 2) ok[0].period = true;
  return ok;
}

function findHeaders(grid: SheetGrid, profile: TemplateProfile, top: number, bottom: number): Header[][] {
  const found: Header[][] = [];
  for (let r = top; r <= bottom; r++) {
    if (!grid.hasRow(r)) continue;
    const sets = headerRoles(grid, profile, r);
    if (sets.length === 0) continue;
    // A 长期 table (P2) is the period table; the label left of the header says so.
    let block = "";
    for (let c = grid.firstCol; c < (sets[0].cols.level1 ?? sets[0].cols.level3 ?? 0); c++)
      block += grid.label(r, c);
    if (/长期|中期|实施期/.test(block)) sets.forEach((h) => (h.period = true));
    found.push(sets);
  }
  return found;
}

interface TableRead {
  indicators: Indicator[];
  slots: Level2Slot[];
  issues: StructureIssue[];
  olderTree: boolean;
  lastRow: number;
  lastCol: number;
}

function readTable(
  grid: SheetGrid,
  profile: TemplateProfile,
  tree: TreeProfile,
  h: Header,
  end: number,
  out: TableRead,
): void {
  const { cols } = h;
  const c1 = cols.level1;
  const c2 = cols.level2;
  const c3 = cols.level3 as number;
  const cv = (cols.value ?? cols.periodValue) as number;
  const cp = cols.periodValue ?? cv;
  const roleCols = [c1, c2, c3, cv, cp, cols.unit, ...h.operators].filter(
    (c): c is number => c !== undefined,
  );
  const right = Math.max(...roleCols);
  let cur1: TreeLevel1 | null = null;
  let cur1Label = "";
  let cur1Ref: CellRef | null = null;
  let cur2: TreeLevel2 | null = null;
  let cur2Label = "";
  let cur2Ref: CellRef | null = null;
  let slot: Level2Slot | null = null;

  for (let r = h.row + 1; r <= end; r++) {
    if (grid.isRowBlank(r, grid.firstCol, right)) continue;
    let first = "";
    for (let c = grid.firstCol; c <= right && first === ""; c++) first = grid.text(r, c);
    if (TABLE_END.test(first)) break;
    out.lastRow = r;
    out.lastCol = Math.max(out.lastCol, right);

    const t1 = c1 !== undefined ? grid.text(r, c1) : "";
    const t2 = c2 !== undefined ? grid.text(r, c2) : "";
    const name = grid.text(r, c3);
    const value = grid.text(r, cv);

    if (t1 && t1 !== cur1Label) {
      const l1 = findLevel1(tree, t1);
      if (l1) {
        cur1 = l1;
        cur1Label = t1;
        cur1Ref = grid.ref(r, c1!);
        cur2 = null;
        cur2Label = "";
        cur2Ref = null;
        slot = null;
      } else {
        out.issues.push({
          kind: "unknown-level1",
          ref: grid.ref(r, c1!),
          args: { label: t1 },
          raw: grid.displayed(r, c1!),
        });
        cur1 = null;
        cur1Label = t1;
        cur1Ref = grid.ref(r, c1!);
        cur2 = null;
        cur2Label = "";
        slot = null;
      }
    }
    if (t2 && !(t2 === cur2Label && t1 === "") && !(t2 === cur2Label && t1 === cur1Label)) {
      const m = findLevel2(tree, cur1, t2);
      cur2Label = t2;
      cur2Ref = grid.ref(r, c2!);
      if (!m) {
        out.issues.push({
          kind: "unknown-level2",
          ref: cur2Ref,
          args: { label: t2, level1: cur1?.canonical ?? cur1?.name ?? "" },
          raw: grid.displayed(r, c2!),
        });
        cur2 = null;
        slot = null;
      } else {
        if (m.wrongParent)
          out.issues.push({
            kind: "level2-wrong-parent",
            ref: cur2Ref,
            args: { label: t2, level1: cur1?.name ?? "", expected: m.parents.join("/") },
          });
        cur2 = m.node;
        if (m.node.canonical === "成本指标") out.olderTree = true;
        slot = m.node.canonical
          ? { level1: cur1?.canonical ?? null, level2: m.node.canonical, ref: cur2Ref, indicatorCount: 0 }
          : null;
        if (slot) out.slots.push(slot);
      }
    }

    const valueOf = (col: number) => {
      const v = grid.text(r, col);
      let op = "";
      for (const oc of h.operators) {
        const t = grid.text(r, oc);
        if (OPERATOR.test(t)) {
          op = t;
          break;
        }
      }
      const unit = cols.unit !== undefined ? grid.text(r, cols.unit) : "";
      let composed = v;
      if (v !== "" && op && !/^[≥≤=<>≠]/.test(v)) composed = op + v;
      if (v !== "" && unit && !/^[\d,.]+$/.test(unit)) {
        const p = parseIndicatorValue(composed);
        const unitless =
          (p.kind === "quantity" && p.quantity.unit === null && p.suffix === "") ||
          (p.kind === "range" && p.high.unit === null && p.suffix === "");
        if (unitless) composed += unit;
      }
      return {
        ref: grid.ref(r, col),
        raw: composed === v ? grid.displayed(r, col) : composed,
        parsed: parseIndicatorValue(composed),
        ...(cols.unit !== undefined ? { unitRef: grid.ref(r, cols.unit) } : {}),
      };
    };

    if (name || value) {
      const qualitative = [...h.operators, ...(cols.valueType !== undefined ? [cols.valueType] : [])].some(
        (c) => grid.text(r, c) === "定性",
      );
      const annual = valueOf(cv);
      const period = cp === cv ? annual : valueOf(cp);
      out.indicators.push({
        level1: cur1?.canonical ?? null,
        level1Ref: cur1Ref,
        level2: (cur2?.canonical ?? null) as Level2 | null,
        level2Ref: cur2Ref,
        name,
        nameRaw: grid.displayed(r, c3),
        nameRef: grid.ref(r, c3),
        period,
        annual,
        row: r,
        ...(qualitative ? { qualitative } : {}),
      });
      if (slot) slot.indicatorCount++;
    }
  }
}

/** The 88号-era department form: `产出指标 | 质量指标:sentence`, one sentence per 二级. */
function readProse(
  grid: SheetGrid,
  tree: TreeProfile,
  blockRow: number,
  blockCol: number,
  end: number,
  out: TableRead,
) {
  let cur1: TreeLevel1 | null = null;
  let cur1Ref: CellRef | null = null;
  for (let r = blockRow; r <= end; r++) {
    if (grid.isRowBlank(r)) continue;
    if (r > blockRow && !grid.isBlank(r, blockCol) && !grid.isMergeTail(r, blockCol)) break;
    const t1 = grid.text(r, blockCol + 1);
    if (t1) {
      cur1 = findLevel1(tree, t1);
      cur1Ref = grid.ref(r, blockCol + 1);
    }
    const cell = grid.text(r, blockCol + 2);
    if (!cell) continue;
    out.lastRow = r;
    const at = cell.search(/[:：]/);
    const head = at > 0 ? cell.slice(0, at) : "";
    const body = at > 0 ? cell.slice(at + 1).trim() : cell;
    const m = head ? findLevel2(tree, cur1, head) : null;
    const ref = grid.ref(r, blockCol + 2);
    if (m?.node.canonical) {
      out.slots.push({ level1: cur1?.canonical ?? null, level2: m.node.canonical, ref, indicatorCount: 1 });
      if (m.node.canonical === "成本指标") out.olderTree = true;
    }
    const value = { ref, raw: body, parsed: parseIndicatorValue(body) };
    out.indicators.push({
      level1: cur1?.canonical ?? null,
      level1Ref: cur1Ref,
      level2: m?.node.canonical ?? null,
      level2Ref: m ? ref : null,
      name: body,
      // The name is the sentence after `质量指标：`; the 二级 head and its colon are not part of it.
      nameRaw:
        at > 0
          ? grid.displayed(r, blockCol + 2).replace(/^[^:：]*[:：]\s*/, "")
          : grid.displayed(r, blockCol + 2),
      nameRef: ref,
      period: value,
      annual: value,
      row: r,
    });
  }
}

/**
 * Give each 年度 indicator its 中期 value: the 中期 indicator on the same row (halves side by side),
 * else the one of the same name (a 长期 table above the 年度 one). 中期 indicators with no 年度
 * partner stay indicators of their own; a form with a 中期 table only keeps its indicators and slots.
 */
function pairPeriods(out: TableRead, period: TableRead): void {
  if (period.indicators.length === 0) return;
  if (out.indicators.length === 0) {
    out.indicators.push(...period.indicators);
    out.slots.push(...period.slots);
    return;
  }
  const used = new Set<Indicator>();
  const unpaired: Indicator[] = [];
  for (const p of period.indicators) {
    const partner =
      out.indicators.find((a) => !used.has(a) && a.row === p.row) ??
      out.indicators.find((a) => !used.has(a) && a.name !== "" && a.name === p.name && a.level2 === p.level2);
    if (partner) {
      used.add(partner);
      partner.period = p.annual;
    } else unpaired.push(p);
  }
  out.indicators.push(...unpaired);
}

// ---------------------------------------------------------------------------------------------
// Sums the template implies (profile.sums), resolved to cells

const AMOUNT_UNITS = ["万元", "万", "元"];

function fieldTerm(f: FormField): SumTerm | null {
  return f.number ? { label: f.display, field: "", labelRef: f.labelRef, number: f.number } : null;
}

/** Field sums: total and parts by role; a part the form does not have is left out (as 0). */
function fieldSum(sum: SumProfile, fields: FormField[], unit: "元" | "万元"): FormSum | null {
  const byRole = (role: string) => fields.find((f) => f.role === role);
  const totalField = byRole(sum.total);
  const total = totalField ? fieldTerm(totalField) : null;
  if (!total) return null;
  const parts = sum.parts
    .map(byRole)
    .filter((f): f is FormField => f !== undefined && f !== totalField)
    .map(fieldTerm)
    .filter((t): t is SumTerm => t !== null);
  if (parts.length === 0) return null;
  return {
    rule: sum.rule ?? "budget-sum",
    unit: totalField?.unit ?? unit,
    total,
    parts,
    ...(sum.atMost ? { atMost: true } : {}),
  };
}

/** The heading over a column of an amount table: the nearest text above the block's first row. */
function columnHeading(grid: SheetGrid, fromRow: number, col: number, top: number): string {
  for (let r = fromRow; r >= Math.max(top, fromRow - 8); r--) {
    const t = grid.text(r, col);
    if (t !== "" && !/^[\d,.]+%?$/.test(t)) return t.replace(/\s+/g, "");
  }
  return "";
}

/**
 * Row sums: the block label (收入构成), its part rows and the first total row (合计) after them, in
 * the column right of the block label; checked in every column where the total row holds an amount.
 */
function rowSums(
  grid: SheetGrid,
  sum: SumProfile,
  rows: NonNullable<SumProfile["rows"]>,
  top: number,
  bottom: number,
  unit: "元" | "万元",
): FormSum[] {
  const out: FormSum[] = [];
  for (let r = top; r <= bottom; r++) {
    if (!grid.hasRow(r)) continue;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      if (!rows.block.test(grid.label(r, c))) continue;
      const labelCol = grid.cellRightOf(r, c);
      const parts: { row: number; label: string }[] = [];
      let totalRow: number | null = null;
      for (let rr = r; rr <= Math.min(bottom, r + 12) && totalRow === null; rr++) {
        const l = grid.label(rr, labelCol);
        if (rr > r && grid.text(rr, c) !== "" && !grid.isMergeTail(rr, c)) break; // the next block
        if (rows.parts.some((re) => re.test(l))) parts.push({ row: rr, label: grid.text(rr, labelCol) });
        else if (parts.length > 0 && rows.total.test(l)) totalRow = rr;
      }
      if (totalRow === null || parts.length === 0) continue;
      for (let col = grid.cellRightOf(totalRow, labelCol); col <= grid.lastCol; col++) {
        const t = grid.text(totalRow, col);
        if (t === "" || /%$/.test(t) || grid.isMergeTail(totalRow, col)) continue;
        const number = readNumberCell(grid, totalRow, col, AMOUNT_UNITS);
        if (number.status !== "ok") continue;
        const field = columnHeading(grid, r - 1, col, top);
        const term = (row: number, label: string): SumTerm => ({
          label: label.replace(/\s+/g, ""),
          field,
          labelRef: grid.ref(row, labelCol),
          number: readNumberCell(grid, row, col, AMOUNT_UNITS),
        });
        out.push({
          rule: sum.rule ?? "budget-sum",
          unit,
          total: term(totalRow, grid.text(totalRow, labelCol)),
          parts: parts.map((p) => term(p.row, p.label)),
        });
      }
    }
  }
  return out;
}

function resolveSums(
  grid: SheetGrid,
  profile: TemplateProfile,
  fields: FormField[],
  top: number,
  bottom: number,
): FormSum[] {
  const unit = profile.moneyUnit ?? "元";
  const out: FormSum[] = [];
  for (const sum of profile.sums ?? []) {
    if (sum.rows) out.push(...rowSums(grid, sum, sum.rows, top, bottom, unit));
    else {
      const got = fieldSum(sum, fields, unit);
      if (got) out.push(got);
    }
  }
  return out;
}

/** The project's budget for the cost rules, in 元: the 年度 amount, else the total. */
function budgetInYuan(fields: FormField[]): { budget: NumberField; unit: "元" | "万元" } | null {
  const f =
    fields.find((x) => x.role === "budgetAnnual" && x.number?.status === "ok") ??
    fields.find((x) => x.role === "budgetTotal" && x.number?.status === "ok") ??
    fields.find((x) => x.role === "budgetAnnual" || x.role === "budgetTotal");
  if (!f?.number) return null;
  const unit = f.unit ?? "元";
  const n = f.number;
  if (unit === "元" || n.value === null) return { budget: { ...n, labelRef: f.labelRef }, unit };
  // 65 万元 = 650,000 元, shown to 10^4 元: the tolerance follows (±5,000 元 for a whole 万元 figure).
  return {
    budget: { ...n, value: n.value.times(10000), decimals: n.decimals - 4, labelRef: f.labelRef },
    unit,
  };
}

// ---------------------------------------------------------------------------------------------
// The form

function asText(f: FormField | undefined): TextField | undefined {
  return f ? { ref: f.ref, text: f.text, raw: f.raw, labelRef: f.labelRef } : undefined;
}

export function readProfileForm(
  grid: SheetGrid,
  seg: Segment,
  profile: TemplateProfile,
  choice: TemplateChoice,
): Form {
  const tree = TREES[profile.tree];
  const out: TableRead = {
    indicators: [],
    slots: [],
    issues: [],
    olderTree: false,
    lastRow: seg.top,
    lastCol: 0,
  };
  let headerRef: CellRef | null = null;
  let fieldsBottom = seg.bottom;

  if (profile.table?.layout === "prose") {
    const block = findField(
      grid,
      { role: "table", display: "", labels: [/年度绩效指标$/], type: "text", required: false },
      seg.top,
      seg.bottom,
    );
    if (block) {
      headerRef = grid.ref(block.row, block.col + 1);
      fieldsBottom = block.row - 1;
      readProse(grid, tree, block.row, block.col, seg.bottom, out);
    }
  } else if (profile.table) {
    const headers = findHeaders(grid, profile, seg.top, seg.bottom);
    if (headers.length > 0) {
      const h0 = headers[0][0];
      headerRef = grid.ref(h0.row, h0.cols.level1 ?? h0.cols.level3 ?? grid.firstCol);
      fieldsBottom = h0.row - 1;
    }
    // The 中期 / 长期 half (left of the 年度 half, or a table of its own) is read apart and paired
    // with the 年度 indicators, so each indicator carries both values.
    const periodOut: TableRead = { ...out, indicators: [], slots: [] };
    headers.forEach((sets, i) => {
      const end = i + 1 < headers.length ? headers[i + 1][0].row - 1 : seg.bottom;
      for (const h of sets) readTable(grid, profile, tree, h, end, h.period ? periodOut : out);
    });
    out.olderTree ||= periodOut.olderTree;
    out.lastRow = Math.max(out.lastRow, periodOut.lastRow);
    out.lastCol = Math.max(out.lastCol, periodOut.lastCol);
    pairPeriods(out, periodOut);
  }

  const fields: FormField[] = [];
  for (const f of profile.fields) {
    const got = readField(grid, profile, f, seg.top, fieldsBottom);
    if (got) fields.push(got);
  }
  const byRole = (role: string) => fields.find((f) => f.role === role);
  const sums = resolveSums(grid, profile, fields, seg.top, fieldsBottom);

  const titleRow = seg.top;
  let titleText = "";
  for (let c = grid.firstCol; c <= grid.lastCol && titleText === ""; c++) titleText = grid.text(titleRow, c);
  const title: TextField | null = titleText
    ? {
        ref: grid.ref(titleRow, grid.firstCol),
        text: titleText,
        raw: titleText,
        labelRef: grid.ref(titleRow, grid.firstCol),
      }
    : null;
  let year: number | null = null;
  let yearRef: CellRef | null = null;
  for (let r = seg.top; r <= Math.min(seg.top + 3, seg.bottom); r++) {
    for (let c = grid.firstCol; c <= grid.lastCol && year === null; c++) {
      const m = /(20\d{2})\s*年/.exec(grid.text(r, c));
      if (m && grid.text(r, c).length <= 60) {
        year = Number(m[1]);
        yearRef = grid.ref(r, c);
      }
    }
  }

  const range = {
    top: seg.top,
    left: grid.firstCol,
    bottom: Math.max(out.lastRow, fieldsBottom < seg.bottom ? fieldsBottom : seg.bottom),
    right: Math.max(grid.lastCol, out.lastCol),
  };
  const base = {
    sheet: grid.name,
    range,
    origin: grid.ref(seg.startRow ?? seg.top, grid.firstCol),
    indicators: out.indicators,
    slots: out.slots,
    indicatorHeader: headerRef,
    layoutNotes: [],
    structureIssues: out.issues,
    olderTree: out.olderTree,
    template: choice,
    fields,
    treeRequired: tree.required,
    ...(sums.length > 0 ? { sums } : {}),
  };
  if (!headerRef && profile.table) {
    base.structureIssues.push({
      kind: "no-indicator-table",
      ref: grid.ref(seg.startRow ?? seg.top, grid.firstCol),
      // The message names this template's own header (its profile's data), not the Dongguan one.
      args: { header: profile.table.header.join("、") },
    });
  }
  const name = asText(byRole("projectName") ?? byRole("deptName"));
  if (profile.kind === "department") {
    const form: DepartmentForm = {
      ...base,
      kind: "department",
      displayName: name?.text || `${profile.name.zh}（${grid.name}）`,
      title,
      year,
      yearRef,
      name,
      budget: {},
      overallGoal: asText(byRole("overallGoal") ?? byRole("annualGoal")),
      tasks: [],
    };
    return form;
  }
  const form: ProjectForm = {
    ...base,
    kind: "project",
    displayName: name?.text || `${profile.name.zh}（${grid.name}!${seg.top + 1}行）`,
    title,
    name,
    owner: asText(byRole("department")),
    user: asText(byRole("implementingUnit")),
    periodGoal: asText(byRole("periodGoal") ?? byRole("midTermGoal") ?? byRole("longTermGoal")),
    annualGoal: asText(byRole("annualGoal")),
  };
  const budget = budgetInYuan(fields);
  if (budget) {
    form.budget = budget.budget;
    form.budgetUnit = budget.unit;
  }
  return form;
}

export type { Level1 };
