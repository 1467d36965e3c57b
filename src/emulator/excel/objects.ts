/**
 * The emulated Excel object model (the subset the add-in uses), with Office.js' names, enum
 * strings and errors. Each class is a proxy (see proxy.ts); the `resolver` passed to a
 * constructor finds the state the proxy stands for when the queued batch runs.
 */
import { normalizeColor } from "./colors";
import { displayText } from "./display";
import {
  MemoryOfficeError,
  invalidArgument,
  invalidOperation,
  invalidSelection,
  cellEditMode,
  generalException,
  sheetProtected,
  itemAlreadyExists,
  itemNotFound,
  payloadTooLarge,
  rangeExceedsLimit,
} from "./errors";
import { apiValue, parseInput } from "./input";
import {
  type Batch,
  type ChangeRecord,
  type ClassMeta,
  type Command,
  type ContextCore,
  type EventRegistration,
  type Host,
  MemClientObject,
  MemClientResult,
  ensureAlive,
  jsonBytes,
} from "./proxy";
import {
  type CellRange,
  type JsonValue,
  type MemoryBorder,
  type MemoryCell,
  type MemoryConditionalFormat,
  type MemoryConditionalFormatType,
  type MemoryHyperlink,
  type MemorySheet,
  type MemoryWorkbook,
  type SheetVisibility,
  MAX_COLUMNS,
  MAX_ROWS,
  MAX_ROW_HEIGHT_POINTS,
  addSheet,
  columnCount,
  columnWidth,
  findSheet,
  formatAddress,
  getCell,
  intersects,
  newConditionalFormatId,
  parseAddress,
  pruneCell,
  qualifiedAddress,
  quoteSheetName,
  rowCount,
  sameSheetName,
  touchCell,
} from "./state";
import { type CopyType, copyCells, insertCells, mapValidationFormulas } from "./structure";
import {
  DEFAULT_ERROR_ALERT,
  DEFAULT_PROMPT,
  clearValidations,
  mergeErrorAlert,
  mergePrompt,
  normalizeRule,
  readValidation,
  updateValidations,
} from "./validation";

/** Office.js reads at most five million cells in one get. */
const MAX_READ_CELLS = 5_000_000;
/** Guard of this host (not an Excel limit): cell-by-cell writes beyond this are refused. */
const MAX_WRITE_CELLS = 2_000_000;

interface RangeT {
  sheet: MemorySheet;
  r: CellRange;
}
interface AreasT {
  sheet: MemorySheet;
  areas: CellRange[];
}
interface CfT {
  sheet: MemorySheet;
  cf: MemoryConditionalFormat;
}
interface SettingT {
  key: string;
}

// ---------------------------------------------------------------------------------------------
// Request context

export class MemRequestContext implements ContextCore {
  readonly _host: Host;
  _processing = false;
  private _queue: Command[] = [];
  private _workbook: Workbook | undefined;
  /** Excel.RunOptions.delayForCellEdit: syncs wait for cell-edit mode to end instead of failing. */
  _delayForCellEdit = false;

  constructor(host: Host) {
    this._host = host;
  }

  get workbook(): Workbook {
    if (!this._workbook) this._workbook = new Workbook(this);
    return this._workbook;
  }

  /** `context.load(object, option)` = `object.load(option)`. */
  load(object: MemClientObject, option?: unknown): void {
    object.load(option);
  }

  _enqueue(cmd: Command): void {
    this._queue.push(cmd);
  }

  /** @internal True when commands wait for a sync. */
  get _hasPending(): boolean {
    return this._queue.length > 0;
  }

  /** Runs the queued commands in order; rejects with the first failure (later commands are dropped). */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const queue = this._queue;
    this._queue = [];
    this._host.syncCount++;
    await Promise.resolve(); // the round trip
    if (this._host.cellEditMode) {
      if (!this._delayForCellEdit) throw cellEditMode();
      await new Promise<void>((resolve) => this._host.cellEditWaiters.push(resolve));
    }
    try {
      this._execute(queue);
    } finally {
      // Events of user edits held back ("late"): delivered now, after this batch ran.
      if (this._host.heldChanges.length > 0)
        scheduleChangeEvents(this._host, this._host.heldChanges.splice(0));
    }
    return passThroughValue as T;
  }

  private _execute(queue: Command[]): void {
    const host = this._host;
    let requestBytes = 0;
    for (const c of queue) requestBytes += c.requestBytes;
    host.maxRequestBytes = Math.max(host.maxRequestBytes, requestBytes);
    if (requestBytes > host.payloadLimit) throw payloadTooLarge(requestBytes, host.payloadLimit, "request");
    const batch: Batch = { host, responseBytes: 0, commits: [], mutated: false, changes: [] };
    this._processing = true;
    try {
      for (const cmd of queue) {
        const before = batch.mutated;
        batch.mutated = false;
        cmd.exec(ensureAlive(cmd.obj, host), batch);
        if (batch.mutated && !cmd.navigation) batch.wrote = true;
        batch.mutated = batch.mutated || before;
      }
      if (batch.responseBytes > host.payloadLimit) {
        throw payloadTooLarge(batch.responseBytes, host.payloadLimit, "response");
      }
      for (const commit of batch.commits) commit();
    } finally {
      if (batch.wrote && !host.behaviours.undoPreserved) host.undoClears++;
      this._processing = false;
      if (batch.mutated) host.notify();
      if (batch.changes.length > 0) scheduleChangeEvents(host, batch.changes);
    }
  }
}

/** Excel raises change events for the add-in's own writes too, a moment after the sync. */
function scheduleChangeEvents(host: Host, changes: ChangeRecord[]): void {
  if (host.registrations.length === 0) return;
  const run = new Promise<void>((resolve) => {
    setTimeout(() => {
      void host.dispatch(changes).then(() => resolve());
    }, 0);
  });
  host.pending.add(run);
  void run.finally(() => host.pending.delete(run));
}

function hostOf(o: MemClientObject): Host {
  return o.context._host;
}

function ctxOf(o: MemClientObject): MemRequestContext {
  return o.context as MemRequestContext;
}

// ---------------------------------------------------------------------------------------------
// Workbook

const workbookMeta: ClassMeta = {
  type: "Workbook",
  scalars: { name: (wb: MemoryWorkbook) => wb.name },
  scalarVersions: { name: "1.7" },
  navs: ["worksheets", "settings", "protection"],
};

export class Workbook extends MemClientObject {
  constructor(context: MemRequestContext) {
    super(context, null, () => context._host.wb);
  }
  _meta(): ClassMeta {
    return workbookMeta;
  }
  get name(): string {
    hostOf(this).requireApi("Workbook.name", "1.7");
    return this._get("name") as string;
  }
  get worksheets(): WorksheetCollection {
    return this._nav("worksheets", () => new WorksheetCollection(this.context, this, (wb) => wb));
  }
  get protection(): ProtectionState {
    hostOf(this).requireApi("Workbook.protection", "1.7");
    return this._nav(
      "protection",
      () =>
        new ProtectionState(this.context, this, (wb) => ({
          get: () => (wb as MemoryWorkbook).structureProtected === true,
        })),
    );
  }
  /** The active cell of the active sheet (the top-left of the first selected area). ExcelApi 1.7. */
  getActiveCell(): Range {
    hostOf(this).requireApi("Workbook.getActiveCell", "1.7");
    return new Range(this.context, this, (wb) => {
      const sheet = activeSheet(wb as MemoryWorkbook);
      const first = sheet.selection[0] ?? { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, r: { top: first.top, left: first.left, bottom: first.top, right: first.left } };
    });
  }
  get settings(): SettingCollection {
    hostOf(this).requireApi("Workbook.settings", "1.4");
    return this._nav("settings", () => new SettingCollection(this.context, this, (wb) => wb));
  }
  /** The selection of the active sheet; InvalidSelection when it has several areas. */
  getSelectedRange(): Range {
    return new Range(this.context, this, (wb) => {
      const sheet = activeSheet(wb as MemoryWorkbook);
      if (sheet.selection.length !== 1) throw invalidSelection("Workbook.getSelectedRange");
      return { sheet, r: { ...sheet.selection[0] } };
    });
  }
  // No getActiveWorksheet(): Office.js has it on WorksheetCollection only.
}

