/**
 * Reading the workbook: two `context.sync()` calls whatever the number of sheets or cells (sheet
 * list and settings; then every sheet's used range and merged areas). Only a workbook too large for
 * one response — Excel on the web caps one at 5 MB, every platform a read at 5,000,000 cells
 * (RangeExceedsLimit), and a host may hand back null arrays — is read in row slices.
 */
import { parseRangeA1, toA1 } from "../../engine/address";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";
import type { CallOptions, Explanation } from "../host";
import type { Changes } from "./changes";
import { CONFIG_KEY, type Core, EXPLANATIONS_KEY, EXPLANATION_PREFIX, isTooLarge } from "./common";

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

/** Thrown inside a read when Excel handed back no arrays: handled like a payload too large. */
class NullArrays extends Error {
  readonly code = "RangeExceedsLimit";
}

function isExplanation(e: unknown): e is Explanation {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as Explanation).key === "string" &&
    typeof (e as Explanation).text === "string"
  );
}

/** The explanations in the settings: one setting each, and the list of version 1 under them. */
export function explanationsFromSettings(items: readonly { key: string; value: unknown }[]): Explanation[] {
  const byKey = new Map<string, Explanation>();
  const legacy = items.find((s) => s.key === EXPLANATIONS_KEY);
  if (legacy && Array.isArray(legacy.value))
    for (const e of legacy.value) if (isExplanation(e)) byKey.set(e.key, e);
  for (const s of items) {
    if (!s.key.startsWith(EXPLANATION_PREFIX)) continue;
    const key = s.key.slice(EXPLANATION_PREFIX.length);
    if (s.value === null) byKey.delete(key);
    else if (isExplanation(s.value) && s.value.key === key) byKey.set(key, s.value);
  }
  return [...byKey.values()];
}

