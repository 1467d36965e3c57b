/**
 * Marks: conditional formats laid over the cells, never the user's own formatting. One rule per
 * severity per sheet over a RangeAreas (ExcelApi 1.9), told from the user's rules by its marker
 * formula, which also says the severity. 清除标记 finds exactly those, also after the file was
 * saved and reopened and after rows were inserted above them.
 *
 * Conditional-format ids are uncertain: the reference says an id is the rule's priority in its
 * collection, outside measurements say positions ("0", "1", …) that shift when a rule is added or
 * deleted. So ids are never kept across runs: our rules are found again inside the same Excel.run
 * that deletes them, by sheet, deleted in descending position, and a new rule is given priority 0
 * (whether it landed first or last). Only what changed is written (a rule whose cells are already
 * right stays): before ExcelApi 1.20 any add-in write clears the user's undo stack.
 *
 * One `Excel.run`, four syncs whatever the number of sheets or marks: sheets and their protection;
 * our rules on every sheet; the cells of those rules; the writes. A sheet whose rules cannot be read
 * (office-js #5222, #6827, #6835) is then discovered alone, and left as it is.
 */
import { parseRangeA1, rangeToA1, toA1 } from "../../engine/address";
import type { CellRange } from "../../engine/snapshot";
import { SEVERITY_COLOURS } from "../../core";
import type { CallOptions, CellMark, MarksOutcome } from "../host";
import { type Core, MARKS_KEY } from "./common";

/** The marker of version 1 (one rule per cell, no severity): still ours, always replaced. */
export const LEGACY_MARK_FORMULA = '=N("perf-target-check")=0';
/** Always TRUE, and no user writes it. */
export function markFormula(severity: CellMark["severity"]): string {
  return `=N("perf-target-check:${severity}")=0`;
}
const SEVERITIES: CellMark["severity"][] = ["error", "warning"];
/** The marks' colours: the shared severity colours (src/core/severity.ts). */
const MARK_STYLE = SEVERITY_COLOURS;

/**
 * Bounds of a write of marks (writes have no sliced fallback on the web's 5 MB): the address of one
 * rule stays under MAX_ADDRESS_CHARS (more rules are added beyond it), and at most MAX_MARKS cells
 * are marked in one check. Measured in test/hosts/excel-host-marks.test.ts.
 */
export const MAX_ADDRESS_CHARS = 8000;
export const MAX_MARKS = 20000;

interface OwnRule {
  sheet: string;
  /** Position in the sheet's collection when discovered (deletes go in descending position). */
  position: number;
  id: string;
  severity: CellMark["severity"] | "legacy";
  cells?: Set<string>;
}

/** Rectangles covering the cells, row runs first, then equal runs stacked down. */
export function compact(cells: readonly string[]): CellRange[] {
  const points = cells
    .map((c) => parseRangeA1(c))
    .filter((r): r is CellRange => r !== null)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const runs: CellRange[] = [];
  for (const p of points) {
    const last = runs[runs.length - 1];
    if (last && last.top === p.top && last.right + 1 === p.left) last.right = p.right;
    else if (!(last && last.top === p.top && p.left <= last.right)) runs.push({ ...p });
  }
  const out: CellRange[] = [];
  const open = new Map<string, CellRange>();
  for (const r of runs) {
    const key = `${r.left}:${r.right}`;
    const prev = open.get(key);
    if (prev && prev.bottom + 1 === r.top) prev.bottom = r.bottom;
    else {
      const n = { ...r };
      out.push(n);
      open.set(key, n);
    }
  }
  return out;
}

