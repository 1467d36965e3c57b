/**
 * The Office.js adapter: WorkbookHost over Excel's JavaScript API.
 *
 * Round trips are fixed, whatever the number of sheets or cells: reading the workbook is two
 * `context.sync()` calls (sheet list and settings; then every sheet's used range, merged areas and
 * the add-in's previous marks), painting the marks is one. Only a workbook too large for one
 * response (Excel on the web caps a request at 5 MB) is read in slices.
 *
 * Marks never touch the user's formatting: each is a conditional format laid over the cell, with
 * a marker formula that identifies it as ours, so 清除标记 finds and removes exactly those — also
 * after the file was saved and reopened, and after rows were inserted above them. Where marks were
 * put is also recorded in the workbook's settings (for the record; finding them needs only the
 * formula).
 */
import { parseA1, parseRangeA1, rangeToA1, toA1 } from "../../engine/address";
import type { CellRange } from "../../engine/snapshot";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";
import type { CellAddress, Lang, Severity } from "../../rules/types";
import { TEMPLATE_STYLES } from "../../template/styles";
import type { FormLayout, NewSheetPlan, RowInsertPlan, ValidationSpec } from "../../template/types";
import type { CellMark, Explanation, HostInfo, ReportSheetPlan, WorkbookHost } from "../host";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostDeps {
  run: ExcelRun;
  isSetSupported(name: string, version: string): boolean;
  lang: Lang;
  kind?: HostInfo["kind"];
}

/** Always TRUE, and no user writes it: how our conditional formats are told from the user's. */
export const MARK_FORMULA = '=N("perf-target-check")=0';
export const MARKS_KEY = "perfTargetCheck.marks";
export const EXPLANATIONS_KEY = "perfTargetCheck.explanations";
/** The workbook's CheckConfig (src/config), a JSON object or its text; read with the other settings. */
export const CONFIG_KEY = "perfTargetCheck.config";

const MARK_STYLE: Record<CellMark["severity"], { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};
const REPORT_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

interface MarkRecord {
  sheet: string;
  address: string;
}

/** One of our marks: found by its marker formula, deleted by its id. */
interface OwnMark {
  sheet: string;
  id: string;
}

const ERROR_CODES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** A batch of cells per request, small enough for Excel on the web when a workbook must be sliced. */
const SLICE_CELLS = 20000;

function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  // Excel on the web says Response… for a read that is too large, Request… for a write.
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

function parseExplanations(value: unknown): Explanation[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is Explanation =>
      typeof e === "object" && e !== null && typeof e.key === "string" && typeof e.text === "string",
  );
}

/** One loaded block of a used range → snapshot arrays (values of formula cells are cached results). */
function toSheetSnapshot(
  name: string,
  top: number,
  left: number,
  values: unknown[][],
  text: string[][],
  numberFormat: string[][],
  formulas: unknown[][],
): SheetSnapshot {
  const outValues: CellValue[][] = [];
  const outFormulas: (string | null)[][] = [];
  for (let r = 0; r < values.length; r++) {
    const row: CellValue[] = [];
    const frow: (string | null)[] = [];
    for (let c = 0; c < values[r].length; c++) {
      const v = values[r][c];
      const f = formulas[r]?.[c];
      const formula = typeof f === "string" && f.startsWith("=") ? f : null;
      frow.push(formula);
      if (v === "" || v === null || v === undefined) row.push(null);
      else if (typeof v === "string" && formula && ERROR_CODES.has(v)) row.push({ error: v });
      else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") row.push(v);
      else row.push(String(v));
    }
    outValues.push(row);
    outFormulas.push(frow);
  }
  return { name, top, left, values: outValues, text, numberFormat, formulas: outFormulas, merges: [] };
}

/** Excel column width is in points; the template speaks Excel's character units. */
const POINTS_PER_CHAR = 5.6;

function shiftRange(r: CellRange, row: number, col: number): CellRange {
  return { top: r.top + row, left: r.left + col, bottom: r.bottom + row, right: r.right + col };
}

function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  if (v.kind === "list") return { list: { inCellDropDown: true, source: v.list.join(",") } };
  const basic = { formula1: v.min, formula2: v.max, operator: "Between" as const };
  return v.kind === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
}

