/**
 * Where a finding sits in the form, in the form's own words: the label path of its cell
 * (产出指标 › 数量指标 › 设备租赁数量, 项目名称, 年度资金总额 › 财政拨款), and the cell's shown value.
 * Used by the report sheet (a column a reviewer reads) and by SARIF fingerprints (a finding keeps
 * its identity when rows are inserted above it, as Arelle's sum hashes do).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { CheckResult } from "../checker";
import type { CellRef } from "../engine/model";
import { SheetGrid } from "../engine/grid";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { CellAddress, Diagnostic, Lang, SumItem } from "../core";
import { parseA1 } from "../engine/address";
import { t } from "../messages";

interface FieldLike {
  ref: CellRef;
  labelRef?: CellRef;
}

function isField(v: unknown): v is FieldLike {
  if (typeof v !== "object" || v === null) return false;
  const ref = (v as FieldLike).ref;
  return (
    typeof ref === "object" && ref !== null && typeof ref.row === "number" && typeof ref.col === "number"
  );
}

/** Fields of a form (any depth ≤ 3), with the label cell where the model records one. */
function collectFields(v: unknown, out: FieldLike[], depth = 0): void {
  if (depth > 3 || typeof v !== "object" || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) collectFields(x, out, depth + 1);
    return;
  }
  if (isField(v) && v.labelRef) out.push(v);
  for (const [k, x] of Object.entries(v))
    if (k !== "indicators" && k !== "ref") collectFields(x, out, depth + 1);
}

export interface Locator {
  /** The label path of a cell (empty when the cell is no recognised field). */
  path(d: Pick<Diagnostic, "sheet" | "row" | "col" | "formIndex">): string[];
  /** The cell's shown text. */
  value(sheet: string, row: number, col: number): string;
  /**
   * What the form calls any cell (a related cell of a finding): a field's label, whether the cell is the
   * label or its value (then with the value, when short); a sum term's block and label; an indicator
   * row's label path; else the label path as `path` finds it, else the cell's own text (a label nobody
   * models). `path` is empty when none is known; `form` is the form the cell lies in.
   */
  label(a: CellAddress): CellLabel;
}

/** What a form calls a cell (Locator.label). */
export interface CellLabel {
  path: string[];
  form: number | null;
  /** The cell holds a field's value, short enough to name it by (项目名称「伙食补助费」). */
  value?: string;
}

const short = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);

export function createLocator(snapshot: WorkbookSnapshot, result: CheckResult): Locator {
  // Grids built on first use: a finding's labels read a few sheets of a large workbook.
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const grids = new Map<string, SheetGrid>();
  const grid = (name: string): SheetGrid | undefined => {
    let g = grids.get(name);
    if (!g) {
      const s = sheets.get(name);
      if (!s) return undefined;
      grids.set(name, (g = new SheetGrid(s)));
    }
    return g;
  };
  const text = (sheet: string, row: number, col: number) => grid(sheet)?.text(row, col) ?? "";
  const fieldsByForm = new Map<number, FieldLike[]>();
  const fields = (i: number) => {
    let list = fieldsByForm.get(i);
    if (!list) {
      list = [];
      collectFields(result.model.forms[i], list);
      fieldsByForm.set(i, list);
    }
    return list;
  };
  const formAt = (sheet: string, row: number, col: number): number | null => {
    const i = result.model.forms.findIndex(
      (f) =>
        f.sheet === sheet &&
        row >= f.range.top &&
        row <= f.range.bottom &&
        col >= f.range.left &&
        col <= f.range.right,
    );
    return i < 0 ? null : i;
  };
  const locator: Locator = {
    value: text,
    label(a) {
      const at = parseA1(a.cell);
      if (!at) return { path: [], form: null };
      const { row, col } = at;
      const form = formAt(a.sheet, row, col);
      const same = (r: CellRef | null | undefined) =>
        !!r && r.sheet === a.sheet && r.row === row && r.col === col;
      const model = form === null ? null : result.model.forms[form];
      if (model && form !== null) {
        for (const sum of model.sums ?? [])
          for (const term of [sum.total, ...sum.parts])
            if (same(term.number.ref) || same(term.labelRef))
              return { path: [term.field, term.label].filter((x) => x !== ""), form };
        if (!model.indicators.some((x) => x.row === row && x.nameRef.sheet === a.sheet))
          for (const f of fields(form)) {
            if (!same(f.labelRef) && !same(f.ref)) continue;
            const label = text(f.labelRef!.sheet, f.labelRef!.row, f.labelRef!.col).trim();
            if (!label) continue;
            const value = same(f.ref) ? text(a.sheet, row, col).trim() : "";
            return {
              path: [short(label)],
              form,
              ...(value && value.length <= 30 && !/[\r\n]/.test(value) && !/^[\d.,\s%+-]+$/.test(value)
                ? { value }
                : {}),
            };
          }
      }
      const path = locator.path({ sheet: a.sheet, row, col, formIndex: form });
      // An indicator's value: which one, by the table's header over it (实施期目标 / 年度目标).
      const ind = model?.indicators.find((x) => same(x.period.ref) || same(x.annual.ref));
      const header =
        ind && model?.indicatorHeader ? text(a.sheet, model.indicatorHeader.row, col).trim() : "";
      if (path.length > 0) return { path: header ? [...path, short(header)] : path, form };
      const own = text(a.sheet, row, col).trim();
      return { path: own ? [short(own)] : [], form };
    },
    path(d) {
      if (d.formIndex === null) return [];
      const form = result.model.forms[d.formIndex];
      if (!form) return [];
      const ind = form.indicators.find((x) => x.row === d.row && x.nameRef.sheet === d.sheet);
      if (ind) return [ind.level1 ?? "", ind.level2 ?? "", ind.name || ind.nameRaw].filter((s) => s !== "");
      const slot = form.slots.find((s) => s.ref.row === d.row && s.ref.sheet === d.sheet);
      if (slot) return [slot.level1 ?? "", slot.level2].filter((s) => s !== "");
      for (const f of fields(d.formIndex)) {
        if (f.ref.sheet === d.sheet && f.ref.row === d.row && f.ref.col === d.col && f.labelRef) {
          const label = text(f.labelRef.sheet, f.labelRef.row, f.labelRef.col);
          if (label) return [label];
        }
      }
      // No field: the nearest label to the left on the same row, if any.
      for (let c = d.col - 1; c >= Math.max(0, d.col - 6); c--) {
        const t = text(d.sheet, d.row, c);
        if (t && !/^[\d.,%\s-]+$/.test(t)) return [t.length > 40 ? `${t.slice(0, 39)}…` : t];
      }
      return [];
    },
  };
  return locator;
}

