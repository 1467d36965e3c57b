/**
 * An in-memory Excel that behaves like the Office.js Excel API for the subset the add-in uses, so
 * the Office.js adapter runs unchanged in jest and in the browser demo:
 *
 *   const excel = createMemoryExcel(await memoryWorkbookFromXlsx(bytes, "form.xlsx"));
 *   await excel.run(async (context) => { ... await context.sync(); ... });
 *
 * Emulated as office.js does it: proxies queue loads, writes and calls, which run in order at
 * `context.sync()`; reading what was not loaded and synced throws PropertyNotLoaded (a set value
 * reads back at once); creating a proxy queues its instantiation, so `getItem` of a missing sheet,
 * format or setting fails the sync with ItemNotFound and nothing after it runs (earlier commands
 * stay applied, loads of a failed sync are not delivered); `*OrNullObject` gives isNullObject;
 * members newer than `apiVersion` throw ApiNotFound when called; requests and responses over
 * `payloadLimitBytes` reject the sync; Excel.run's final sync flushes what is still queued.
 *
 * Members emulated (ExcelApi set in brackets when above 1.1; every object also has load, toJSON,
 * isNullObject and context):
 *   RequestContext: workbook, load(object, option), sync()
 *   Workbook: name [1.7], worksheets, settings [1.4], getSelectedRange()
 *   WorksheetCollection: items, getItem, getItemOrNullObject [1.4], getActiveWorksheet, getCount [1.4],
 *     add, onChanged [1.9] (add / remove handlers)
 *   Worksheet: name, id, position, visibility, activate, delete, getRange (A1, `A:C`, `2:5`, none =
 *     the sheet), getRanges [1.9], getCell, getRangeByIndexes [1.7], getUsedRangeOrNullObject [1.4]
 *   Range: address, addressLocal, rowIndex, columnIndex, rowCount, columnCount, cellCount, values,
 *     formulas, text, numberFormat, format, hyperlink [1.7], conditionalFormats [1.6], dataValidation [1.8],
 *     worksheet,
 *     select, merge(across) [1.2] (replaces the merges it overlaps), unmerge [1.2],
 *     getMergedAreasOrNullObject [1.13], insert("Down" | "Right"), copyFrom(source, "All" | "Formulas" |
 *     "Values" | "Formats", skipBlanks, transpose) [1.9]
 *   RangeFormat: fill.color, font (bold, color, name, size), wrapText, horizontalAlignment,
 *     verticalAlignment, columnWidth [1.2], rowHeight [1.2], borders.getItem(EdgeTop | EdgeBottom |
 *     EdgeLeft | EdgeRight | InsideVertical | InsideHorizontal): sideIndex, style, weight, color
 *   DataValidation [1.8]: rule (list, wholeNumber, decimal, textLength, custom), type, prompt,
 *     errorAlert, ignoreBlanks, clear()
 *   RangeAreas: address, addressLocal, areaCount, cellCount, areas (items, getCount), select
 *   ConditionalFormatCollection: items, getCount, getItem, add; ConditionalFormat: id, type, custom,
 *     customOrNullObject (rule.formula, format.fill.color, format.font.color), getRange, delete
 *   SettingCollection: items, add, getItem, getItemOrNullObject; Setting: key, value, delete
 *
 * Range.insert moves cells (values, formulas, formats, number formats), row heights or column
 * widths, merges, conditional formats, validations and the selection, and rewrites references to
 * the moved cells in every formula of the workbook (cells, conditional formats, validations); new
 * cells take the formats of the cells above / to the left. Pushing content off the sheet is
 * NonBlankCellOffSheet; moving part of a merged area, whole rows shifted right and whole columns
 * shifted down are InvalidArgument. See structure.ts and references.ts.
 *
 * Change events: userEdit / remoteEdit fire onChanged at once, late (after the next sync) or never
 * (behaviours.userEditEvents); registering a handler can be made to fail (eventRegistrationFails).
 * Every load of `values` is counted per sheet (reads()), to measure what a check reads.
 *
 * Not emulated: calculation (a formula written or pasted through the API has no value until a
 * user edit or reload), tracked objects / InvalidObjectPath (a Range proxy keeps its address when
 * cells move), Excel.run options, undo, events other than worksheets.onChanged, protection, tables,
 * names, charts, deleting cells, date / time validation rules, DataValidation.valid and
 * getInvalidCells, diagonal borders, copyFrom "Link" or from RangeAreas, and any member not listed
 * above (calling one fails with a TypeError; loading one is InvalidArgument; assigning one is
 * silently kept on the proxy only).
 */