function activeSheet(wb: MemoryWorkbook): MemorySheet {
  const s = findSheet(wb, wb.activeSheet) ?? wb.sheets.find((x) => x.visibility === "Visible");
  if (!s) throw itemNotFound("WorksheetCollection.getActiveWorksheet");
  return s;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

const worksheetCollectionMeta: ClassMeta = {
  type: "WorksheetCollection",
  scalars: {},
  navs: [],
  items: (wb: MemoryWorkbook, owner) => wb.sheets.map((s) => new Worksheet(owner.context, owner, () => s, s)),
};

export class WorksheetCollection extends MemClientObject {
  private _onChanged: EventHandlers | undefined;
  _meta(): ClassMeta {
    return worksheetCollectionMeta;
  }
  get items(): Worksheet[] {
    return this._getItems<Worksheet>();
  }
  /** By name (case-insensitive, as Excel) or id. */
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, this, (wb) => {
      const s = findSheet(wb as MemoryWorkbook, key);
      if (!s) throw itemNotFound("WorksheetCollection.getItem");
      return s;
    });
  }
  getItemOrNullObject(key: string): Worksheet {
    hostOf(this).requireApi("WorksheetCollection.getItemOrNullObject", "1.4");
    return new Worksheet(this.context, this, (wb) => findSheet(wb as MemoryWorkbook, key) ?? null);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, this, (wb) => activeSheet(wb as MemoryWorkbook));
  }
  getCount(): MemClientResult<number> {
    hostOf(this).requireApi("WorksheetCollection.getCount", "1.4");
    const result = new MemClientResult<number>();
    this._call((wb: MemoryWorkbook, batch) => {
      const n = wb.sheets.length;
      batch.responseBytes += 8;
      batch.commits.push(() => result._resolve(n));
    });
    return result;
  }
  /** Adds a sheet at the end (not activated), named `name` or the next free `SheetN`. */
  add(name?: string): Worksheet {
    let created: MemorySheet | undefined;
    this._call((wb: MemoryWorkbook, batch) => {
      if (wb.structureProtected)
        throw invalidOperation("WorksheetCollection.add", "the workbook is protected");
      const sheetName = name === undefined || name === null ? nextSheetName(wb) : String(name);
      checkSheetName(wb, sheetName, "WorksheetCollection.add");
      created = addSheet(wb, sheetName);
      batch.mutated = true;
    }, jsonBytes(name));
    return new Worksheet(this.context, this, () => {
      if (!created) throw itemNotFound("WorksheetCollection.add");
      return created;
    });
  }
  get onChanged(): EventHandlers {
    hostOf(this).requireApi("WorksheetCollection.onChanged", "1.9");
    if (!this._onChanged) this._onChanged = new EventHandlers(this);
    return this._onChanged;
  }
}

function nextSheetName(wb: MemoryWorkbook): string {
  for (let n = wb.sheets.length + 1; ; n++) {
    const name = `Sheet${n}`;
    if (!findSheet(wb, name)) return name;
  }
}

function checkSheetName(wb: MemoryWorkbook, name: string, location: string, self?: MemorySheet): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    sameSheetName(name, "History")
  ) {
    throw invalidArgument(location, `invalid sheet name '${name}'`);
  }
  const other = wb.sheets.find((s) => sameSheetName(s.name, name));
  if (other && other !== self) throw itemAlreadyExists(location);
}

const worksheetMeta: ClassMeta = {
  type: "Worksheet",
  scalars: {
    name: (s: MemorySheet) => s.name,
    id: (s: MemorySheet) => s.id,
    visibility: (s: MemorySheet) => s.visibility,
    position: (s: MemorySheet, host) => host.wb.sheets.indexOf(s),
  },
  navs: ["protection"],
  alive: (s: MemorySheet, host) => host.wb.sheets.includes(s),
};

export class Worksheet extends MemClientObject {
  _meta(): ClassMeta {
    return worksheetMeta;
  }
  get name(): string {
    return this._get("name") as string;
  }
  set name(value: string) {
    this._set("name", value, (s: MemorySheet, v, batch) => {
      const wb = batch.host.wb;
      const newName = String(v);
      checkSheetName(wb, newName, "Worksheet.name", s);
      if (sameSheetName(wb.activeSheet, s.name)) wb.activeSheet = newName;
      s.name = newName;
      batch.mutated = true;
    });
  }
  get id(): string {
    return this._get("id") as string;
  }
  get position(): number {
    return this._get("position") as number;
  }
  /** Moves the sheet to this zero-based place (Excel clamps nothing: out of range is InvalidArgument). */
  set position(value: number) {
    this._set("position", value, (s: MemorySheet, v, batch) => {
      const wb = batch.host.wb;
      if (!isIndex(v, wb.sheets.length)) throw invalidArgument("Worksheet.position");
      if (wb.structureProtected) throw invalidOperation("Worksheet.position", "the workbook is protected");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.sheets.splice(v as number, 0, s);
      batch.mutated = true;
    });
  }
  get visibility(): SheetVisibility {
    return this._get("visibility") as SheetVisibility;
  }
  set visibility(value: SheetVisibility) {
    this._set("visibility", value, (s: MemorySheet, v, batch) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        throw invalidArgument("Worksheet.visibility");
      if (v !== "Visible" && visibleSheets(batch.host.wb).every((x) => x === s)) {
        throw invalidOperation("Worksheet.visibility", "a workbook must keep one visible sheet");
      }
      s.visibility = v;
      if (v !== "Visible" && sameSheetName(batch.host.wb.activeSheet, s.name))
        activateNeighbour(batch.host.wb, s);
      batch.mutated = true;
    });
  }
  activate(): void {
    this._call(
      (s: MemorySheet, batch) => {
        if (s.visibility !== "Visible" && batch.host.behaviours.hiddenActivateFails)
          throw invalidOperation("Worksheet.activate", "the sheet is hidden");
        batch.host.wb.activeSheet = s.name;
        batch.mutated = true;
      },
      0,
      true,
    );
  }
  get protection(): ProtectionState {
    hostOf(this).requireApi("Worksheet.protection", "1.2");
    return this._nav(
      "protection",
      () =>
        new ProtectionState(this.context, this, (s) => ({
          get: () => (s as MemorySheet).protected === true,
        })),
    );
  }
  delete(): void {
    this._call((s: MemorySheet, batch) => {
      const wb = batch.host.wb;
      if (wb.structureProtected) throw invalidOperation("Worksheet.delete", "the workbook is protected");
      if (s.visibility === "Visible" && visibleSheets(wb).length === 1) {
        throw invalidOperation("Worksheet.delete", "a workbook must keep one visible sheet");
      }
      if (sameSheetName(wb.activeSheet, s.name)) activateNeighbour(wb, s);
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      batch.mutated = true;
    });
  }
  /** `A1`, `A1:B2`, `A:C`, `2:5`; no address = the whole sheet. */
  getRange(address?: string): Range {
    return new Range(this.context, this, (s) => {
      const sheet = s as MemorySheet;
      if (address === undefined || address === null || address === "") {
        return { sheet, r: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      }
      return { sheet, r: parseSheetAddress(sheet, String(address), "Worksheet.getRange") };
    });
  }
  /** `"A1:B2, C3"` or `"A1:B2; C3"`; no address = the whole sheet. */
  getRanges(address?: string): RangeAreas {
    hostOf(this).requireApi("Worksheet.getRanges", "1.9");
    return new RangeAreas(this.context, this, (s) => {
      const sheet = s as MemorySheet;
      if (address === undefined || address === null || address.trim() === "") {
        return { sheet, areas: [{ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }] };
      }
      const areas = String(address)
        .split(/[,;]/)
        .map((a) => parseSheetAddress(sheet, a, "Worksheet.getRanges"));
      return { sheet, areas };
    });
  }
  getCell(row: number, column: number): Range {
    return new Range(this.context, this, (s) => {
      if (!isIndex(row, MAX_ROWS) || !isIndex(column, MAX_COLUMNS))
        throw invalidArgument("Worksheet.getCell");
      return { sheet: s as MemorySheet, r: { top: row, left: column, bottom: row, right: column } };
    });
  }
  /** The range of `rowCount` x `columnCount` cells from (startRow, startColumn), 0-based. ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    hostOf(this).requireApi("Worksheet.getRangeByIndexes", "1.7");
    return new Range(this.context, this, (s) => {
      const ok =
        isIndex(startRow, MAX_ROWS) &&
        isIndex(startColumn, MAX_COLUMNS) &&
        isIndex(rowCount - 1, MAX_ROWS - startRow) &&
        isIndex(columnCount - 1, MAX_COLUMNS - startColumn);
      if (!ok) throw invalidArgument("Worksheet.getRangeByIndexes");
      return {
        sheet: s as MemorySheet,
        r: {
          top: startRow,
          left: startColumn,
          bottom: startRow + rowCount - 1,
          right: startColumn + columnCount - 1,
        },
      };
    });
  }
  /** The smallest range holding every value (valuesOnly) or every value and format; null if none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    hostOf(this).requireApi("Worksheet.getUsedRangeOrNullObject", "1.4");
    return new Range(this.context, this, (s) => {
      const sheet = s as MemorySheet;
      const r = usedRange(sheet, valuesOnly === true);
      return r ? { sheet, r } : null;
    });
  }
}

function visibleSheets(wb: MemoryWorkbook): MemorySheet[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}

function activateNeighbour(wb: MemoryWorkbook, leaving: MemorySheet): void {
  const i = wb.sheets.indexOf(leaving);
  const order = [...wb.sheets.slice(i + 1), ...wb.sheets.slice(0, i).reverse()];
  const next = order.find((s) => s.visibility === "Visible");
  if (next) wb.activeSheet = next.name;
}

function isIndex(n: unknown, limit: number): boolean {
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n < limit;
}

/** An address on this sheet; an optional sheet prefix must name this sheet. */
function parseSheetAddress(sheet: MemorySheet, address: string, location: string): CellRange {
  let body = address.trim();
  const bang = body.lastIndexOf("!");
  if (bang >= 0) {
    let prefix = body.slice(0, bang);
    if (prefix.startsWith("'") && prefix.endsWith("'")) prefix = prefix.slice(1, -1).replace(/''/g, "'");
    if (!sameSheetName(prefix, sheet.name))
      throw invalidArgument(location, `'${address}' is not on ${sheet.name}`);
    body = body.slice(bang + 1);
  }
  const r = parseAddress(body);
  if (!r) throw invalidArgument(location, `'${address}' is not a range address`);
  return r;
}

function usedRange(sheet: MemorySheet, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: CellRange) => {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  };
  for (const [r, line] of sheet.cells) {
    for (const [c, cell] of line) {
      if (valuesOnly && cell.value === null && cell.formula === null) continue;
      extend({ top: r, left: c, bottom: r, right: c });
    }
  }
  if (!valuesOnly) for (const m of sheet.merges) extend(m);
  return bottom < 0 ? null : { top, left, bottom, right };
}

