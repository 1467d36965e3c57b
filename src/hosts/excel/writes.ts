/**
 * The adapter's writes other than marks: selecting a finding's cells, explanations, the report
 * sheet, inserted template rows and new template sheets. Protected sheets and a protected workbook
 * are checked before anything is queued, so a batch is never half applied.
 */
import { parseA1, rangeToA1, toA1 } from "../../engine/address";
import type { CellRange } from "../../engine/snapshot";
import { SEVERITY_COLOURS, type CellAddress } from "../../core";
import { TEMPLATE_STYLES } from "../../template/styles";
import type { FormLayout, NewSheetPlan, RowInsertPlan, ValidationSpec } from "../../template/types";
import type { Explanation, ReportSheetPlan } from "../host";
import { type Core, EXPLANATION_PREFIX, EXPLANATIONS_KEY, REPORT_SHEET_KEY } from "./common";
import { explanationsFromSettings } from "./read";

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

/** Excel's colour of a followed-not-yet hyperlink (the Hyperlink cell style). */
const LINK_COLOUR = "#0563C1";

export function createWrites(core: Core) {
  const { error } = core;

  async function requireSheetWritable(context: Excel.RequestContext, sheet: string) {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load("name,protection/protected");
    await context.sync();
    if (ws.isNullObject) throw error("ItemNotFound", "app.sheetNotFound", { sheet });
    if (ws.protection.protected) throw error("SheetProtected", "app.sheetProtected", { sheet: ws.name });
    return ws;
  }

  async function requireWorkbookStructure(context: Excel.RequestContext) {
    const p = context.workbook.protection;
    p.load("protected");
    await context.sync();
    if (p.protected) throw error("WorkbookProtected", "app.workbookProtected");
  }

  return {
    async select(target: CellAddress, related: CellAddress[]): Promise<void> {
      await core.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(target.sheet);
        ws.load("name,visibility");
        await context.sync();
        if (ws.isNullObject) throw error("ItemNotFound", "app.sheetNotFound", { sheet: target.sheet });
        // activate() on a hidden sheet fails (or shows nothing): say so instead.
        if (ws.visibility !== "Visible") throw error("SheetHidden", "app.sheetHidden", { sheet: ws.name });
        ws.activate();
        const sameSheet = related.filter((r) => r.sheet === target.sheet && r.cell !== target.cell);
        if (sameSheet.length > 0 && core.api("1.18")) {
          // RangeAreas.select() is ExcelApi 1.18 (not in Office LTSC 2021/2024). The finding's
          // cell first, so it is the active cell; the items of a sum around it.
          ws.getRanges([target.cell, ...sameSheet.map((r) => r.cell)].join(",")).select();
        } else {
          ws.getRange(target.cell).select();
        }
        await context.sync();
      });
    },

    async saveExplanation(key: string, explanation: Explanation | null): Promise<void> {
      await core.run(async (context) => {
        // One setting per explanation: a co-author's explanation saved meanwhile is another setting.
        const settings = context.workbook.settings;
        const legacy = settings.getItemOrNullObject(EXPLANATIONS_KEY);
        legacy.load("value");
        await context.sync();
        if (explanation) settings.add(EXPLANATION_PREFIX + key, explanation);
        else {
          const hadLegacy =
            !legacy.isNullObject &&
            explanationsFromSettings([{ key: EXPLANATIONS_KEY, value: legacy.value }]).some(
              (e) => e.key === key,
            );
          // A removal must hide an explanation of the version-1 list too: null marks it removed.
          if (hadLegacy) settings.add(EXPLANATION_PREFIX + key, null);
          else settings.getItemOrNullObject(EXPLANATION_PREFIX + key).delete();
        }
        await context.sync();
      });
    },

    /**
     * Replaces the report sheet this add-in made (its id is kept in the settings), never a user's
     * sheet of the same name: then the report goes to a new name (检查记录 (2), …).
     */
    async writeReport(plan: ReportSheetPlan): Promise<string> {
      return core.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/id");
        const stored = context.workbook.settings.getItemOrNullObject(REPORT_SHEET_KEY);
        stored.load("value");
        const protection = context.workbook.protection;
        protection.load("protected");
        await context.sync();
        if (protection.protected) throw error("WorkbookProtected", "app.workbookProtected");
        const ownId = stored.isNullObject ? null : stored.value;
        const ours = sheets.items.find((s) => s.id === ownId) ?? null;
        const taken = new Set(sheets.items.filter((s) => s !== ours).map((s) => s.name.toLowerCase()));
        let name = plan.sheetName;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${plan.sheetName} (${n})`;
        return core.own.around([name], async () => {
          if (ours) {
            const p = ours.protection;
            p.load("protected");
            await context.sync();
            if (p.protected) throw error("SheetProtected", "app.sheetProtected", { sheet: ours.name });
            // Another sheet must be active before ours can go.
            ours.delete();
          }
          const ws = sheets.add(name);
          ws.load("id");
          const width = plan.header.length;
          const pad = (cells: string[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill("")];
          const grid = [
            ...plan.heading.map((h) => pad([h])),
            pad([]),
            plan.header,
            ...plan.rows.map((r) => pad(r.cells)),
          ];
          // No findings: one line saying so, where the first finding would be.
          if (plan.rows.length === 0)
            grid.push(pad([...Array<string>(plan.columns.none).fill(""), plan.none]));
          const all = ws.getRange(`A1:${toA1(grid.length - 1, width - 1)}`);
          all.numberFormat = grid.map((row) => row.map(() => "@"));
          all.values = grid;
          all.format.wrapText = true;
          all.format.verticalAlignment = "Top";
          ws.getRange("A1").format.font.bold = true;
          const headerRow = plan.heading.length + 1;
          ws.getRange(`A${headerRow + 1}:${toA1(headerRow, width - 1)}`).format.font.bold = true;
          plan.rows.forEach((r, i) => {
            ws.getRange(toA1(headerRow + 1 + i, plan.columns.severity)).format.fill.color =
              SEVERITY_COLOURS[r.severity].fill;
            // The cell as a link to it (Range.hyperlink, ExcelApi 1.7): a click away from the problem.
            if (r.link) {
              const cell = ws.getRange(toA1(headerRow + 1 + i, plan.columns.cell));
              cell.hyperlink = { documentReference: r.link, textToDisplay: r.cells[plan.columns.cell] };
              cell.format.font.color = LINK_COLOUR;
            }
          });
          plan.widths.forEach((w, c) => {
            ws.getRange(`${toA1(0, c)}:${toA1(grid.length - 1, c)}`).format.columnWidth = w * 6;
          });
          ws.activate();
          await context.sync();
          // Known by id at once: the events of these writes name the new sheet by id.
          core.sheetNames.set(ws.id, name);
          context.workbook.settings.add(REPORT_SHEET_KEY, ws.id);
          await context.sync();
          return name;
        });
      });
    },

    /** The active cell: a multi-area selection (after clicking a sum finding) is not "the selection". */
    async getSelection(): Promise<CellAddress | null> {
      return core.run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address");
        await context.sync();
        const bang = cell.address.lastIndexOf("!");
        const sheet = cell.address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
        const first = cell.address.slice(bang + 1).split(/[:,]/)[0];
        return sheet && parseA1(first) ? { sheet, cell: first.replace(/\$/g, "") } : null;
      });
    },

    async applyRowInsert(plan: RowInsertPlan): Promise<void> {
      await core.run(async (context) => {
        const ws = await requireSheetWritable(context, plan.sheet);
        core.changes.sheetNamed(plan.sheet);
        await core.own.around([plan.sheet], async () => {
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
                // A Range, not an address: a sheet-less address resolves against an unspecified sheet.
                ws.getRange(`${row}:${row}`).copyFrom(ws.getRange(`${source + 1}:${source + 1}`), "Formats");
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
        });
      });
    },

    async addSheet(plan: NewSheetPlan): Promise<void> {
      await core.run(async (context) => {
        await requireWorkbookStructure(context);
        await core.own.around([plan.sheetName], async () => {
          const ws = context.workbook.worksheets.add(plan.sheetName);
          ws.load("id");
          for (const { origin, layout } of plan.layouts) queueLayout(ws, layout, origin);
          ws.activate();
          const first = plan.layouts[0];
          if (first) ws.getRange(toA1(first.origin.row, first.origin.col)).select();
          await context.sync();
          // Known by id at once: the events of these writes name the new sheet by id.
          core.sheetNames.set(ws.id, plan.sheetName);
        });
      });
    },
  };
}