/** Addresses of at most MAX_ADDRESS_CHARS each, for one rule each. */
export function chunkAddresses(areas: readonly CellRange[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of areas) {
    const s = rangeToA1(a);
    if (cur && cur.length + 1 + s.length > MAX_ADDRESS_CHARS) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${s}` : s;
  }
  if (cur) out.push(cur);
  return out;
}

function cellsOf(address: string): Set<string> {
  const out = new Set<string>();
  for (const part of address.split(",")) {
    const body = part.slice(part.lastIndexOf("!") + 1).replace(/\$/g, "");
    const r = parseRangeA1(body);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.add(toA1(row, col));
  }
  return out;
}

function sameCells(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Whether a conditional format's formula is one of this add-in's markers. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && severityOf(formula) !== null;
}

function severityOf(formula: string): OwnRule["severity"] | null {
  if (formula === LEGACY_MARK_FORMULA) return "legacy";
  for (const s of SEVERITIES) if (formula === markFormula(s)) return s;
  return null;
}

export function createMarks(core: Core) {
  function queueDiscovery(context: Excel.RequestContext, sheet: string) {
    const cfs = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
    return cfs;
  }

  function collect(sheet: string, cfs: Excel.ConditionalFormatCollection): OwnRule[] {
    const own: OwnRule[] = [];
    cfs.items.forEach((cf, position) => {
      if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) return;
      const severity = severityOf(cf.customOrNullObject.rule.formula);
      if (severity) own.push({ sheet, position, id: cf.id, severity });
    });
    return own;
  }

  /**
   * Our rules on each sheet, found in this run. One sync for all sheets; when one sheet's rules
   * cannot be read, each sheet alone, and the unreadable ones are reported.
   */
  async function discover(context: Excel.RequestContext, sheets: string[]) {
    const unreadable: string[] = [];
    const own = new Map<string, OwnRule[]>();
    const all = sheets.map((s) => ({ sheet: s, cfs: queueDiscovery(context, s) }));
    try {
      await context.sync();
      for (const { sheet, cfs } of all) own.set(sheet, collect(sheet, cfs));
    } catch {
      for (const sheet of sheets) {
        const cfs = queueDiscovery(context, sheet);
        try {
          await context.sync();
          own.set(sheet, collect(sheet, cfs));
        } catch {
          unreadable.push(sheet);
        }
      }
    }
    return { own, unreadable };
  }

  /** Sheets with their protection, in one sync. */
  async function sheetList(context: Excel.RequestContext) {
    const ws = context.workbook.worksheets;
    ws.load("items/name,items/id,items/protection/protected");
    await context.sync();
    return ws.items.map((s) => ({ name: s.name, protected: s.protection.protected }));
  }

  async function apply(marks: CellMark[], options?: CallOptions): Promise<MarksOutcome> {
    const truncated = Math.max(0, marks.length - MAX_MARKS);
    const kept = [...marks]
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
      .slice(0, MAX_MARKS);
    let written: string[] = [];
    const outcome = await core.run(async (context) => {
      const sheets = await sheetList(context);
      const writable = sheets.filter((s) => !s.protected).map((s) => s.name);
      const skipped: MarksOutcome["skipped"] = sheets
        .filter((s) => s.protected)
        .map((s) => ({ sheet: s.name, reason: "protected" as const }));
      const { own, unreadable } = await discover(context, writable);
      for (const s of unreadable) skipped.push({ sheet: s, reason: "unreadable" });

      // The cells of our current rules (ConditionalFormat.getRanges, ExcelApi 1.9).
      const ranges: { rule: OwnRule; areas: Excel.RangeAreas }[] = [];
      for (const rules of own.values()) {
        for (const rule of rules) {
          if (rule.severity === "legacy") continue;
          const areas = context.workbook.worksheets
            .getItem(rule.sheet)
            .getRange()
            .conditionalFormats.getItem(rule.id)
            .getRanges();
          areas.load("address");
          ranges.push({ rule, areas });
        }
      }
      if (ranges.length > 0) {
        await context.sync();
        for (const { rule, areas } of ranges) rule.cells = cellsOf(areas.address);
      }

      const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
      const wanted = new Map<string, Map<CellMark["severity"], string[]>>();
      let marked = 0;
      for (const m of kept) {
        const sheet = byName.get(m.sheet.toLowerCase());
        if (!sheet || !own.has(sheet)) continue;
        marked++;
        let bySeverity = wanted.get(sheet);
        if (!bySeverity) wanted.set(sheet, (bySeverity = new Map()));
        const list = bySeverity.get(m.severity) ?? [];
        list.push(m.cell);
        bySeverity.set(m.severity, list);
      }

      const deletes: OwnRule[] = [];
      const adds: { sheet: string; severity: CellMark["severity"]; address: string }[] = [];
      for (const [sheet, rules] of own) {
        for (const r of rules) if (r.severity === "legacy") deletes.push(r);
        for (const severity of SEVERITIES) {
          const now = rules.filter((r) => r.severity === severity);
          const cells = wanted.get(sheet)?.get(severity) ?? [];
          const want = new Set(cells.map((c) => c.replace(/\$/g, "")));
          const have = new Set<string>();
          for (const r of now) for (const c of r.cells ?? []) have.add(c);
          if (sameCells(have, want) && now.length <= Math.max(1, chunkAddresses(compact([...want])).length))
            continue;
          deletes.push(...now);
          for (const address of chunkAddresses(compact([...want]))) adds.push({ sheet, severity, address });
        }
      }
      written = [...new Set([...deletes.map((d) => d.sheet), ...adds.map((a) => a.sheet)])];
      if (deletes.length === 0 && adds.length === 0) {
        return { marked, rulesWritten: 0, skipped, truncated };
      }
      await core.own.around(written, async () => {
        // Descending position per sheet: with positional ids a delete shifts the later ones.
        const ws = context.workbook.worksheets;
        for (const d of [...deletes].sort(
          (a, b) => a.sheet.localeCompare(b.sheet) || b.position - a.position,
        ))
          ws.getItem(d.sheet).getRange().conditionalFormats.getItem(d.id).delete();
        for (const a of adds) {
          const cf = ws.getItem(a.sheet).getRanges(a.address).conditionalFormats.add("Custom");
          cf.custom.rule.formula = markFormula(a.severity);
          cf.custom.format.fill.color = MARK_STYLE[a.severity].fill;
          cf.custom.format.font.color = MARK_STYLE[a.severity].font;
          // Above the user's rules, wherever Excel put the new one.
          cf.priority = 0;
        }
        context.workbook.settings.add(MARKS_KEY, {
          version: 2,
          ranges: [...wanted].flatMap(([sheet, m]) =>
            [...m].map(([severity, cells]) => ({ sheet, severity, cells: cells.length })),
          ),
        });
        await context.sync();
      });
      return { marked, rulesWritten: deletes.length + adds.length, skipped, truncated };
    }, options);
    return outcome;
  }

  /** Removes every mark of ours on the sheets that can be written; returns how many rules. */
  async function clear(): Promise<{ count: number; skipped: MarksOutcome["skipped"] }> {
    return core.run(async (context) => {
      const sheets = await sheetList(context);
      const writable = sheets.filter((s) => !s.protected).map((s) => s.name);
      const skipped: MarksOutcome["skipped"] = sheets
        .filter((s) => s.protected)
        .map((s) => ({ sheet: s.name, reason: "protected" as const }));
      const { own, unreadable } = await discover(context, writable);
      for (const s of unreadable) skipped.push({ sheet: s, reason: "unreadable" });
      const all = [...own.values()].flat();
      if (all.length === 0) return { count: 0, skipped };
      // How many cells they marked (what the user is told), one sync for all.
      const counted = all.map((rule) => {
        if (rule.severity === "legacy") return null;
        const areas = context.workbook.worksheets
          .getItem(rule.sheet)
          .getRange()
          .conditionalFormats.getItem(rule.id)
          .getRanges();
        areas.load("address");
        return areas;
      });
      await context.sync();
      const cells = counted.reduce((n, a) => n + (a ? cellsOf(a.address).size : 1), 0);
      await core.own.around(own.keys(), async () => {
        for (const d of all.sort((a, b) => a.sheet.localeCompare(b.sheet) || b.position - a.position))
          context.workbook.worksheets.getItem(d.sheet).getRange().conditionalFormats.getItem(d.id).delete();
        context.workbook.settings.add(MARKS_KEY, { version: 2, ranges: [] });
        await context.sync();
      });
      return { count: cells, skipped };
    });
  }

  return { apply, clear };
}