import { MemoryOfficeError, runMustReturnPromise } from "./errors";
import { apiValue, parseInput, valueType } from "./input";
import { MemRequestContext } from "./objects";
import { type ChangeRecord, DEFAULT_BEHAVIOURS, Host, MemClientObject, type MemoryBehaviours } from "./proxy";
import {
  type MemoryWorkbook,
  findSheet,
  formatAddress,
  getCell,
  parseAddress,
  pruneCell,
  rowCount,
  columnCount,
  touchCell,
} from "./state";

export { formatSignature } from "./signature";
export { memoryWorkbookFromXlsx } from "./xlsx";
export { MemoryOfficeError } from "./errors";
export { displayText } from "./display";
export {
  createMemoryWorkbook,
  addSheet,
  getCell,
  formatAddress,
  parseAddress,
  qualifiedAddress,
  quoteSheetName,
} from "./state";
export type {
  CellRange,
  JsonValue,
  MemoryBasicValidation,
  MemoryBorder,
  MemoryCell,
  MemoryCellFormat,
  MemoryCellValue,
  MemoryConditionalFormat,
  MemoryConditionalFormatType,
  MemoryDataValidation,
  MemoryDataValidationErrorAlert,
  MemoryDataValidationPrompt,
  MemoryDataValidationRule,
  MemoryDataValidationType,
  MemoryHyperlink,
  MemorySheet,
  MemoryWorkbook,
  SheetVisibility,
} from "./state";

export type { MemoryBehaviours } from "./proxy";

/**
 * Platform profiles: what each Office that meets the manifest (ExcelApi 1.9) implements. The
 * assumptions about real Excel are listed in MemoryBehaviours (proxy.ts); the README's add-in section
 * says how to settle them with the Script Lab probes in test/excel-probes/.
 */
export const PROFILES = {
  /** Microsoft 365, current channel: ExcelApi 1.20, undo kept across add-in writes (Version 2509). */
  m365: {
    apiVersion: "1.20",
    payloadLimitBytes: Number.POSITIVE_INFINITY,
    behaviours: { undoPreserved: true },
  },
  /** Office LTSC 2024: ExcelApi 1.17. */
  ltsc2024: {
    apiVersion: "1.17",
    payloadLimitBytes: Number.POSITIVE_INFINITY,
    behaviours: { undoPreserved: false },
  },
  /** Office LTSC 2021: ExcelApi 1.14. */
  ltsc2021: {
    apiVersion: "1.14",
    payloadLimitBytes: Number.POSITIVE_INFINITY,
    behaviours: { undoPreserved: false },
  },
  /** Excel on the web: current API, 5 MB per request and per response. */
  web: { apiVersion: "1.20", payloadLimitBytes: 5 * 1024 * 1024, behaviours: { undoPreserved: true } },
  /** Excel on Mac: current API; activating a hidden sheet fails. */
  mac: {
    apiVersion: "1.20",
    payloadLimitBytes: Number.POSITIVE_INFINITY,
    behaviours: { undoPreserved: true, hiddenActivateFails: true },
  },
} as const satisfies Record<
  string,
  { apiVersion: string; payloadLimitBytes: number; behaviours: Partial<MemoryBehaviours> }
>;

export type MemoryProfile = keyof typeof PROFILES;

export interface MemoryExcelOptions {
  /** A platform profile (its API version, payload limit and behaviours); the options below override it. */
  profile?: MemoryProfile;
  /** Request and response size limit per sync; default 5 MB, like Excel on the web. */
  payloadLimitBytes?: number;
  /** The ExcelApi requirement set implemented, e.g. "1.13" (default) or "1.9". */
  apiVersion?: string;
  /** Uncertain behaviours, switched on or off (defaults: DEFAULT_BEHAVIOURS). */
  behaviours?: Partial<MemoryBehaviours>;
}