/** Queues a whole form layout at `origin` on `ws` (values, styles, borders, merges, sizes, validations). */
function queueLayout(ws: Excel.Worksheet, layout: FormLayout, origin: { row: number; col: number }): void {
  const at = (r: number, c: number) => toA1(origin.row + r, origin.col + c);
  const grid: (string | number)[][] = Array.from({ length: layout.rowCount }, () =>
    Array(layout.colCount).fill(""),
  );
  const formats: string[][] = Array.from({ length: layout.rowCount }, () =>
    Array(layout.colCount).fill("General"),
  );
  for (const cell of layout.cells) {
    const style = TEMPLATE_STYLES[cell.style];
    if (cell.value !== null) grid[cell.row][cell.col] = cell.value;
    formats[cell.row][cell.col] = style.numberFormat ?? (typeof cell.value === "string" ? "@" : "General");
  }
  const area = ws.getRange(`${at(0, 0)}:${at(layout.rowCount - 1, layout.colCount - 1)}`);
  area.numberFormat = formats;
  area.values = grid;
  area.format.verticalAlignment = "Center";
  for (const cell of layout.cells) {
    const style = TEMPLATE_STYLES[cell.style];
    const r = ws.getRange(at(cell.row, cell.col));
    r.format.horizontalAlignment = style.horizontal;
    r.format.wrapText = style.wrap;
    if (style.bold) r.format.font.bold = true;
    if (style.fontSize) r.format.font.size = style.fontSize;
    if (style.fill) r.format.fill.color = style.fill;
    if (style.border) {
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const b = r.format.borders.getItem(edge);
        b.style = "Continuous";
        b.weight = "Thin";
      }
    }
  }
  for (const m of layout.merges) ws.getRange(rangeToA1(shiftRange(m, origin.row, origin.col))).merge(false);
  layout.columnWidths.forEach((w, c) => {
    ws.getRange(`${at(0, c)}:${at(layout.rowCount - 1, c)}`).format.columnWidth = w * POINTS_PER_CHAR;
  });
  for (const { row, height } of layout.rowHeights) ws.getRange(at(row, 0)).format.rowHeight = height;
  for (const v of layout.validations) {
    const dv = ws.getRange(rangeToA1(shiftRange(v.range, origin.row, origin.col))).dataValidation;
    dv.rule = validationRule(v);
    if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: v.prompt };
  }
}