// ---------------------------------------------------------------------------------------------
// Ranges: reading and writing cells

function cellCount(r: CellRange): number {
  return rowCount(r) * columnCount(r);
}

/** Cells hidden under a merge (all but its top-left) hold no value. */
function coveredBy(sheet: MemorySheet, r: CellRange): (row: number, col: number) => boolean {
  const ms = sheet.merges.filter((m) => intersects(m, r));
  if (ms.length === 0) return () => false;
  return (row, col) =>
    ms.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        !(row === m.top && col === m.left),
    );
}

function readGrid<T>(
  t: RangeT,
  location: string,
  f: (cell: MemoryCell | undefined, covered: boolean) => T,
): T[][] {
  if (cellCount(t.r) > MAX_READ_CELLS) throw rangeExceedsLimit(location);
  const covered = coveredBy(t.sheet, t.r);
  const out: T[][] = [];
  for (let row = t.r.top; row <= t.r.bottom; row++) {
    const line = t.sheet.cells.get(row);
    const vals: T[] = [];
    for (let col = t.r.left; col <= t.r.right; col++) vals.push(f(line?.get(col), covered(row, col)));
    out.push(vals);
  }
  return out;
}

/** The common value of `pick` over the range's cells, or null when they differ. */
function uniform<T>(t: RangeT, pick: (cell: MemoryCell | undefined) => T): T | null {
  let seen = 0;
  let first: T | undefined;
  let mixed = false;
  const take = (v: T) => {
    if (seen++ === 0) first = v;
    else if (!mixed && !sameValue(v, first)) mixed = true;
  };
  for (const [row, line] of t.sheet.cells) {
    if (row < t.r.top || row > t.r.bottom) continue;
    for (const [col, cell] of line) {
      if (col >= t.r.left && col <= t.r.right) take(pick(cell));
    }
    if (mixed) return null;
  }
  if (seen < cellCount(t.r)) take(pick(undefined));
  return mixed ? null : (first as T);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a 2-D input (or one scalar for every cell) to the range. Null entries leave their cell
 * unchanged, as in Excel; a wrongly shaped array is InvalidArgument.
 */
function writeGrid(
  t: RangeT,
  input: unknown,
  location: string,
  apply: (row: number, col: number, v: unknown) => void,
) {
  const rows = rowCount(t.r);
  const cols = columnCount(t.r);
  if (!Array.isArray(input)) {
    if (cellCount(t.r) > MAX_WRITE_CELLS) throw rangeExceedsLimit(location);
    if (input === null || input === undefined) return;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) apply(t.r.top + i, t.r.left + j, input);
    return;
  }
  if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new MemoryOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      location,
    );
  }
  for (let i = 0; i < rows; i++) {
    const line = input[i] as unknown[];
    for (let j = 0; j < cols; j++) {
      const v = line[j];
      if (v === null || v === undefined) continue;
      apply(t.r.top + i, t.r.left + j, v);
    }
  }
}

function writeContent(t: RangeT, input: unknown, location: string, batch: Batch): void {
  if (t.sheet.protected) throw sheetProtected(location);
  const covered = coveredBy(t.sheet, t.r);
  // Validate first: a bad entry fails the command without a half-written range.
  writeGrid(t, input, location, (row, col, v) => {
    if (parseInput(v, getCell(t.sheet, row, col)?.numberFormat ?? "General") === undefined) {
      throw invalidArgument(location, `unsupported cell input ${JSON.stringify(v)}`);
    }
  });
  writeGrid(t, input, location, (row, col, v) => {
    if (covered(row, col)) return;
    const cell = touchCell(t.sheet, row, col);
    const p = parseInput(v, cell.numberFormat);
    if (!p) return;
    cell.value = p.value;
    cell.formula = p.formula;
    if (p.numberFormat) cell.numberFormat = p.numberFormat;
    pruneCell(t.sheet, row, col);
  });
  batch.mutated = true;
  batch.changes.push({ sheetId: t.sheet.id, range: { ...t.r }, trigger: "api" });
}

/** Applies a format change to every cell of the range. */
function formatCells(t: RangeT, location: string, batch: Batch, apply: (cell: MemoryCell) => void): void {
  if (cellCount(t.r) > MAX_WRITE_CELLS) throw rangeExceedsLimit(location);
  for (let row = t.r.top; row <= t.r.bottom; row++) {
    for (let col = t.r.left; col <= t.r.right; col++) {
      apply(touchCell(t.sheet, row, col));
      pruneCell(t.sheet, row, col);
    }
  }
  batch.mutated = true;
}

const rangeAlive = (t: RangeT, host: Host) => host.wb.sheets.includes(t.sheet);

const rangeMeta: ClassMeta = {
  type: "Range",
  scalars: {
    address: (t: RangeT) => qualifiedAddress(t.sheet.name, t.r),
    addressLocal: (t: RangeT) => qualifiedAddress(t.sheet.name, t.r),
    rowIndex: (t: RangeT) => t.r.top,
    columnIndex: (t: RangeT) => t.r.left,
    rowCount: (t: RangeT) => rowCount(t.r),
    columnCount: (t: RangeT) => columnCount(t.r),
    cellCount: (t: RangeT) => cellCount(t.r),
    values: (t: RangeT, host: Host) => {
      const grid = readGrid(t, "Range.values", (c, covered) => (covered || !c ? "" : apiValue(c.value)));
      host.valueReads.set(t.sheet.id, (host.valueReads.get(t.sheet.id) ?? 0) + cellCount(t.r));
      return grid;
    },
    text: (t: RangeT) =>
      readGrid(t, "Range.text", (c, covered) => (covered || !c ? "" : displayText(c.value, c.numberFormat))),
    numberFormat: (t: RangeT) => readGrid(t, "Range.numberFormat", (c) => c?.numberFormat ?? "General"),
    formulas: (t: RangeT) =>
      readGrid(t, "Range.formulas", (c, covered) => (covered || !c ? "" : (c.formula ?? apiValue(c.value)))),
    // The top-left cell's link (Excel reads a range's link from its first cell); {} when none.
    hyperlink: (t: RangeT) => ({ ...(getCell(t.sheet, t.r.top, t.r.left)?.hyperlink ?? {}) }),
  },
  scalarVersions: { hyperlink: "1.7" },
  navs: ["format", "conditionalFormats", "dataValidation", "worksheet"],
  alive: rangeAlive,
};