export type MemoryBatch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface MemoryExcel {
  /** Like Excel.run: creates a RequestContext and runs the batch (then syncs what is still queued). */
  run<T>(batch: MemoryBatch<T>): Promise<T>;
  /** Like Excel.run(options, batch); also (batch, options), the adapter's ExcelRun. */
  run<T>(options: { delayForCellEdit?: boolean }, batch: MemoryBatch<T>): Promise<T>;
  run<T>(batch: MemoryBatch<T>, options: { delayForCellEdit?: boolean } | undefined): Promise<T>;
  /** Like Excel.run(object, batch): reuses the context of an earlier object, result or context. */
  run<T>(
    previous: OfficeExtension.ClientRequestContext | OfficeExtension.ClientObject | { context: unknown },
    batch: MemoryBatch<T>,
  ): Promise<T>;
  /** Office.context.requirements.isSetSupported for "ExcelApi" (other sets: false). */
  isSetSupported(name: string, version: string): boolean;
  /** context.sync() calls (plus the final sync Excel.run makes when commands are still queued). */
  readonly syncCount: number;
  /** Syncs that wrote while undo is not preserved: each cleared the user's undo stack. */
  readonly undoClears: number;
  /** The largest request of one sync so far, in bytes. */
  readonly maxRequestBytes: number;
  /** The behaviours in force (tests may switch them between runs). */
  readonly behaviours: MemoryBehaviours;
  /** The user starts or stops typing in a cell (cell-edit mode). */
  setCellEditMode(on: boolean): void;
  resetSyncCount(): void;
  /** The state, for tests and the demo grid. */
  readonly workbook: MemoryWorkbook;
  /**
   * A user typing into a cell: stores the value as Excel would (numbers, dates, `=formula`, text)
   * and calls the worksheets.onChanged handlers (source "Local", changeType "RangeEdited"),
   * resolving when they have settled (rejecting with the first handler error).
   */
  userEdit(sheet: string, address: string, value: string | number | null): Promise<void>;
  /**
   * A co-author's edit arriving: stored like userEdit, its onChanged event has source "Remote"
   * (delivered as behaviours.userEditEvents says).
   */
  remoteEdit(sheet: string, address: string, value: string | number | null): Promise<void>;
  /**
   * What the add-in read: cells whose `values` were loaded, per sheet (by its current name; a
   * deleted sheet by id) and in all, since the start or the last resetReads().
   */
  reads(): { cells: number; sheets: Record<string, number> };
  resetReads(): void;
  /** Subscribes to any state change (the demo grid re-renders). Returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  /**
   * Resolves when the onChanged handlers fired by the add-in's own value writes (Excel raises
   * events for those too, shortly after the sync) have settled; rejects with their first error.
   */
  idle(): Promise<void>;
}

const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export function createMemoryExcel(workbook: MemoryWorkbook, options: MemoryExcelOptions = {}): MemoryExcel {
  const profile = options.profile ? PROFILES[options.profile] : undefined;
  const host = new Host(
    workbook,
    options.payloadLimitBytes ?? profile?.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT,
    options.apiVersion ?? profile?.apiVersion ?? "1.13",
  );
  host.behaviours = { ...DEFAULT_BEHAVIOURS, ...(profile?.behaviours ?? {}), ...(options.behaviours ?? {}) };
  host.makeEventArgs = (change) => eventArgs(host, change);

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as MemoryBatch<T> | undefined;
    if (typeof batch !== "function") {
      throw new MemoryOfficeError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format.",
      );
    }
    const runOptions =
      typeof a === "function" && typeof b === "object" && b !== null
        ? (b as { delayForCellEdit?: unknown })
        : typeof a === "object" &&
            a !== null &&
            !(a instanceof MemRequestContext) &&
            !(a instanceof MemClientObject) &&
            !("context" in a)
          ? (a as { delayForCellEdit?: unknown })
          : null;
    if (runOptions) host.requireApi("Excel.RunOptions", "1.11");
    const context =
      typeof a === "function" || runOptions ? new MemRequestContext(host) : previousContext(host, a);
    if (runOptions?.delayForCellEdit === true) context._delayForCellEdit = true;
    const pending = batch(context as unknown as Excel.RequestContext);
    if (!pending || typeof (pending as { then?: unknown }).then !== "function") throw runMustReturnPromise();
    const result = await pending;
    // Excel.run ends with context.sync(): a round trip only if something is still queued.
    if (context._hasPending) await context.sync();
    return result;
  }

  return {
    run: run as MemoryExcel["run"],
    isSetSupported: (name, version) => name === "ExcelApi" && host.supports(version),
    get syncCount() {
      return host.syncCount;
    },
    resetSyncCount() {
      host.syncCount = 0;
    },
    get undoClears() {
      return host.undoClears;
    },
    get maxRequestBytes() {
      return host.maxRequestBytes;
    },
    get behaviours() {
      return host.behaviours;
    },
    setCellEditMode(on) {
      host.cellEditMode = on;
      if (!on) for (const wake of host.cellEditWaiters.splice(0)) wake();
    },
    workbook,
    userEdit: (sheet, address, value) => userEdit(host, sheet, address, value, "Local"),
    remoteEdit: (sheet, address, value) => userEdit(host, sheet, address, value, "Remote"),
    reads() {
      const sheets: Record<string, number> = {};
      let cells = 0;
      for (const [id, n] of host.valueReads) {
        sheets[host.wb.sheets.find((s) => s.id === id)?.name ?? id] = n;
        cells += n;
      }
      return { cells, sheets };
    },
    resetReads() {
      host.valueReads.clear();
    },
    subscribe(listener) {
      host.listeners.add(listener);
      return () => {
        host.listeners.delete(listener);
      };
    },
    async idle() {
      while (host.pending.size > 0) await Promise.all([...host.pending]);
      if (host.eventErrors.length > 0) {
        const first = host.eventErrors[0];
        host.eventErrors.length = 0;
        throw first;
      }
    },
  };
}

