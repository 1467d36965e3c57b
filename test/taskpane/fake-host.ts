/**
 * A WorkbookHost over an in-memory snapshot for the task pane's tests: it records every call,
 * keeps the marks, explanations and reports written, can be told to fail or to hold a call, and
 * can simulate a user edit. Template edits are applied to the snapshot as plans say
 * (applyPlanToSnapshot) and recorded; the active cell is settable and follows the plans.
 */
import { toA1 } from "../../src/engine/address";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import type {
  CellMark,
  EditsOutcome,
  Explanation,
  HostInfo,
  MarksOutcome,
  ReportSheetPlan,
  WorkbookHost,
} from "../../src/hosts/host";
import type { CellAddress, CellEdit, Lang } from "../../src/core";
import { applyToSnapshot } from "../../src/app/fixes";
import { applyPlanToSnapshot } from "../../src/template/plans";
import type { NewSheetPlan, RowInsertPlan } from "../../src/template/types";

export type HostMethod = keyof WorkbookHost;

export interface HostCall {
  method: HostMethod;
  args: unknown[];
}

export interface FakeHostOptions {
  lang?: Lang;
  changeEvents?: boolean;
  /** Excel keeps undo across the add-in's writes (ExcelApi 1.20); default true. */
  undoPreserved?: boolean;
  explanations?: Explanation[];
  /** The active cell at the start. */
  activeCell?: CellAddress | null;
}

export class FakeHost implements WorkbookHost {
  readonly calls: HostCall[] = [];
  /** The marks on the workbook now. */
  marks: CellMark[] = [];
  /** The explanations stored in the workbook now. */
  explanations: Explanation[];
  readonly reports: ReportSheetPlan[] = [];
  selection: { target: CellAddress; related: CellAddress[] } | null = null;
  /** The active cell getSelection() returns; select() and the template edits move it. */
  activeCell: CellAddress | null;
  readonly rowInserts: RowInsertPlan[] = [];
  readonly addedSheets: NewSheetPlan[] = [];
  /** Every batch of fix edits written. */
  readonly editBatches: CellEdit[][] = [];
  readonly listeners = new Set<(sheet: string) => void>();
  private readonly failures = new Map<HostMethod, { error: unknown; once: boolean }>();
  private readonly holds = new Map<HostMethod, Promise<void>>();

  constructor(
    public snapshot: WorkbookSnapshot,
    private readonly options: FakeHostOptions = {},
  ) {
    this.explanations = [...(options.explanations ?? [])];
    this.activeCell = options.activeCell ?? null;
  }

  /** Makes the method reject with `error` (every time, or only the next time). */
  fail(method: HostMethod, error: unknown = new Error(`${method} failed`), once = true): void {
    this.failures.set(method, { error, once });
  }

  /** Makes the method wait until the returned function is called. */
  hold(method: HostMethod): () => void {
    let release!: () => void;
    this.holds.set(
      method,
      new Promise<void>((resolve) => {
        release = () => {
          this.holds.delete(method);
          resolve();
        };
      }),
    );
    return release;
  }

  /** A user edit: optionally a new snapshot, then the listeners hear the sheet's name. */
  edit(sheet: string, snapshot?: WorkbookSnapshot): void {
    if (snapshot) this.snapshot = snapshot;
    for (const l of [...this.listeners]) l(sheet);
  }

  count(method: HostMethod): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private async enter(method: HostMethod, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    const hold = this.holds.get(method);
    if (hold) await hold;
    const failure = this.failures.get(method);
    if (failure) {
      if (failure.once) this.failures.delete(method);
      throw failure.error;
    }
  }

  info(): HostInfo {
    return {
      kind: "memory",
      lang: this.options.lang ?? "zh",
      capabilities: {
        mergedAreas: true,
        changeEvents: this.options.changeEvents ?? true,
        undoPreserved: this.options.undoPreserved ?? true,
      },
    };
  }

  async read(): Promise<WorkbookSnapshot> {
    await this.enter("read", []);
    return this.snapshot;
  }

  async applyMarks(marks: CellMark[]): Promise<MarksOutcome> {
    await this.enter("applyMarks", [marks]);
    this.marks = [...marks];
    return { marked: marks.length, rulesWritten: marks.length, skipped: [], truncated: 0 };
  }

  async clearMarks(): Promise<number> {
    await this.enter("clearMarks", []);
    const n = this.marks.length;
    this.marks = [];
    return n;
  }

  async select(target: CellAddress, related: CellAddress[]): Promise<void> {
    await this.enter("select", [target, related]);
    this.selection = { target, related };
    this.activeCell = target;
  }

  async loadExplanations(): Promise<Explanation[]> {
    await this.enter("loadExplanations", []);
    return this.explanations.map((e) => ({ ...e }));
  }

  async saveExplanation(key: string, explanation: Explanation | null): Promise<void> {
    await this.enter("saveExplanation", [key, explanation]);
    this.explanations = this.explanations.filter((e) => e.key !== key);
    if (explanation) this.explanations.push({ ...explanation });
  }

  async writeReport(plan: ReportSheetPlan): Promise<string> {
    await this.enter("writeReport", [plan]);
    this.reports.push(plan);
    return plan.sheetName;
  }

  async onUserEdit(listener: (sheet: string) => void): Promise<() => Promise<void>> {
    await this.enter("onUserEdit", []);
    // One registration each call, as Office.js event handlers are.
    const registration = (sheet: string) => listener(sheet);
    this.listeners.add(registration);
    return async () => {
      this.listeners.delete(registration);
    };
  }

  async getSelection(): Promise<CellAddress | null> {
    await this.enter("getSelection", []);
    return this.activeCell;
  }

  async applyRowInsert(plan: RowInsertPlan): Promise<void> {
    await this.enter("applyRowInsert", [plan]);
    this.snapshot = applyPlanToSnapshot(this.snapshot, plan);
    this.rowInserts.push(plan);
    this.activeCell = { sheet: plan.sheet, cell: toA1(plan.select.row, plan.select.col) };
  }

  async addSheet(plan: NewSheetPlan): Promise<void> {
    await this.enter("addSheet", [plan]);
    this.snapshot = applyPlanToSnapshot(this.snapshot, plan);
    this.addedSheets.push(plan);
    const first = plan.layouts[0];
    this.activeCell = {
      sheet: plan.sheetName,
      cell: first ? toA1(first.origin.row, first.origin.col) : "A1",
    };
  }

  async applyEdits(edits: readonly CellEdit[]): Promise<EditsOutcome> {
    await this.enter("applyEdits", [edits]);
    const result = applyToSnapshot(this.snapshot, edits);
    if (result.refused.length) return { written: 0, refused: result.refused };
    this.snapshot = result.snapshot;
    this.editBatches.push([...edits]);
    return { written: edits.length, refused: [] };
  }
}