/**
 * A finding's fingerprint: sha-256 over the rule, the message, the sheet, the form's name, the
 * cell's label path, the cell's value and the message arguments. Not the address: inserting a row
 * above a finding keeps it; editing the cell or the figures it compares gives a new one.
 */
export function fingerprint(parts: {
  rule: string;
  messageId: string;
  sheet: string;
  form: string;
  path: string[];
  cell: string;
  value: string;
  args: Record<string, unknown>;
}): string {
  const args = Object.keys(parts.args)
    .sort()
    .map((k) => {
      const v = parts.args[k];
      return `${k}=${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`;
    });
  // Without a label path the address is all that places the finding.
  const place = parts.path.length > 0 ? parts.path.join("\u001f") : parts.cell;
  const text = [parts.rule, parts.messageId, parts.sheet, parts.form, place, parts.value, ...args].join(
    "\u001e",
  );
  // SHA-256 in plain JS (@noble/hashes): the same fingerprint in Node and in the browser checker.
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 32);
}

/** A related cell with what the form calls it; the address stays the link target. */
export interface LabelledCell extends CellAddress {
  /** The cell's label (项目名称「伙食补助费」, 产出指标 › 数量指标 › 补助人数); "" when none is known. */
  label: string;
}

/**
 * Every related cell of a finding named by its label: a sum's item by its own label and field (the
 * working the rule gave); a field's value by the field and the value (项目名称「伙食补助费」); any other
 * cell by its label path (Locator.label), after the name of its form when that is not the finding's.
 */
export function relatedCells(
  d: Pick<Diagnostic, "related" | "sum" | "formIndex">,
  lang: Lang,
  locator?: Locator,
  forms: readonly { displayName: string }[] = [],
): LabelledCell[] {
  const items = new Map<string, string>();
  for (const item of [...(d.sum?.items ?? []), ...(d.sum?.total ? [d.sum.total] : [])])
    if (item.label) items.set(`${item.sheet}!${item.cell}`, itemLabel(item, lang));
  const sep = t("report.pathSep", lang);
  const named = (r: CellAddress): string => {
    const known = items.get(`${r.sheet}!${r.cell}`);
    if (known !== undefined) return known;
    const l = locator?.label(r);
    if (!l || l.path.length === 0) return "";
    if (l.value) return itemLabel({ field: l.path.join(sep), label: l.value }, lang);
    const other = l.form !== null && l.form !== d.formIndex ? forms[l.form]?.displayName : undefined;
    return (other ? [other, ...l.path] : l.path).join(sep);
  };
  return d.related.map((r) => ({ sheet: r.sheet, cell: r.cell, label: named(r) }));
}

/** A sum item named by its label: 项目名称「伙食补助费」, or 「伙食补助费」 without a field. */
export function itemLabel(item: Pick<SumItem, "label" | "field">, lang: Lang): string {
  return item.field
    ? t("report.itemLabel", lang, { field: item.field, label: item.label })
    : t("report.itemLabelBare", lang, { label: item.label });
}