export class Range extends MemClientObject {
  _meta(): ClassMeta {
    return rangeMeta;
  }
  get address(): string {
    return this._get("address") as string;
  }
  get addressLocal(): string {
    return this._get("addressLocal") as string;
  }
  get rowIndex(): number {
    return this._get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this._get("columnIndex") as number;
  }
  get rowCount(): number {
    return this._get("rowCount") as number;
  }
  get columnCount(): number {
    return this._get("columnCount") as number;
  }
  get cellCount(): number {
    return this._get("cellCount") as number;
  }
  get values(): unknown[][] {
    return this._get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this._set("values", v, (t: RangeT, input, batch) => writeContent(t, input, "Range.values", batch));
  }
  get formulas(): unknown[][] {
    return this._get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, (t: RangeT, input, batch) => writeContent(t, input, "Range.formulas", batch));
  }
  get text(): string[][] {
    return this._get("text") as string[][];
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, (t: RangeT, input, batch) => {
      writeGrid(t, input, "Range.numberFormat", (row, col, f) => {
        touchCell(t.sheet, row, col).numberFormat = String(f) || "General";
        pruneCell(t.sheet, row, col);
      });
      batch.mutated = true;
    });
  }
  get hyperlink(): Excel.RangeHyperlink {
    hostOf(this).requireApi("Range.hyperlink", "1.7");
    return this._get("hyperlink") as Excel.RangeHyperlink;
  }
  /**
   * Links every cell of the range; `textToDisplay` becomes the cells' value (as in Excel). An empty
   * object (no address and no documentReference) removes the links.
   */
  set hyperlink(v: Excel.RangeHyperlink) {
    hostOf(this).requireApi("Range.hyperlink", "1.7");
    this._set("hyperlink", v, (t: RangeT, input, batch) => {
      if (t.sheet.protected) throw sheetProtected("Range.hyperlink");
      if (cellCount(t.r) > MAX_WRITE_CELLS) throw rangeExceedsLimit("Range.hyperlink");
      const h = (input ?? {}) as Excel.RangeHyperlink;
      const link: MemoryHyperlink = {};
      for (const k of ["address", "documentReference", "screenTip", "textToDisplay"] as const) {
        const x = h[k];
        if (x === undefined || x === null) continue;
        if (typeof x !== "string") throw invalidArgument("Range.hyperlink", `${k} must be a string`);
        link[k] = x;
      }
      const none = link.address === undefined && link.documentReference === undefined;
      const covered = coveredBy(t.sheet, t.r);
      for (let row = t.r.top; row <= t.r.bottom; row++) {
        for (let col = t.r.left; col <= t.r.right; col++) {
          if (covered(row, col)) continue;
          const cell = touchCell(t.sheet, row, col);
          if (none) delete cell.hyperlink;
          else {
            cell.hyperlink = { ...link };
            if (link.textToDisplay !== undefined) {
              cell.value = link.textToDisplay;
              cell.formula = null;
            }
          }
          pruneCell(t.sheet, row, col);
        }
      }
      batch.mutated = true;
      if (!none && link.textToDisplay !== undefined)
        batch.changes.push({ sheetId: t.sheet.id, range: { ...t.r }, trigger: "api" });
    });
  }
  get format(): RangeFormat {
    return this._nav("format", () => new RangeFormat(this.context, this, (t) => t));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    hostOf(this).requireApi("Range.conditionalFormats", "1.6");
    return this._nav(
      "conditionalFormats",
      () => new ConditionalFormatCollection(this.context, this, (t) => t),
    );
  }
  get dataValidation(): DataValidation {
    hostOf(this).requireApi("Range.dataValidation", "1.8");
    return this._nav("dataValidation", () => new DataValidation(this.context, this, (t) => t));
  }
  get worksheet(): Worksheet {
    return this._nav("worksheet", () => new Worksheet(this.context, this, (t) => (t as RangeT).sheet));
  }
  /**
   * Inserts blank cells in place of the range, shifting the others down or right (whole rows:
   * `"15:16"` + Down; whole columns: `"C:D"` + Right); returns the range at the blank space.
   * See structure.ts for what moves with the cells.
   */
  insert(shift: "Down" | "Right"): Range {
    this._call((t: RangeT, batch) => {
      if (t.sheet.protected) throw sheetProtected("Range.insert");
      const changeType = insertCells(batch.host.wb, t.sheet, t.r, shift, "Range.insert");
      batch.mutated = true;
      batch.changes.push({ sheetId: t.sheet.id, range: { ...t.r }, trigger: "api", changeType });
    }, jsonBytes(shift));
    return new Range(this.context, this, (t) => ({ sheet: (t as RangeT).sheet, r: { ...(t as RangeT).r } }));
  }
  /**
   * Pastes `source` (a Range, or an address, optionally `Sheet!`-qualified) here: "All",
   * "Formulas", "Values" or "Formats" ("Link" and RangeAreas sources are not emulated). ExcelApi 1.9.
   */
  copyFrom(
    source: Range | RangeAreas | string,
    copyType: "All" | "Formulas" | "Values" | "Formats" | "Link" = "All",
    skipBlanks = false,
    transpose = false,
  ): void {
    hostOf(this).requireApi("Range.copyFrom", "1.9");
    this._call(
      (t: RangeT, batch) => {
        const location = "Range.copyFrom";
        if (!["All", "Formulas", "Values", "Formats"].includes(copyType)) {
          throw invalidArgument(location, `copyType '${String(copyType)}' is not emulated`);
        }
        if (typeof skipBlanks !== "boolean" || typeof transpose !== "boolean")
          throw invalidArgument(location);
        const src = copySource(source, t.sheet, batch.host, location);
        const pasted = copyCells(
          batch.host.wb,
          src,
          t,
          copyType as CopyType,
          skipBlanks,
          transpose,
          location,
        );
        batch.mutated = true;
        if (copyType !== "Formats")
          batch.changes.push({ sheetId: t.sheet.id, range: pasted, trigger: "api" });
      },
      jsonBytes(typeof source === "string" ? source : "range") + jsonBytes(copyType),
    );
  }
  /** Unmerges every merged area intersecting the range (whole areas, as Excel does). ExcelApi 1.2. */
  unmerge(): void {
    hostOf(this).requireApi("Range.unmerge", "1.2");
    this._call((t: RangeT, batch) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.r));
      batch.mutated = true;
    });
  }
  /** Selects the range (activating its sheet). */
  select(): void {
    this._call(
      (t: RangeT, batch) => {
        t.sheet.selection = [{ ...t.r }];
        batch.host.wb.activeSheet = t.sheet.name;
        batch.mutated = true;
      },
      0,
      true,
    );
  }
  /** The merged areas intersecting this range; a null object when there are none. ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreas {
    hostOf(this).requireApi("Range.getMergedAreasOrNullObject", "1.13");
    return new RangeAreas(this.context, this, (p) => {
      const t = p as RangeT;
      const areas = t.sheet.merges
        .filter((m) => intersects(m, t.r))
        .map((m) => ({ ...m }))
        .sort((a, b) => a.top - b.top || a.left - b.left);
      return areas.length > 0 ? { sheet: t.sheet, areas } : null;
    });
  }
  /** Merges the range (each row separately when `across`); the top-left value is kept. */
  merge(across?: boolean): void {
    hostOf(this).requireApi("Range.merge", "1.2");
    this._call((t: RangeT, batch) => {
      const parts: CellRange[] = [];
      if (across) {
        for (let row = t.r.top; row <= t.r.bottom; row++) parts.push({ ...t.r, top: row, bottom: row });
      } else {
        parts.push({ ...t.r });
      }
      for (const part of parts) {
        if (cellCount(part) < 2) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, part));
        t.sheet.merges.push(part);
        for (let row = part.top; row <= part.bottom; row++) {
          for (let col = part.left; col <= part.right; col++) {
            if (row === part.top && col === part.left) continue;
            const cell = getCell(t.sheet, row, col);
            if (!cell) continue;
            cell.value = null;
            cell.formula = null;
            pruneCell(t.sheet, row, col);
          }
        }
      }
      batch.mutated = true;
    });
  }
}

/** The source of a copy: a Range of this host, or an address on `sheet` or on the sheet it names. */
function copySource(source: unknown, sheet: MemorySheet, host: Host, location: string): RangeT {
  if (source instanceof Range) {
    if (source.context._host !== host) throw invalidArgument(location, "a range of another host");
    const t = ensureAlive(source, host) as RangeT | null;
    if (!t) throw invalidArgument(location, "the source is a null object");
    return t;
  }
  if (typeof source !== "string") throw invalidArgument(location, "the source must be a Range or an address");
  const bang = source.lastIndexOf("!");
  // Office.js does not say which sheet a sheet-less address names; one plausible answer: the active one.
  let target = host.behaviours.sheetlessCopyFromActiveSheet
    ? (findSheet(host.wb, host.wb.activeSheet) ?? sheet)
    : sheet;
  if (bang >= 0) {
    let name = source.slice(0, bang).trim();
    if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    const named = findSheet(host.wb, name);
    if (!named) throw invalidArgument(location, `no sheet named ${name}`);
    target = named;
  }
  return { sheet: target, r: parseSheetAddress(target, source, location) };
}

// ---------------------------------------------------------------------------------------------
// Range formats

const HORIZONTAL = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

const rangeFormatMeta: ClassMeta = {
  type: "RangeFormat",
  scalars: {
    wrapText: (t: RangeT) => uniform(t, (c) => c?.format.wrapText ?? false),
    horizontalAlignment: (t: RangeT) => uniform(t, (c) => c?.format.horizontalAlignment ?? "General"),
    verticalAlignment: (t: RangeT) => uniform(t, (c) => c?.format.verticalAlignment ?? "Bottom"),
    columnWidth: (t: RangeT) => {
      const first = columnWidth(t.sheet, t.r.left);
      for (let c = t.r.left + 1; c <= t.r.right; c++) if (columnWidth(t.sheet, c) !== first) return null;
      return first;
    },
    rowHeight: (t: RangeT) => uniformRowHeight(t),
  },
  scalarVersions: { columnWidth: "1.2", rowHeight: "1.2" },
  navs: ["fill", "font", "borders"],
  alive: rangeAlive,
};

/** The rows' common height, or null when they differ. */
function uniformRowHeight(t: RangeT): number | null {
  const heights = new Set<number>();
  let custom = 0;
  for (const [row, h] of t.sheet.rowHeights) {
    if (row < t.r.top || row > t.r.bottom) continue;
    heights.add(h);
    custom++;
  }
  if (custom < rowCount(t.r)) heights.add(t.sheet.defaultRowHeight);
  return heights.size === 1 ? [...heights][0] : null;
}