function previousContext(host: Host, previous: unknown): MemRequestContext {
  const ctx =
    previous instanceof MemRequestContext
      ? previous
      : previous instanceof MemClientObject ||
          (previous && typeof previous === "object" && "context" in previous)
        ? (previous as { context: unknown }).context
        : undefined;
  if (!(ctx instanceof MemRequestContext) || ctx._host !== host) {
    throw new MemoryOfficeError(
      "InvalidRequestContext",
      "Cannot use the object across different request contexts.",
    );
  }
  return ctx;
}

async function userEdit(
  host: Host,
  sheetName: string,
  address: string,
  value: string | number | null,
  source: "Local" | "Remote",
): Promise<void> {
  const sheet = findSheet(host.wb, sheetName);
  if (!sheet) throw new Error(`userEdit: no sheet named ${sheetName}`);
  const r = parseAddress(address);
  if (!r || rowCount(r) !== 1 || columnCount(r) !== 1)
    throw new Error(`userEdit: ${address} is not one cell`);
  // Typing into a merged area goes to its top-left cell.
  const merge = sheet.merges.find(
    (m) => r.top >= m.top && r.top <= m.bottom && r.left >= m.left && r.left <= m.right,
  );
  const row = merge ? merge.top : r.top;
  const col = merge ? merge.left : r.left;
  const before = getCell(sheet, row, col)?.value ?? null;
  const cell = touchCell(sheet, row, col);
  if (value === null) {
    cell.value = null;
    cell.formula = null;
  } else {
    const p = parseInput(value, cell.numberFormat);
    if (!p) throw new Error(`userEdit: unsupported value ${String(value)}`);
    cell.value = p.value;
    cell.formula = p.formula;
    if (p.numberFormat) cell.numberFormat = p.numberFormat;
  }
  const after = cell.value;
  pruneCell(sheet, row, col);
  host.notify();
  const change: ChangeRecord = {
    sheetId: sheet.id,
    range: { top: row, left: col, bottom: row, right: col },
    trigger: "user",
    before,
    after,
    source,
  };
  const when = host.behaviours.userEditEvents;
  if (when === "dropped") return;
  if (when === "late") {
    host.heldChanges.push(change);
    return;
  }
  const errors = await host.dispatch([change]);
  if (errors.length > 0) throw errors[0];
}

/** Excel.WorksheetChangedEventArgs for a change. */
function eventArgs(host: Host, change: ChangeRecord): Record<string, unknown> {
  const address = formatAddress(change.range);
  const worksheetId = change.sheetId;
  const args: Record<string, unknown> = {
    type: "WorksheetChanged",
    worksheetId,
    address,
    source: change.source ?? "Local",
    changeType: change.changeType ?? "RangeEdited",
    getRange: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(worksheetId).getRange(address),
    getRangeOrNullObject: (ctx: Excel.RequestContext) =>
      ctx.workbook.worksheets.getItemOrNullObject(worksheetId).getRange(address),
  };
  if (host.supports("1.9") && "before" in change) {
    const before = (change.before ?? null) as Parameters<typeof apiValue>[0];
    const after = (change.after ?? null) as Parameters<typeof apiValue>[0];
    args.details = {
      valueBefore: apiValue(before),
      valueAfter: apiValue(after),
      valueTypeBefore: valueType(before),
      valueTypeAfter: valueType(after),
    };
  }
  if (host.supports("1.14")) args.triggerSource = change.trigger === "api" ? "ThisLocalAddin" : "Unknown";
  return args;
}