/** One loaded block of a used range → snapshot arrays (values of formula cells are cached results). */
function toSheetSnapshot(
  name: string,
  top: number,
  left: number,
  values: unknown[][] | null,
  text: string[][] | null,
  numberFormat: string[][] | null,
  formulas: unknown[][] | null,
): SheetSnapshot {
  if (
    !Array.isArray(values) ||
    !Array.isArray(text) ||
    !Array.isArray(numberFormat) ||
    !Array.isArray(formulas)
  )
    throw new NullArrays(name);
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

function mergesOf(areas: Excel.RangeAreas | null) {
  if (!areas || areas.isNullObject) return [];
  return areas.areas.items.map((r) => parseRangeA1(r.address)!).filter(Boolean);
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  explanations: Explanation[];
  /** The CONFIG_KEY setting as stored, or null. */
  config: unknown;
}

function configFromSettings(items: { key: string; value: unknown }[]): unknown {
  return items.find((s) => s.key === CONFIG_KEY)?.value ?? null;
}

/** Where a used range sits (values only): a sheet whose used range moved changed, event or not. */
function extentOf(used: {
  isNullObject: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}) {
  return used.isNullObject ? "" : `${used.rowIndex},${used.columnIndex},${used.rowCount},${used.columnCount}`;
}

/**
 * A formula whose value may change with no change event on its own sheet: a reference to another
 * sheet or workbook (`!`, `[`), a defined name (any identifier that is neither a function, a cell
 * or a column), or a volatile function. Such a sheet is re-read on every re-check.
 */
export function reachesOut(formula: string): boolean {
  const body = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    // Cells, columns and rows of this sheet: A1, $B$8, A:C, 2:5.
    .replace(/(?<![\w.])\$?[A-Za-z]{1,3}\$?\d+(?![\w.(])/g, "0")
    .replace(/(?<![\w.])\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w.(])/g, "0")
    .replace(/(?<![\w.])\$?\d+:\$?\d+(?![\w.])/g, "0");
  if (/[![]/.test(body)) return true;
  if (/\b(INDIRECT|OFFSET|NOW|TODAY|RAND|RANDBETWEEN|CELL|INFO)\s*\(/i.test(body)) return true;
  for (const m of body.matchAll(/[A-Za-z_\\\u00c0-\uffff][\w.\u00c0-\uffff]*/g)) {
    const next = body.slice((m.index ?? 0) + m[0].length).trimStart()[0];
    if (next !== "(" && !/^(TRUE|FALSE)$/i.test(m[0])) return true;
  }
  return false;
}

function reachesOutAny(formulas: readonly (readonly (string | null)[])[] | undefined): boolean {
  return (formulas ?? []).some((row) => row?.some((f) => typeof f === "string" && reachesOut(f)));
}

/** A sheet as of the last read: its snapshot, where its used range was, and whether it must always be re-read. */
interface Kept {
  snapshot: SheetSnapshot;
  extent: string;
  reachesOut: boolean;
}

export function createReader(core: Core) {
  const mergedAreas = core.api("1.13");

  function queueHeader(context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id,items/position,items/visibility");
    const settings = context.workbook.settings;
    settings.load("items/key,items/value");
    return { sheets, settings };
  }

  function rememberSheets(sheets: Excel.WorksheetCollection) {
    core.sheetNames.clear();
    for (const s of sheets.items) core.sheetNames.set(s.id, s.name);
  }

  async function loadExplanations(options?: CallOptions): Promise<Explanation[]> {
    return core.run(async (context) => {
      const settings = context.workbook.settings;
      settings.load("items/key,items/value");
      await context.sync();
      return explanationsFromSettings(settings.items);
    }, options);
  }

  /** Loads one block of cells; null when even this block is over a limit. */
  async function loadBlock(context: Excel.RequestContext, sheet: string, address: string) {
    const block = context.workbook.worksheets.getItem(sheet).getRange(address);
    block.load("values,text,numberFormat,formulas");
    try {
      await context.sync();
      return toSheetSnapshot(sheet, 0, 0, block.values, block.text, block.numberFormat, block.formulas);
    } catch (e) {
      if (isTooLarge(e)) return null;
      throw e;
    }
  }

  async function readSliced(options?: CallOptions): Promise<ReadResult> {
    return core.run(async (context) => {
      const head = queueHeader(context);
      context.workbook.load("name");
      await context.sync();
      rememberSheets(head.sheets);
      const names = head.sheets.items.map((s) => s.name);
      const used = names.map((n) => {
        const u = context.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
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
          const part = await loadBlock(context, names[i], `${first}:${last}`);
          if (!part) {
            if (n === 1)
              throw core.error("RangeExceedsLimit", "app.oneRowTooLarge", {
                sheet: names[i],
                row: u.rowIndex + r + 1,
              });
            rowsPerSlice = Math.max(1, Math.floor(n / 2));
            continue;
          }
          sheet.values.push(...part.values);
          sheet.text.push(...part.text!);
          sheet.numberFormat.push(...part.numberFormat!);
          sheet.formulas.push(...part.formulas!);
          r += n;
        }
        if (mergedAreas) {
          const areas = context.workbook.worksheets.getItem(names[i]).getRange().getMergedAreasOrNullObject();
          areas.load("areas/items/address");
          await context.sync();
          sheet.merges = mergesOf(areas);
        }
      }
      keep(head.sheets.items.map((ws, i) => [ws.id, out[i], extentOf(used[i])]));
      return {
        snapshot: { name: context.workbook.name, sheets: out },
        explanations: explanationsFromSettings(head.settings.items),
        config: configFromSettings(head.settings.items),
      };
    }, options);
  }

  /** Each sheet as of the last read, by id. */
  const kept = new Map<string, Kept>();

  function keep(list: [string, SheetSnapshot, string][]) {
    kept.clear();
    for (const [id, snapshot, extent] of list)
      kept.set(id, { snapshot, extent, reachesOut: reachesOutAny(snapshot.formulas) });
  }

  function sheetOf(name: string, used: Excel.Range, merges: Excel.RangeAreas | null): SheetSnapshot {
    if (used.isNullObject) return { name, top: 0, left: 0, values: [], merges: [] };
    const s = toSheetSnapshot(
      name,
      used.rowIndex,
      used.columnIndex,
      used.values,
      used.text,
      used.numberFormat,
      used.formulas,
    );
    s.merges = mergesOf(merges);
    return s;
  }

  /** Queues the loads of one sheet's contents (values, text, formats, formulas, merges). */
  function queueSheet(ws: Excel.Worksheet) {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat,formulas");
    let merges: Excel.RangeAreas | null = null;
    if (mergedAreas) {
      merges = ws.getRange().getMergedAreasOrNullObject();
      merges.load("areas/items/address");
    }
    return { ws, used, merges };
  }

  /**
   * The re-check after an edit: one sync reads the sheet list (name, id, position, visibility), the
   * settings, where every kept sheet's used range is, and the contents of the sheets named changed
   * (by id, so a sheet renamed after its edit is found) and of those whose formulas reach out; a
   * second sync, only when needed, reads sheets that are new or whose used range moved. Every other
   * sheet is the kept snapshot (renamed if its name changed); deleted sheets drop out, moved ones
   * take their new place.
   */
  async function readChanged(changes: Changes, options?: CallOptions): Promise<ReadResult> {
    return core.run(async (context) => {
      const head = queueHeader(context);
      context.workbook.load("name");
      const worksheets = context.workbook.worksheets;
      const probes = new Map<string, Excel.Range>();
      for (const id of kept.keys()) {
        const u = worksheets.getItemOrNullObject(id).getUsedRangeOrNullObject(true);
        u.load("rowIndex,columnIndex,rowCount,columnCount");
        probes.set(id, u);
      }
      const wanted = [
        ...changes.ids,
        ...changes.names,
        ...[...kept].filter(([, k]) => k.reachesOut).map(([id]) => id),
      ];
      const loads = [...new Set(wanted)].map((key) => {
        const ws = worksheets.getItemOrNullObject(key);
        ws.load("id");
        return queueSheet(ws);
      });
      await context.sync();
      rememberSheets(head.sheets);
      const fresh = new Map<string, (typeof loads)[number]>();
      for (const l of loads) if (!l.ws.isNullObject) fresh.set(l.ws.id, l);
      const items = head.sheets.items;
      const sheets: (SheetSnapshot | null)[] = items.map((ws) => {
        const l = fresh.get(ws.id);
        if (l) return sheetOf(ws.name, l.used, l.merges);
        const k = kept.get(ws.id);
        const probe = probes.get(ws.id);
        if (!k || !probe || probe.isNullObject !== (k.extent === "") || extentOf(probe) !== k.extent)
          return null;
        return k.snapshot.name === ws.name ? k.snapshot : { ...k.snapshot, name: ws.name };
      });
      const missing = items.flatMap((ws, i) =>
        sheets[i] ? [] : [{ i, ...queueSheet(worksheets.getItem(ws.id)) }],
      );
      if (missing.length > 0) {
        await context.sync();
        for (const m of missing) sheets[m.i] = sheetOf(items[m.i].name, m.used, m.merges);
      }
      const done = sheets as SheetSnapshot[];
      keep(
        items.map((ws, i) => {
          const l = fresh.get(ws.id) ?? missing.find((m) => m.i === i);
          return [ws.id, done[i], l ? extentOf(l.used) : kept.get(ws.id)!.extent];
        }),
      );
      return {
        snapshot: { name: context.workbook.name, sheets: done },
        explanations: explanationsFromSettings(head.settings.items),
        config: configFromSettings(head.settings.items),
      };
    }, options);
  }

  /**
   * Reads the workbook: every sheet, or (options.changedOnly, while change events are watched) only
   * the sheets changed since the last read.
   */
  async function read(options?: CallOptions): Promise<ReadResult> {
    const changes = core.changes.take();
    try {
      if (options?.changedOnly && !changes.all && kept.size > 0) {
        try {
          return await readChanged(changes, options);
        } catch (e) {
          if (!isTooLarge(e) && !(e instanceof NullArrays)) throw e;
        }
      }
      return await readAll(options);
    } catch (e) {
      core.changes.restore(changes);
      throw e;
    }
  }

  async function readAll(options?: CallOptions): Promise<ReadResult> {
    try {
      return await core.run(async (context) => {
        const head = queueHeader(context);
        context.workbook.load("name");
        await context.sync();
        rememberSheets(head.sheets);
        const perSheet = head.sheets.items.map((ws) => {
          // Values only: a used range stretched by formatting alone (a styled empty column) would
          // load millions of blank cells.
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat,formulas");
          let merges: Excel.RangeAreas | null = null;
          if (mergedAreas) {
            merges = ws.getRange().getMergedAreasOrNullObject();
            merges.load("areas/items/address");
          }
          return { name: ws.name, used, merges };
        });
        await context.sync();
        const sheets = perSheet.map(({ name, used, merges }) => sheetOf(name, used, merges));
        keep(head.sheets.items.map((ws, i) => [ws.id, sheets[i], extentOf(perSheet[i].used)]));
        return {
          snapshot: { name: context.workbook.name, sheets },
          explanations: explanationsFromSettings(head.settings.items),
          config: configFromSettings(head.settings.items),
        };
      }, options);
    } catch (e) {
      if (!isTooLarge(e) && !(e instanceof NullArrays)) throw e;
      return readSliced(options);
    }
  }

  return { read, loadExplanations };
}