export class RangeFormat extends MemClientObject {
  _meta(): ClassMeta {
    return rangeFormatMeta;
  }
  get fill(): RangeFill {
    return this._nav("fill", () => new RangeFill(this.context, this, (t) => t));
  }
  get font(): RangeFont {
    return this._nav("font", () => new RangeFont(this.context, this, (t) => t));
  }
  get borders(): RangeBorderCollection {
    return this._nav("borders", () => new RangeBorderCollection(this.context, this, (t) => t));
  }
  /** Points; null when the rows differ. ExcelApi 1.2. */
  get rowHeight(): number {
    hostOf(this).requireApi("RangeFormat.rowHeight", "1.2");
    return this._get("rowHeight") as number;
  }
  set rowHeight(v: number) {
    hostOf(this).requireApi("RangeFormat.rowHeight", "1.2");
    this._set("rowHeight", v, (t: RangeT, value, batch) => {
      if (
        typeof value !== "number" ||
        !Number.isFinite(value) ||
        value < 0 ||
        value > MAX_ROW_HEIGHT_POINTS
      ) {
        throw invalidArgument("RangeFormat.rowHeight");
      }
      if (t.r.top === 0 && t.r.bottom === MAX_ROWS - 1) {
        // Every row: the sheet's default height.
        t.sheet.defaultRowHeight = value;
        t.sheet.rowHeights.clear();
      } else {
        for (let r = t.r.top; r <= t.r.bottom; r++) t.sheet.rowHeights.set(r, value);
      }
      batch.mutated = true;
    });
  }
  get wrapText(): boolean {
    return this._get("wrapText") as boolean;
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, (t: RangeT, value, batch) => {
      if (typeof value !== "boolean") throw invalidArgument("RangeFormat.wrapText");
      formatCells(t, "RangeFormat.wrapText", batch, (c) => {
        c.format.wrapText = value || undefined;
      });
    });
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment") as string;
  }
  set horizontalAlignment(v: string) {
    this._set("horizontalAlignment", v, (t: RangeT, value, batch) => {
      if (typeof value !== "string" || !HORIZONTAL.includes(value)) {
        throw invalidArgument("RangeFormat.horizontalAlignment");
      }
      formatCells(t, "RangeFormat.horizontalAlignment", batch, (c) => {
        c.format.horizontalAlignment = value === "General" ? undefined : value;
      });
    });
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment") as string;
  }
  set verticalAlignment(v: string) {
    this._set("verticalAlignment", v, (t: RangeT, value, batch) => {
      if (typeof value !== "string" || !VERTICAL.includes(value))
        throw invalidArgument("RangeFormat.verticalAlignment");
      formatCells(t, "RangeFormat.verticalAlignment", batch, (c) => {
        c.format.verticalAlignment = value === "Bottom" ? undefined : value;
      });
    });
  }
  /** Points; null when the columns differ. */
  get columnWidth(): number {
    hostOf(this).requireApi("RangeFormat.columnWidth", "1.2");
    return this._get("columnWidth") as number;
  }
  set columnWidth(v: number) {
    hostOf(this).requireApi("RangeFormat.columnWidth", "1.2");
    this._set("columnWidth", v, (t: RangeT, value, batch) => {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw invalidArgument("RangeFormat.columnWidth");
      }
      for (let c = t.r.left; c <= t.r.right; c++) t.sheet.columnWidths.set(c, value);
      batch.mutated = true;
    });
  }
}

const rangeFillMeta: ClassMeta = {
  type: "RangeFill",
  scalars: { color: (t: RangeT) => uniform(t, (c) => c?.format.fill ?? "#FFFFFF") },
  navs: [],
  alive: rangeAlive,
};

export class RangeFill extends MemClientObject {
  _meta(): ClassMeta {
    return rangeFillMeta;
  }
  /** `#RRGGBB`; `#FFFFFF` for no fill; null when the cells differ. */
  get color(): string {
    return this._get("color") as string;
  }
  set color(v: string) {
    this._set("color", v, (t: RangeT, value, batch) => {
      const color = normalizeColor(value);
      if (!color) throw invalidArgument("RangeFill.color", `'${String(value)}' is not a colour`);
      formatCells(t, "RangeFill.color", batch, (c) => {
        c.format.fill = color;
      });
    });
  }
}

const rangeFontMeta: ClassMeta = {
  type: "RangeFont",
  scalars: {
    bold: (t: RangeT) => uniform(t, (c) => c?.format.font?.bold ?? false),
    color: (t: RangeT) => uniform(t, (c) => c?.format.font?.color ?? "#000000"),
    name: (t: RangeT) => uniform(t, (c) => c?.format.font?.name ?? DEFAULT_FONT.name),
    size: (t: RangeT) => uniform(t, (c) => c?.format.font?.size ?? DEFAULT_FONT.size),
  },
  navs: [],
  alive: rangeAlive,
};

/** The font of a cell with none set (Excel's Normal style of a new workbook). */
const DEFAULT_FONT = { name: "Calibri", size: 11 };