export function createExcelHost(deps: ExcelHostDeps): WorkbookHost {
  const { run, isSetSupported, lang } = deps;
  const mergedAreas = isSetSupported("ExcelApi", "1.13");
  /** Our marks found by the last read; null when unknown (then found before writing). */
  let ownMarks: OwnMark[] | null = null;
  let explanations: Explanation[] | null = null;
  /** The CONFIG_KEY setting as of the last read (undefined: not read yet). */
  let storedConfig: unknown = undefined;
  const sheetNames = new Map<string, string>();
  /** The report sheet: changes there are never the user's edits of a form. */
  let reportSheetName: string | null = null;
  /** Sheets the add-in just wrote values to (rows inserted, a new sheet): their change events are ours. */
  const ownWriteUntil = new Map<string, number>();
  const OWN_WRITE_GRACE_MS = 2000;
  async function ownValueWrite<T>(sheet: string, write: () => Promise<T>): Promise<T> {
    ownWriteUntil.set(sheet, Number.POSITIVE_INFINITY);
    try {
      return await write();
    } finally {
      // Excel delivers the change events shortly after the sync that caused them.
      ownWriteUntil.set(sheet, Date.now() + OWN_WRITE_GRACE_MS);
    }
  }

  /** Sync 1 of a read: sheet list and settings. */
  function queueHeader(context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id,items/visibility");
    const marks = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
    marks.load("value");
    const expl = context.workbook.settings.getItemOrNullObject(EXPLANATIONS_KEY);
    expl.load("value");
    const config = context.workbook.settings.getItemOrNullObject(CONFIG_KEY);
    config.load("value");
    return { sheets, marks, expl, config };
  }

  /**
   * Our marks are found by their marker formula on every sheet, not only at the recorded cells:
   * a mark moves with its cell when rows are inserted above it (by the user or by 插入指标行).
   */
  function queueMarkDiscovery(context: Excel.RequestContext, sheetNames: Iterable<string>) {
    return [...sheetNames].map((sheet) => {
      const cfs = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
      cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
      return { sheet, cfs };
    });
  }

  function collectOwn(found: { sheet: string; cfs: Excel.ConditionalFormatCollection }[]): OwnMark[] {
    const own: OwnMark[] = [];
    const seen = new Set<string>();
    for (const { sheet, cfs } of found) {
      for (const cf of cfs.items) {
        if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
        if (cf.customOrNullObject.rule.formula !== MARK_FORMULA || seen.has(cf.id)) continue;
        seen.add(cf.id);
        own.push({ sheet, id: cf.id });
      }
    }
    return own;
  }

  /** Finds our marks without reading cells (for clearing or painting without a fresh read). */
  async function discoverOwnMarks(): Promise<OwnMark[]> {
    return run(async (context) => {
      const head = queueHeader(context);
      await context.sync();
      const found = queueMarkDiscovery(
        context,
        head.sheets.items.map((s) => s.name),
      );
      await context.sync();
      explanations = parseExplanations(head.expl.isNullObject ? null : head.expl.value);
      storedConfig = head.config.isNullObject ? null : (head.config.value as unknown);
      return collectOwn(found);
    });
  }

  /** Loads one block of cells; null when even this block is over the response limit. */
  async function loadBlock(context: Excel.RequestContext, sheet: string, address: string) {
    const block = context.workbook.worksheets.getItem(sheet).getRange(address);
    block.load("values,text,numberFormat,formulas");
    try {
      await context.sync();
    } catch (e) {
      if (isPayloadTooLarge(e)) return null;
      throw e;
    }
    return {
      values: block.values,
      text: block.text,
      numberFormat: block.numberFormat,
      formulas: block.formulas,
    };
  }

  async function loadMerges(context: Excel.RequestContext, sheet: string) {
    const areas = context.workbook.worksheets.getItem(sheet).getRange().getMergedAreasOrNullObject();
    areas.load("areas/items/address");
    await context.sync();
    return areas.isNullObject ? [] : areas.areas.items.map((r) => parseRangeA1(r.address)!).filter(Boolean);
  }

  /**
   * Only for a workbook too large for one response (Excel on the web caps one at 5 MB): the extents
   * first, then row slices, halving a slice that is still too large.
   */
  async function readSliced(names: string[]): Promise<SheetSnapshot[]> {
    return run(async (context) => {
      const used = names.map((n) => {
        const u = context.workbook.worksheets.getItem(n).getUsedRangeOrNullObject();
        u.load("rowIndex,columnIndex,rowCount,columnCount");
        return u;
      });
      await context.sync();
      const out: SheetSnapshot[] = [];
      for (let i = 0; i < names.length; i++) {
        const u = used[i];
        const sheet: SheetSnapshot = { name: names[i], top: 0, left: 0, values: [], merges: [] };
        out.push(sheet);
        if (u.isNullObject) continue;
        sheet.top = u.rowIndex;
        sheet.left = u.columnIndex;
        sheet.text = [];
        sheet.numberFormat = [];
        sheet.formulas = [];
        let rowsPerSlice = Math.max(1, Math.floor(SLICE_CELLS / Math.max(1, u.columnCount)));
        for (let r = 0; r < u.rowCount;) {
          const n = Math.min(rowsPerSlice, u.rowCount - r);
          const first = toA1(u.rowIndex + r, u.columnIndex);
          const last = toA1(u.rowIndex + r + n - 1, u.columnIndex + u.columnCount - 1);
          const block = await loadBlock(context, names[i], `${first}:${last}`);
          if (!block) {
            if (n === 1) throw new Error(`${names[i]}!${first}: one row is over the size limit of a request`);
            rowsPerSlice = Math.max(1, Math.floor(n / 2));
            continue;
          }
          const part = toSheetSnapshot(
            names[i],
            0,
            0,
            block.values,
            block.text,
            block.numberFormat,
            block.formulas,
          );
          sheet.values.push(...part.values);
          sheet.text.push(...block.text);
          sheet.numberFormat.push(...block.numberFormat);
          sheet.formulas.push(...part.formulas!);
          r += n;
        }
        if (mergedAreas) sheet.merges = await loadMerges(context, names[i]);
      }
      return out;
    });
  }

  const host: WorkbookHost = {
    info() {
      return { kind: deps.kind ?? "excel", lang, capabilities: { mergedAreas, changeEvents: true } };
    },

    async read(): Promise<WorkbookSnapshot> {
      try {
        return await run(async (context) => {
          const head = queueHeader(context);
          context.workbook.load("name");
          await context.sync();

          const visible = head.sheets.items;
          sheetNames.clear();
          for (const s of visible) sheetNames.set(s.id, s.name);
          const names = new Set(visible.map((s) => s.name));
          const perSheet = visible.map((ws) => {
            const used = ws.getUsedRangeOrNullObject();
            used.load("rowIndex,columnIndex,values,text,numberFormat,formulas");
            let merges: Excel.RangeAreas | null = null;
            if (mergedAreas) {
              merges = ws.getRange().getMergedAreasOrNullObject();
              merges.load("areas/items/address");
            }
            return { name: ws.name, used, merges };
          });
          const found = queueMarkDiscovery(context, names);
          await context.sync();

          explanations = parseExplanations(head.expl.isNullObject ? null : head.expl.value);
          storedConfig = head.config.isNullObject ? null : (head.config.value as unknown);
          storedConfig = head.config.isNullObject ? null : (head.config.value as unknown);
          ownMarks = collectOwn(found);
          const sheets = perSheet.map(({ name, used, merges }) => {
            if (used.isNullObject) return { name, top: 0, left: 0, values: [], merges: [] } as SheetSnapshot;
            const s = toSheetSnapshot(
              name,
              used.rowIndex,
              used.columnIndex,
              used.values,
              used.text,
              used.numberFormat,
              used.formulas,
            );
            if (merges && !merges.isNullObject) {
              s.merges = merges.areas.items.map((r) => parseRangeA1(r.address)!).filter(Boolean);
            }
            return s;
          });
          return { name: context.workbook.name, sheets };
        });
      } catch (e) {
        if (!isPayloadTooLarge(e)) throw e;
        const own = await discoverOwnMarks();
        ownMarks = own;
        const names = await run(async (context) => {
          const s = context.workbook.worksheets;
          s.load("items/name");
          await context.sync();
          return s.items.map((x) => x.name);
        });
        return { sheets: await readSliced(names) };
      }
    },

    async applyMarks(marks: CellMark[]): Promise<void> {
      const previous = ownMarks ?? (await discoverOwnMarks());
      await run(async (context) => {
        const sheets = context.workbook.worksheets;
        for (const m of previous)
          sheets.getItem(m.sheet).getRange().conditionalFormats.getItem(m.id).delete();
        for (const m of marks) {
          const cf = sheets.getItem(m.sheet).getRange(m.cell).conditionalFormats.add("Custom");
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = MARK_STYLE[m.severity].fill;
          cf.custom.format.font.color = MARK_STYLE[m.severity].font;
        }
        const record: MarkRecord[] = marks.map((m) => ({ sheet: m.sheet, address: m.cell }));
        context.workbook.settings.add(MARKS_KEY, { version: 1, ranges: record });
        await context.sync();
      });
      // The new marks' ids are known only to Excel now; the next read finds them.
      ownMarks = null;
    },

    async clearMarks(): Promise<number> {
      const previous = ownMarks ?? (await discoverOwnMarks());
      await run(async (context) => {
        const sheets = context.workbook.worksheets;
        for (const m of previous)
          sheets.getItem(m.sheet).getRange().conditionalFormats.getItem(m.id).delete();
        context.workbook.settings.add(MARKS_KEY, { version: 1, ranges: [] });
        await context.sync();
      });
      ownMarks = [];
      return previous.length;
    },

    async select(target: CellAddress, related: CellAddress[]): Promise<void> {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(target.sheet);
        ws.activate();
        const sameSheet = related.filter((r) => r.sheet === target.sheet && r.cell !== target.cell);
        if (sameSheet.length > 0) {
          // The finding's cell first, so it is the active cell; the items of a sum around it.
          ws.getRanges([target.cell, ...sameSheet.map((r) => r.cell)].join(",")).select();
        } else {
          ws.getRange(target.cell).select();
        }
        await context.sync();
      });
    },

    async loadExplanations(): Promise<Explanation[]> {
      if (explanations) return explanations;
      return run(async (context) => {
        const s = context.workbook.settings.getItemOrNullObject(EXPLANATIONS_KEY);
        s.load("value");
        await context.sync();
        explanations = parseExplanations(s.isNullObject ? null : s.value);
        return explanations;
      });
    },

    async loadConfig(): Promise<unknown> {
      if (storedConfig !== undefined) return storedConfig;
      return run(async (context) => {
        const s = context.workbook.settings.getItemOrNullObject(CONFIG_KEY);
        s.load("value");
        await context.sync();
        storedConfig = s.isNullObject ? null : (s.value as unknown);
        return storedConfig;
      });
    },

    async saveExplanations(list: Explanation[]): Promise<void> {
      await run(async (context) => {
        context.workbook.settings.add(EXPLANATIONS_KEY, list);
        await context.sync();
      });
      explanations = [...list];
    },

    async writeReport(plan: ReportSheetPlan): Promise<void> {
      reportSheetName = plan.sheetName;
      await ownValueWrite(plan.sheetName, () =>
        run(async (context) => {
          const old = context.workbook.worksheets.getItemOrNullObject(plan.sheetName);
          old.load("name");
          await context.sync();
          if (!old.isNullObject) old.delete();
          const ws = context.workbook.worksheets.add(plan.sheetName);
          const width = plan.header.length;
          const pad = (cells: string[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill("")];
          const grid = [
            ...plan.heading.map((h) => pad([h])),
            pad([]),
            plan.header,
            ...plan.rows.map((r) => pad(r.cells)),
          ];
          const all = ws.getRange(`A1:${toA1(grid.length - 1, width - 1)}`);
          all.numberFormat = grid.map((row) => row.map(() => "@"));
          all.values = grid;
          all.format.wrapText = true;
          all.format.verticalAlignment = "Top";
          ws.getRange("A1").format.font.bold = true;
          const headerRow = plan.heading.length + 1;
          ws.getRange(`A${headerRow + 1}:${toA1(headerRow, width - 1)}`).format.font.bold = true;
          plan.rows.forEach((r, i) => {
            const severityCell = ws.getRange(toA1(headerRow + 1 + i, 2));
            severityCell.format.fill.color = REPORT_FILL[r.severity];
          });
          plan.widths.forEach((w, c) => {
            ws.getRange(`${toA1(0, c)}:${toA1(grid.length - 1, c)}`).format.columnWidth = w * 6;
          });
          ws.activate();
          await context.sync();
        }),
      );
    },

    async getSelection(): Promise<CellAddress | null> {
      return run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address");
        await context.sync();
        const bang = range.address.lastIndexOf("!");
        const sheet = range.address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
        const first = range.address.slice(bang + 1).split(/[:,]/)[0];
        return sheet && parseA1(first) ? { sheet, cell: first.replace(/\$/g, "") } : null;
      });
    },

    async applyRowInsert(plan: RowInsertPlan): Promise<void> {
      await ownValueWrite(plan.sheet, () =>
        run(async (context) => {
          const ws = context.workbook.worksheets.getItem(plan.sheet);
          for (const step of plan.steps) {
            // Excel refuses to paste formats into part of a merged area: unmerge the label areas the
            // new rows belong to first, copy the formats, then merge them again over the new rows.
            if (step.count > 0)
              ws.getRange(`${step.beforeRow + 1}:${step.beforeRow + step.count}`).insert("Down");
            for (const m of step.merges) ws.getRange(rangeToA1(m)).unmerge();
            if (step.count > 0) {
              // The source row moved down too when it was at or below the insertion point.
              const source =
                step.formatFromRow >= step.beforeRow ? step.formatFromRow + step.count : step.formatFromRow;
              for (let i = 0; i < step.count; i++) {
                const row = step.beforeRow + i + 1;
                ws.getRange(`${row}:${row}`).copyFrom(`${source + 1}:${source + 1}`, "Formats");
              }
            }
            for (const c of step.cells) {
              const cell = ws.getRange(toA1(c.row, c.col));
              // Text stays text: Excel would turn a typed `100%` into the number 1.
              if (typeof c.value === "string") cell.numberFormat = [["@"]];
              cell.values = [[c.value]];
            }
            for (const m of step.merges) ws.getRange(rangeToA1(m)).merge(false);
          }
          ws.activate();
          ws.getRange(toA1(plan.select.row, plan.select.col)).select();
          await context.sync();
        }),
      );
    },

    async addSheet(plan: NewSheetPlan): Promise<void> {
      await ownValueWrite(plan.sheetName, () =>
        run(async (context) => {
          const ws = context.workbook.worksheets.add(plan.sheetName);
          for (const { origin, layout } of plan.layouts) queueLayout(ws, layout, origin);
          ws.activate();
          const first = plan.layouts[0];
          if (first) ws.getRange(toA1(first.origin.row, first.origin.col)).select();
          await context.sync();
        }),
      );
    },

    async onUserEdit(listener: (sheet: string) => void): Promise<() => Promise<void>> {
      const handler = await run(async (context) => {
        const h = context.workbook.worksheets.onChanged.add(async (event) => {
          // Our own writes are not the user's edits. Marks and settings fire no change event; the
          // report sheet, inserted rows and new template sheets do: ExcelApi 1.14 says so in
          // triggerSource; before that we know which sheets we just wrote and ignore their events.
          if (event.triggerSource === "ThisLocalAddin") return;
          if (event.source !== "Local") return;
          const name = sheetNames.get(event.worksheetId);
          if (!name || name === reportSheetName) return;
          if ((ownWriteUntil.get(name) ?? 0) > Date.now()) return;
          listener(name);
        });
        await context.sync();
        return h;
      });
      return async () => {
        handler.remove();
        await handler.context.sync();
      };
    },
  };
  return host;
}