export class RangeFont extends MemClientObject {
  _meta(): ClassMeta {
    return rangeFontMeta;
  }
  get bold(): boolean {
    return this._get("bold") as boolean;
  }
  set bold(v: boolean) {
    this._set("bold", v, (t: RangeT, value, batch) => {
      if (typeof value !== "boolean") throw invalidArgument("RangeFont.bold");
      formatCells(t, "RangeFont.bold", batch, (c) => {
        c.format.font = { ...c.format.font, bold: value || undefined };
      });
    });
  }
  get color(): string {
    return this._get("color") as string;
  }
  set color(v: string) {
    this._set("color", v, (t: RangeT, value, batch) => {
      const color = normalizeColor(value);
      if (!color) throw invalidArgument("RangeFont.color", `'${String(value)}' is not a colour`);
      formatCells(t, "RangeFont.color", batch, (c) => {
        c.format.font = { ...c.format.font, color: color === "#000000" ? undefined : color };
      });
    });
  }
  /** Font name; null when the cells differ. */
  get name(): string {
    return this._get("name") as string;
  }
  set name(v: string) {
    this._set("name", v, (t: RangeT, value, batch) => {
      if (typeof value !== "string" || value.trim() === "") throw invalidArgument("RangeFont.name");
      formatCells(t, "RangeFont.name", batch, (c) => {
        c.format.font = { ...c.format.font, name: value };
      });
    });
  }
  /** Font size in points; null when the cells differ. */
  get size(): number {
    return this._get("size") as number;
  }
  set size(v: number) {
    this._set("size", v, (t: RangeT, value, batch) => {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 1 || value > 409) {
        throw invalidArgument("RangeFont.size");
      }
      formatCells(t, "RangeFont.size", batch, (c) => {
        c.format.font = { ...c.format.font, size: value };
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Borders

type BorderSide = "top" | "bottom" | "left" | "right";
type BorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
interface BorderT extends RangeT {
  index: BorderIndex;
}

const BORDER_INDEXES: BorderIndex[] = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
];

/** Office.js style + weight <-> the file's line style (as .xlsx stores it and MemoryBorder keeps it). */
const LINE_STYLES: Record<string, [string, string]> = {
  hair: ["Continuous", "Hairline"],
  thin: ["Continuous", "Thin"],
  medium: ["Continuous", "Medium"],
  thick: ["Continuous", "Thick"],
  dashed: ["Dash", "Thin"],
  mediumDashed: ["Dash", "Medium"],
  dotted: ["Dot", "Thin"],
  dashDot: ["DashDot", "Thin"],
  mediumDashDot: ["DashDot", "Medium"],
  dashDotDot: ["DashDotDot", "Thin"],
  mediumDashDotDot: ["DashDotDot", "Medium"],
  slantDashDot: ["SlantDashDot", "Medium"],
  double: ["Double", "Thick"],
};
const BORDER_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/** The file's line style for an Office.js style and weight (the nearest one Excel has). */
function lineStyle(style: string, weight: string): string {
  if (style === "Double") return "double";
  if (style === "SlantDashDot") return "slantDashDot";
  if (style === "Continuous") {
    return weight === "Hairline"
      ? "hair"
      : weight === "Medium"
        ? "medium"
        : weight === "Thick"
          ? "thick"
          : "thin";
  }
  const base =
    { Dash: "dashed", Dot: "dotted", DashDot: "dashDot", DashDotDot: "dashDotDot" }[style] ?? "thin";
  if (weight === "Medium" || weight === "Thick") {
    if (base === "dashed") return "mediumDashed";
    if (base === "dashDot") return "mediumDashDot";
    if (base === "dashDotDot") return "mediumDashDotDot";
  }
  return base;
}

/** The cells and side an edge is made of: EdgeTop = the top sides of the first row, etc. */
function borderCells(t: BorderT): { r: CellRange; side: BorderSide }[] {
  const { top, left, bottom, right } = t.r;
  switch (t.index) {
    case "EdgeTop":
      return [{ r: { top, left, bottom: top, right }, side: "top" }];
    case "EdgeBottom":
      return [{ r: { top: bottom, left, bottom, right }, side: "bottom" }];
    case "EdgeLeft":
      return [{ r: { top, left, bottom, right: left }, side: "left" }];
    case "EdgeRight":
      return [{ r: { top, left: right, bottom, right }, side: "right" }];
    case "InsideHorizontal":
      if (top === bottom) return [];
      return [
        { r: { top, left, bottom: bottom - 1, right }, side: "bottom" },
        { r: { top: top + 1, left, bottom, right }, side: "top" },
      ];
    case "InsideVertical":
      if (left === right) return [];
      return [
        { r: { top, left, bottom, right: right - 1 }, side: "right" },
        { r: { top, left: left + 1, bottom, right }, side: "left" },
      ];
  }
}

/** The edge's common border (undefined = none), or null when its cells differ. */
function uniformBorder(t: BorderT): MemoryBorder | undefined | null {
  let first: MemoryBorder | undefined | null = null;
  let seen = false;
  for (const part of borderCells(t)) {
    const v = uniform({ sheet: t.sheet, r: part.r }, (c) => c?.format.borders?.[part.side] ?? "none");
    if (v === null) return null;
    const b = v === "none" ? undefined : (v as MemoryBorder);
    if (seen && !sameValue(b, first)) return null;
    first = b;
    seen = true;
  }
  return seen ? first : undefined;
}

function setBorder(
  t: BorderT,
  batch: Batch,
  location: string,
  change: (b: MemoryBorder | undefined) => MemoryBorder | undefined,
): void {
  for (const part of borderCells(t)) {
    formatCells({ sheet: t.sheet, r: part.r }, location, batch, (c) => {
      const next = change(c.format.borders?.[part.side]);
      c.format.borders = { ...c.format.borders, [part.side]: next };
    });
  }
  batch.mutated = true;
}

const borderAlive = (t: BorderT, host: Host) => host.wb.sheets.includes(t.sheet);

const rangeBorderCollectionMeta: ClassMeta = {
  type: "RangeBorderCollection",
  scalars: {},
  navs: [],
  alive: rangeAlive,
};

export class RangeBorderCollection extends MemClientObject {
  _meta(): ClassMeta {
    return rangeBorderCollectionMeta;
  }
  /** EdgeTop, EdgeBottom, EdgeLeft, EdgeRight, InsideVertical, InsideHorizontal (diagonals are not emulated). */
  getItem(index: BorderIndex | "DiagonalDown" | "DiagonalUp"): RangeBorder {
    return new RangeBorder(this.context, this, (p) => {
      if (!BORDER_INDEXES.includes(index as BorderIndex)) {
        throw invalidArgument("RangeBorderCollection.getItem", `border '${String(index)}' is not emulated`);
      }
      return { ...(p as RangeT), index: index as BorderIndex };
    });
  }
}

const rangeBorderMeta: ClassMeta = {
  type: "RangeBorder",
  scalars: {
    sideIndex: (t: BorderT) => t.index,
    style: (t: BorderT) => {
      const b = uniformBorder(t);
      return b === null ? null : b ? (LINE_STYLES[b.style]?.[0] ?? "Continuous") : "None";
    },
    weight: (t: BorderT) => {
      const b = uniformBorder(t);
      return b === null ? null : b ? (LINE_STYLES[b.style]?.[1] ?? "Thin") : "Thin";
    },
    color: (t: BorderT) => {
      const b = uniformBorder(t);
      return b === null ? null : (b?.color ?? "#000000");
    },
  },
  navs: [],
  alive: borderAlive,
};

export class RangeBorder extends MemClientObject {
  _meta(): ClassMeta {
    return rangeBorderMeta;
  }
  get sideIndex(): BorderIndex {
    return this._get("sideIndex") as BorderIndex;
  }
  /** "None", "Continuous", "Dash", ...; null when the edge's cells differ. */
  get style(): string {
    return this._get("style") as string;
  }
  set style(v: string) {
    this._set("style", v, (t: BorderT, value, batch) => {
      if (typeof value !== "string" || !BORDER_STYLES.includes(value))
        throw invalidArgument("RangeBorder.style");
      setBorder(t, batch, "RangeBorder.style", (b) => {
        if (value === "None") return undefined;
        const weight = b ? (LINE_STYLES[b.style]?.[1] ?? "Thin") : "Thin";
        return { ...b, style: lineStyle(value, weight) };
      });
    });
  }
  /** "Hairline", "Thin", "Medium", "Thick"; setting one on an edge without a line draws a continuous one. */
  get weight(): string {
    return this._get("weight") as string;
  }
  set weight(v: string) {
    this._set("weight", v, (t: BorderT, value, batch) => {
      if (typeof value !== "string" || !BORDER_WEIGHTS.includes(value))
        throw invalidArgument("RangeBorder.weight");
      setBorder(t, batch, "RangeBorder.weight", (b) => {
        const style = b ? (LINE_STYLES[b.style]?.[0] ?? "Continuous") : "Continuous";
        return { ...b, style: lineStyle(style, value) };
      });
    });
  }
  /** `#RRGGBB` (`#000000` for automatic); setting one on an edge without a line draws a thin one. */
  get color(): string {
    return this._get("color") as string;
  }
  set color(v: string) {
    this._set("color", v, (t: BorderT, value, batch) => {
      const color = normalizeColor(value);
      if (!color) throw invalidArgument("RangeBorder.color", `'${String(value)}' is not a colour`);
      setBorder(t, batch, "RangeBorder.color", (b) => ({ style: b?.style ?? "thin", color }));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation

const dataValidationMeta: ClassMeta = {
  type: "DataValidation",
  scalars: {
    type: (t: RangeT) => readValidation(t.sheet, t.r).type,
    rule: (t: RangeT) => readValidation(t.sheet, t.r).rule,
    prompt: (t: RangeT) => readValidation(t.sheet, t.r).prompt,
    errorAlert: (t: RangeT) => readValidation(t.sheet, t.r).errorAlert,
    ignoreBlanks: (t: RangeT) => readValidation(t.sheet, t.r).ignoreBlanks,
  },
  navs: [],
  alive: rangeAlive,
};

/** A Range argument of a rule as an absolute reference, qualified when on another sheet than `sheet`. */
function rangeReference(host: Host, sheet: MemorySheet): (v: unknown) => string | null {
  return (v) => {
    if (!(v instanceof Range)) return null;
    const t = ensureAlive(v, host) as RangeT | null;
    if (!t) throw invalidArgument("DataValidation.rule", "a null range");
    const abs = formatAbsolute(t.r);
    return t.sheet === sheet ? abs : `${quoteSheetName(t.sheet.name)}!${abs}`;
  };
}

function formatAbsolute(r: CellRange): string {
  return formatAddress(r)
    .split(":")
    .map((part) =>
      part.replace(
        /^([A-Z]+)?(\d+)?$/,
        (_m, c?: string, d?: string) => `${c ? `$${c}` : ""}${d ? `$${d}` : ""}`,
      ),
    )
    .join(":");
}

/** Range.dataValidation (ExcelApi 1.8): rule, prompt, errorAlert and ignoreBlanks of the range's cells. */
export class DataValidation extends MemClientObject {
  _meta(): ClassMeta {
    return dataValidationMeta;
  }
  /** "None", "List", "WholeNumber", ...; "Inconsistent" or "MixedCriteria" when the cells differ. */
  get type(): string {
    return this._get("type") as string;
  }
  /** As it reads back: formulas are strings (`"=10"`); `{}` for none; null when the cells differ. */
  get rule(): Excel.DataValidationRule {
    return this._get("rule") as Excel.DataValidationRule;
  }
  set rule(v: Excel.DataValidationRule) {
    this._set("rule", v, (t: RangeT, value, batch) => {
      const { type, rule } = normalizeRule(value, rangeReference(batch.host, t.sheet), "DataValidation.rule");
      updateValidations(t.sheet, t.r, (dv, forThis) => {
        const holder = { ...dv, rule: structuredClone(rule) };
        mapValidationFormulas(holder, forThis);
        dv.type = type;
        dv.rule = holder.rule;
      });
      batch.mutated = true;
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get("prompt") as Excel.DataValidationPrompt;
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._set("prompt", v, (t: RangeT, value, batch) => {
      mergePrompt(DEFAULT_PROMPT, value, "DataValidation.prompt"); // fails before anything changes
      updateValidations(t.sheet, t.r, (dv) => {
        dv.prompt = mergePrompt(dv.prompt, value, "DataValidation.prompt");
      });
      batch.mutated = true;
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get("errorAlert") as Excel.DataValidationErrorAlert;
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._set("errorAlert", v, (t: RangeT, value, batch) => {
      mergeErrorAlert(DEFAULT_ERROR_ALERT, value, "DataValidation.errorAlert"); // fails before anything changes
      updateValidations(t.sheet, t.r, (dv) => {
        dv.errorAlert = mergeErrorAlert(dv.errorAlert, value, "DataValidation.errorAlert");
      });
      batch.mutated = true;
    });
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks") as boolean;
  }
  set ignoreBlanks(v: boolean) {
    this._set("ignoreBlanks", v, (t: RangeT, value, batch) => {
      if (typeof value !== "boolean") throw invalidArgument("DataValidation.ignoreBlanks");
      updateValidations(t.sheet, t.r, (dv) => {
        dv.ignoreBlanks = value;
      });
      batch.mutated = true;
    });
  }
  /** Removes the validation of the range's cells (other cells keep theirs). */
  clear(): void {
    this._call((t: RangeT, batch) => {
      clearValidations(t.sheet, t.r);
      batch.mutated = true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// RangeAreas

const areasAlive = (t: AreasT, host: Host) => host.wb.sheets.includes(t.sheet);

const rangeAreasMeta: ClassMeta = {
  type: "RangeAreas",
  scalars: {
    address: (t: AreasT) => t.areas.map((a) => qualifiedAddress(t.sheet.name, a)).join(","),
    addressLocal: (t: AreasT) => t.areas.map((a) => qualifiedAddress(t.sheet.name, a)).join(","),
    areaCount: (t: AreasT) => t.areas.length,
    cellCount: (t: AreasT) => t.areas.reduce((n, a) => n + cellCount(a), 0),
  },
  navs: ["areas", "conditionalFormats"],
  alive: areasAlive,
};

export class RangeAreas extends MemClientObject {
  _meta(): ClassMeta {
    return rangeAreasMeta;
  }
  /** `Sheet1!A1:B2,Sheet1!D4`. */
  get address(): string {
    return this._get("address") as string;
  }
  get addressLocal(): string {
    return this._get("addressLocal") as string;
  }
  get areaCount(): number {
    return this._get("areaCount") as number;
  }
  get cellCount(): number {
    return this._get("cellCount") as number;
  }
  get areas(): RangeCollection {
    return this._nav("areas", () => new RangeCollection(this.context, this, (t) => t));
  }
  /** ExcelApi 1.18 (Office LTSC 2021 and 2024 lack it). */
  select(): void {
    hostOf(this).requireApi("RangeAreas.select", "1.18");
    this._call(
      (t: AreasT, batch) => {
        t.sheet.selection = t.areas.map((a) => ({ ...a }));
        batch.host.wb.activeSheet = t.sheet.name;
        batch.mutated = true;
      },
      0,
      true,
    );
  }
  /** The conditional formats on these areas; add() puts one rule over all of them. ExcelApi 1.9. */
  get conditionalFormats(): ConditionalFormatCollection {
    hostOf(this).requireApi("RangeAreas.conditionalFormats", "1.9");
    return this._nav(
      "conditionalFormats",
      () => new ConditionalFormatCollection(this.context, this, (t) => t),
    );
  }
}

const rangeCollectionMeta: ClassMeta = {
  type: "RangeCollection",
  scalars: {},
  navs: [],
  items: (t: AreasT, owner) =>
    t.areas.map((a) => new Range(owner.context, owner, () => null, { sheet: t.sheet, r: a })),
  alive: areasAlive,
};

export class RangeCollection extends MemClientObject {
  _meta(): ClassMeta {
    return rangeCollectionMeta;
  }
  get items(): Range[] {
    return this._getItems<Range>();
  }
  getCount(): MemClientResult<number> {
    const result = new MemClientResult<number>();
    this._call((t: AreasT, batch) => {
      const n = t.areas.length;
      batch.responseBytes += 8;
      batch.commits.push(() => result._resolve(n));
    });
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

const CF_TYPES: MemoryConditionalFormatType[] = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

type CfOwnerT = RangeT | AreasT;
const areasOf = (t: CfOwnerT): CellRange[] => ("areas" in t ? t.areas : [t.r]);

/** Every format of the sheet whose range intersects the owner's, in priority order. */
function formatsOn(t: CfOwnerT): MemoryConditionalFormat[] {
  const mine = areasOf(t);
  return t.sheet.conditionalFormats.filter((cf) => cf.ranges.some((a) => mine.some((m) => intersects(a, m))));
}

/** The id Excel reports: the rule's own, or (positional semantics) its position in the sheet's list. */
function cfId(sheet: MemorySheet, cf: MemoryConditionalFormat, host: Host): string {
  return host.behaviours.conditionalFormatIds === "positional"
    ? String(sheet.conditionalFormats.indexOf(cf))
    : cf.id;
}

function formatsChanged(batch: Batch, sheet: MemorySheet, ranges: CellRange[]): void {
  if (!batch.host.behaviours.formatChangesFireOnChanged) return;
  for (const r of ranges)
    batch.changes.push({ sheetId: sheet.id, range: { ...r }, trigger: "api", changeType: "FormatChanged" });
}

const cfCollectionMeta: ClassMeta = {
  type: "ConditionalFormatCollection",
  scalars: {},
  navs: [],
  items: (t: CfOwnerT, owner) => {
    const list = formatsOn(t);
    if (list.some((cf) => cf.unreadable))
      throw generalException("ConditionalFormatCollection.items", "a conditional format cannot be read");
    return list.map((cf) => new ConditionalFormat(owner.context, owner, () => null, { sheet: t.sheet, cf }));
  },
  alive: (t: CfOwnerT, host: Host) => ("areas" in t ? host.wb.sheets.includes(t.sheet) : rangeAlive(t, host)),
};

export class ConditionalFormatCollection extends MemClientObject {
  _meta(): ClassMeta {
    return cfCollectionMeta;
  }
  get items(): ConditionalFormat[] {
    return this._getItems<ConditionalFormat>();
  }
  getCount(): MemClientResult<number> {
    const result = new MemClientResult<number>();
    this._call((t: CfOwnerT, batch) => {
      const n = formatsOn(t).length;
      batch.responseBytes += 8;
      batch.commits.push(() => result._resolve(n));
    });
    return result;
  }
  /** A format of this collection (intersecting its range) by id; ItemNotFound at sync otherwise. */
  getItem(id: string): ConditionalFormat {
    const host = hostOf(this);
    return new ConditionalFormat(this.context, this, (p) => {
      const t = p as CfOwnerT;
      const cf = formatsOn(t).find((x) => cfId(t.sheet, x, host) === id);
      if (!cf) throw itemNotFound("ConditionalFormatCollection.getItem");
      return { sheet: t.sheet, cf };
    });
  }
  /** Adds a format on the collection's range, at the top priority. */
  add(type: MemoryConditionalFormatType): ConditionalFormat {
    let created: CfT | undefined;
    this._call((t: CfOwnerT, batch) => {
      if (!CF_TYPES.includes(type))
        throw invalidArgument("ConditionalFormatCollection.add", `type '${type}'`);
      if (t.sheet.protected) throw sheetProtected("ConditionalFormatCollection.add");
      const cf: MemoryConditionalFormat = {
        id: newConditionalFormatId(batch.host.wb),
        ranges: areasOf(t).map((a) => ({ ...a })),
        type,
        formula: null,
        fillColor: null,
        fontColor: null,
      };
      if (batch.host.behaviours.newRuleAt === "last") t.sheet.conditionalFormats.push(cf);
      else t.sheet.conditionalFormats.unshift(cf);
      formatsChanged(batch, t.sheet, cf.ranges);
      created = { sheet: t.sheet, cf };
      batch.mutated = true;
    }, jsonBytes(type));
    return new ConditionalFormat(this.context, this, () => {
      if (!created) throw itemNotFound("ConditionalFormatCollection.add");
      return created;
    });
  }
}

const cfAlive = (t: CfT, host: Host) =>
  host.wb.sheets.includes(t.sheet) && t.sheet.conditionalFormats.includes(t.cf);

const cfMeta: ClassMeta = {
  type: "ConditionalFormat",
  scalars: {
    id: (t: CfT, host) => cfId(t.sheet, t.cf, host),
    type: (t: CfT) => t.cf.type,
    priority: (t: CfT) => t.sheet.conditionalFormats.indexOf(t.cf),
  },
  navs: ["custom", "customOrNullObject"],
  alive: cfAlive,
};

export class ConditionalFormat extends MemClientObject {
  _meta(): ClassMeta {
    return cfMeta;
  }
  get id(): string {
    return this._get("id") as string;
  }
  get type(): MemoryConditionalFormatType {
    return this._get("type") as MemoryConditionalFormatType;
  }
  /** The custom rule and format; fails at sync when the format is not of type Custom. */
  get custom(): CustomConditionalFormat {
    return this._nav(
      "custom",
      () =>
        new CustomConditionalFormat(this.context, this, (p) => {
          const t = p as CfT;
          if (t.cf.type !== "Custom") {
            throw invalidOperation("ConditionalFormat.custom", `the format is of type ${t.cf.type}`);
          }
          return t;
        }),
    );
  }
  get customOrNullObject(): CustomConditionalFormat {
    return this._nav(
      "customOrNullObject",
      () =>
        new CustomConditionalFormat(this.context, this, (p) => ((p as CfT).cf.type === "Custom" ? p : null)),
    );
  }
  /** Position in the sheet's list (0 = first); setting it moves the rule, shifting the others. */
  get priority(): number {
    return this._get("priority") as number;
  }
  set priority(value: number) {
    this._set("priority", value, (t: CfT, v, batch) => {
      if (typeof v !== "number" || !Number.isInteger(v)) throw invalidArgument("ConditionalFormat.priority");
      if (t.sheet.protected) throw sheetProtected("ConditionalFormat.priority");
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      const at = v < 0 ? Math.max(0, list.length + 1 + v) : Math.min(v, list.length);
      list.splice(at, 0, t.cf);
      batch.mutated = true;
    });
  }
  delete(): void {
    this._call((t: CfT, batch) => {
      if (t.sheet.protected) throw sheetProtected("ConditionalFormat.delete");
      t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(t.cf), 1);
      formatsChanged(batch, t.sheet, t.cf.ranges);
      batch.mutated = true;
    });
  }
  /** Every area the format applies to. ExcelApi 1.9. */
  getRanges(): RangeAreas {
    hostOf(this).requireApi("ConditionalFormat.getRanges", "1.9");
    return new RangeAreas(this.context, this, (p) => {
      const t = p as CfT;
      return { sheet: t.sheet, areas: t.cf.ranges.map((r) => ({ ...r })) };
    });
  }
  /** The range the format applies to (InvalidOperation for a format on several areas). */
  getRange(): Range {
    return new Range(this.context, this, (p) => {
      const t = p as CfT;
      if (t.cf.ranges.length !== 1) throw invalidOperation("ConditionalFormat.getRange", "several areas");
      return { sheet: t.sheet, r: { ...t.cf.ranges[0] } };
    });
  }
}

const customCfMeta: ClassMeta = {
  type: "CustomConditionalFormat",
  scalars: {},
  navs: ["rule", "format"],
  alive: cfAlive,
};

export class CustomConditionalFormat extends MemClientObject {
  _meta(): ClassMeta {
    return customCfMeta;
  }
  get rule(): ConditionalFormatRule {
    return this._nav("rule", () => new ConditionalFormatRule(this.context, this, (t) => t));
  }
  get format(): ConditionalRangeFormat {
    return this._nav("format", () => new ConditionalRangeFormat(this.context, this, (t) => t));
  }
}

const cfRuleMeta: ClassMeta = {
  type: "ConditionalFormatRule",
  scalars: { formula: (t: CfT) => t.cf.formula },
  navs: [],
  alive: cfAlive,
};

export class ConditionalFormatRule extends MemClientObject {
  _meta(): ClassMeta {
    return cfRuleMeta;
  }
  get formula(): string {
    return this._get("formula") as string;
  }
  set formula(v: string) {
    this._set("formula", v, (t: CfT, value, batch) => {
      if (typeof value !== "string") throw invalidArgument("ConditionalFormatRule.formula");
      t.cf.formula = value;
      batch.mutated = true;
    });
  }
}

const cfFormatMeta: ClassMeta = {
  type: "ConditionalRangeFormat",
  scalars: {},
  navs: ["fill", "font"],
  alive: cfAlive,
};

export class ConditionalRangeFormat extends MemClientObject {
  _meta(): ClassMeta {
    return cfFormatMeta;
  }
  get fill(): ConditionalRangeFill {
    return this._nav("fill", () => new ConditionalRangeFill(this.context, this, (t) => t));
  }
  get font(): ConditionalRangeFont {
    return this._nav("font", () => new ConditionalRangeFont(this.context, this, (t) => t));
  }
}

const cfFillMeta: ClassMeta = {
  type: "ConditionalRangeFill",
  scalars: { color: (t: CfT) => t.cf.fillColor },
  navs: [],
  alive: cfAlive,
};

export class ConditionalRangeFill extends MemClientObject {
  _meta(): ClassMeta {
    return cfFillMeta;
  }
  get color(): string {
    return this._get("color") as string;
  }
  set color(v: string) {
    this._set("color", v, (t: CfT, value, batch) => {
      const color = normalizeColor(value);
      if (!color) throw invalidArgument("ConditionalRangeFill.color", `'${String(value)}' is not a colour`);
      t.cf.fillColor = color;
      batch.mutated = true;
    });
  }
}

const cfFontMeta: ClassMeta = {
  type: "ConditionalRangeFont",
  scalars: { color: (t: CfT) => t.cf.fontColor },
  navs: [],
  alive: cfAlive,
};

export class ConditionalRangeFont extends MemClientObject {
  _meta(): ClassMeta {
    return cfFontMeta;
  }
  get color(): string {
    return this._get("color") as string;
  }
  set color(v: string) {
    this._set("color", v, (t: CfT, value, batch) => {
      const color = normalizeColor(value);
      if (!color) throw invalidArgument("ConditionalRangeFont.color", `'${String(value)}' is not a colour`);
      t.cf.fontColor = color;
      batch.mutated = true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

/** Settings hold JSON: what comes back is a copy, as after a round trip. */
function jsonCopy(v: unknown, location: string): JsonValue {
  if (v === undefined || typeof v === "function" || typeof v === "symbol") throw invalidArgument(location);
  return JSON.parse(JSON.stringify(v)) as JsonValue;
}

const settingCollectionMeta: ClassMeta = {
  type: "SettingCollection",
  scalars: {},
  navs: [],
  items: (wb: MemoryWorkbook, owner) =>
    [...wb.settings.keys()].map((key) => new Setting(owner.context, owner, () => null, { key })),
};

export class SettingCollection extends MemClientObject {
  _meta(): ClassMeta {
    return settingCollectionMeta;
  }
  get items(): Setting[] {
    return this._getItems<Setting>();
  }
  /** Sets or adds the setting. */
  add(key: string, value: unknown): Setting {
    this._call(
      (wb: MemoryWorkbook, batch) => {
        if (typeof key !== "string" || key === "") throw invalidArgument("SettingCollection.add");
        wb.settings.set(key, jsonCopy(value, "SettingCollection.add"));
        batch.mutated = true;
      },
      jsonBytes(key) + jsonBytes(value),
    );
    return new Setting(this.context, this, () => ({ key }));
  }
  getItem(key: string): Setting {
    return new Setting(this.context, this, (wb) => {
      if (!(wb as MemoryWorkbook).settings.has(key)) throw itemNotFound("SettingCollection.getItem");
      return { key };
    });
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, this, (wb) =>
      (wb as MemoryWorkbook).settings.has(key) ? { key } : null,
    );
  }
}

const settingMeta: ClassMeta = {
  type: "Setting",
  scalars: {
    key: (t: SettingT) => t.key,
    value: (t: SettingT, host) => jsonCopy(host.wb.settings.get(t.key), "Setting.value"),
  },
  navs: [],
  alive: (t: SettingT, host) => host.wb.settings.has(t.key),
};

export class Setting extends MemClientObject {
  _meta(): ClassMeta {
    return settingMeta;
  }
  get key(): string {
    return this._get("key") as string;
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (t: SettingT, value, batch) => {
      batch.host.wb.settings.set(t.key, jsonCopy(value, "Setting.value"));
      batch.mutated = true;
    });
  }
  delete(): void {
    this._call((t: SettingT, batch) => {
      batch.host.wb.settings.delete(t.key);
      batch.mutated = true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Events

/** Office.js EventHandlers: add/remove take effect at the next sync of the owner's context. */
export class EventHandlers {
  constructor(private readonly owner: MemClientObject) {}

  add(handler: (args: unknown) => Promise<unknown>): EventHandlerResult {
    if (typeof handler !== "function") throw invalidArgument("EventHandlers.add");
    const reg: EventRegistration = { owner: this, handler };
    this.owner._call((_t: unknown, batch) => {
      if (batch.host.behaviours.eventRegistrationFails)
        throw new MemoryOfficeError(
          "GeneralException",
          "An internal error has occurred.",
          "EventHandlers.add",
        );
      batch.host.registrations.push(reg);
    });
    return new EventHandlerResult(ctxOf(this.owner), this, handler);
  }

  remove(handler: (args: unknown) => Promise<unknown>): void {
    this.owner._call((_t: unknown, batch) => {
      const regs = batch.host.registrations;
      for (let i = regs.length - 1; i >= 0; i--) {
        if (regs[i].owner === this && regs[i].handler === handler) {
          regs.splice(i, 1);
          break;
        }
      }
    });
  }
}

/** Returned by `add`; `remove()` queues on the context the handler was added in. */
export class EventHandlerResult {
  constructor(
    readonly context: MemRequestContext,
    private readonly handlers: EventHandlers,
    private readonly handler: (args: unknown) => Promise<unknown>,
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}

// ---------------------------------------------------------------------------------------------
// Protection (read only: the add-in only asks)

const protectionMeta: ClassMeta = {
  type: "WorksheetProtection",
  scalars: { protected: (t: { get(): boolean }) => t.get() },
  navs: [],
};

/** Worksheet.protection [1.2] and Workbook.protection [1.7]: `protected` only. */
export class ProtectionState extends MemClientObject {
  _meta(): ClassMeta {
    return protectionMeta;
  }
  get protected(): boolean {
    return this._get("protected") as boolean;
  }
}
