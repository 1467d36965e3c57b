/**
 * The task pane's behaviour without React: it runs checks, clears marks, exports the report,
 * selects cells, keeps the explanations and re-checks after edits, all through the WorkbookHost.
 * Every host call is caught here: a failure becomes an error status, never an exception out of a
 * handler. Components read the state with useSyncExternalStore(subscribe, getState).
 */
import { reportPlan, type CheckView, type Finding } from "../app/findings";
import {
  markNotes,
  runCheck as defaultRunCheck,
  type CheckRun,
  type RunCheckOptions,
} from "../app/run-check";
import type { Explanation, WorkbookHost } from "../hosts/host";

/** Excel refuses a batch while the user edits a cell (without RunOptions.delayForCellEdit). */
const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";
function errorCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === "string" ? c : undefined;
}
import type { CellAddress, Category, Lang, Severity } from "../core";
import type { Locator } from "../report/label-path";
import {
  applyExplanations,
  DEFAULT_FILTERS,
  explanationsOf,
  mergeExplanations,
  reasonOf,
  upsertExplanation,
  withoutExplanation,
  type Filters,
} from "./view-model";
import { t, render, type MessageId } from "../messages";

export type StatusIntent = "success" | "info" | "warning" | "error";
export type StatusSource =
  "check" | "clear" | "export" | "explanation" | "select" | "watch" | "load" | "insert" | "fix";

export interface PaneStatus {
  intent: StatusIntent;
  text: string;
  /** Which action set it (a later success of the same action removes an error). */
  source: StatusSource;
}

export interface PaneState {
  view: CheckView | null;
  checkedAt: Date | null;
  checking: boolean;
  clearing: boolean;
  exporting: boolean;
  saving: boolean;
  /** An edit was seen after a check; a re-check is scheduled or running. */
  recheckPending: boolean;
  /**
   * The pane is newer than the marks: an automatic re-check on an Excel that clears the undo stack
   * on add-in writes (before ExcelApi 1.20) writes nothing; the next 检查表格 paints the marks.
   */
  marksStale: boolean;
  /** Every explanation stored in the workbook as far as the pane knows (the list it saves). */
  explanations: readonly Explanation[];
  selectedKey: string | null;
  /** The finding whose explanation editor is open. */
  editingKey: string | null;
  filters: Filters;
  status: PaneStatus | null;
  /** Problems with the workbook's configuration setting found by the last check (it then used the defaults). */
  configMessages: readonly string[];
}

export interface ControllerOptions {
  runCheck?: (host: WorkbookHost, lang: Lang, options?: RunCheckOptions) => Promise<CheckRun>;
  now?: () => Date;
  recheckDelayMs?: number;
}

export const RECHECK_DELAY_MS = 1500;

export const INITIAL_STATE: PaneState = {
  view: null,
  checkedAt: null,
  checking: false,
  clearing: false,
  exporting: false,
  saving: false,
  recheckPending: false,
  marksStale: false,
  explanations: [],
  selectedKey: null,
  editingKey: null,
  filters: DEFAULT_FILTERS,
  status: null,
  configMessages: [],
};

export class PaneController {
  private state: PaneState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly runCheckFn: (
    host: WorkbookHost,
    lang: Lang,
    options?: RunCheckOptions,
  ) => Promise<CheckRun>;
  private readonly now: () => Date;
  private readonly delayMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by start() and stop(), so a late subscription from an earlier start is undone. */
  private generation = 0;
  private active = false;
  private unsubscribe: (() => Promise<void>) | null = null;
  private hasChecked = false;
  private rerun = false;
  /** The stored explanations have been read, so `state.explanations` is the whole list. */
  private loaded = false;
  private loading: Promise<void> | null = null;
  private saveQueue: Promise<unknown> = Promise.resolve();
  private workbookName: string | undefined;
  /** Label paths of the last check's findings (the 检查记录 sheet's 指标路径 column). */
  private locate: (() => Locator) | undefined;
  /** The check running now, if any. */
  private running: Promise<void> | null = null;

  constructor(
    readonly host: WorkbookHost,
    readonly lang: Lang,
    options: ControllerOptions = {},
  ) {
    this.runCheckFn = options.runCheck ?? defaultRunCheck;
    this.now = options.now ?? (() => new Date());
    this.delayMs = options.recheckDelayMs ?? RECHECK_DELAY_MS;
  }

  // ---- store -----------------------------------------------------------------------------

  readonly getState = (): PaneState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private setStatus(intent: StatusIntent, text: string, source: StatusSource): void {
    this.set({ status: { intent, text, source } });
  }

  private fail(id: MessageId, err: unknown, source: StatusSource): void {
    this.setStatus(
      "error",
      render({ messageId: id, args: { reason: reasonOf(err, this.lang) } }, this.lang),
      source,
    );
  }

  /** Removes the status if the given action set it. */
  private clearStatusOf(source: StatusSource): void {
    if (this.state.status?.source === source) this.set({ status: null });
  }

  // ---- life cycle --------------------------------------------------------------------------

  /** Subscribes to user edits and reads the stored explanations. Safe to call again after stop(). */
  start(): void {
    const gen = ++this.generation;
    this.active = true;
    this.ensureLoaded().catch((err: unknown) => {
      // In cell-edit mode: the first check loads them.
      if (errorCode(err) !== CELL_EDIT_MODE) this.fail("pane.loadFailed", err, "load");
    });
    if (!this.changeEvents()) return;
    void (async () => {
      try {
        // A fresh listener per start, so undoing an earlier subscription cannot remove this one.
        const unsubscribe = await this.host.onUserEdit(() => this.handleUserEdit());
        if (gen === this.generation && this.active) this.unsubscribe = unsubscribe;
        else await unsubscribe();
      } catch (err) {
        if (gen === this.generation) this.fail("pane.watchFailed", err, "watch");
      }
    })();
  }

  /** Unsubscribes from edits and cancels a scheduled re-check. */
  stop(): void {
    this.generation++;
    this.active = false;
    this.cancelTimer();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    if (unsubscribe) {
      void (async () => {
        try {
          await unsubscribe();
        } catch {
          // The pane is going away; nothing to show it on.
        }
      })();
    }
  }

  private changeEvents(): boolean {
    try {
      return this.host.info().capabilities.changeEvents;
    } catch {
      return true;
    }
  }

  private ensureLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    if (!this.loading) {
      this.loading = (async () => {
        try {
          const stored = await this.host.loadExplanations();
          this.loaded = true;
          const explanations = mergeExplanations(stored, this.state.explanations);
          const view = this.state.view && applyExplanations(this.state.view, explanations);
          this.set({ explanations, view });
          this.clearStatusOf("load");
        } finally {
          this.loading = null;
        }
      })();
    }
    return this.loading;
  }

  // ---- checking ----------------------------------------------------------------------------

  /** Runs a check. `auto` for the re-check after an edit (keeps the status; queues if busy). */
  check(auto = false): Promise<void> {
    if (!auto) this.cancelTimer();
    if (this.state.checking) {
      if (auto) this.rerun = true;
      return Promise.resolve();
    }
    const run = this.runCheck(auto);
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  /**
   * A check after this add-in changed the workbook (an insertion): waits for a check already
   * running (it read the workbook before the change), then checks again. Resolves when done.
   */
  async checkAfterChange(): Promise<void> {
    this.cancelTimer();
    for (let guard = 0; guard < 10 && this.state.checking && this.running; guard++) await this.running;
    await this.check();
  }

  private undoPreserved(): boolean {
    try {
      return this.host.info().capabilities.undoPreserved;
    } catch {
      return false;
    }
  }

  private async runCheck(auto: boolean): Promise<void> {
    this.set({ checking: true, status: auto ? this.state.status : null });
    let retry = false;
    try {
      // Where an add-in write clears the user's undo stack, the re-check after an edit must not
      // write: it updates the pane, the marks follow on the next explicit 检查表格.
      const paint = !auto || this.undoPreserved();
      const run = await this.runCheckFn(this.host, this.lang, { background: auto, marks: paint });
      this.hasChecked = true;
      this.workbookName = run.result.model.name;
      this.locate = run.locate;
      let explanations = this.state.explanations;
      if (!this.loaded) explanations = mergeExplanations(explanationsOf(run.view), explanations);
      const view = applyExplanations(run.view, explanations);
      const keys = new Set(view.findings.map((f) => f.key));
      const keep = (k: string | null) => (k !== null && keys.has(k) ? k : null);
      this.set({
        view,
        explanations,
        checkedAt: this.now(),
        selectedKey: keep(this.state.selectedKey),
        editingKey: keep(this.state.editingKey),
        marksStale: !paint,
        configMessages: run.configMessages ?? [],
      });
      const notes = markNotes(run.marks);
      if (notes.length > 0)
        this.setStatus("warning", notes.map((n) => render(n, this.lang)).join(" "), "check");
      else this.clearStatusOf("check");
    } catch (err) {
      // The user is typing in a cell: Excel refuses the batch. Not a failure: try again shortly.
      if (errorCode(err) === CELL_EDIT_MODE && this.active) retry = true;
      else this.fail("app.failed", err, "check");
    } finally {
      const again = (this.rerun || retry) && this.active;
      this.rerun = false;
      this.set({ checking: false, recheckPending: again || this.timer !== null });
      if (retry) this.scheduleRecheck();
      else if (again) void this.check(true);
    }
  }

  private scheduleRecheck(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check(true);
    }, this.delayMs);
    if (!this.state.recheckPending) this.set({ recheckPending: true });
  }

  private readonly handleUserEdit = (): void => {
    if (!this.active || !this.hasChecked) return;
    this.scheduleRecheck();
  };

  private cancelTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
      if (!this.state.checking && this.state.recheckPending) this.set({ recheckPending: false });
    }
  }

  // ---- marks and report --------------------------------------------------------------------

  async clearMarks(): Promise<void> {
    if (this.state.clearing) return;
    this.set({ clearing: true });
    try {
      const count = await this.host.clearMarks();
      this.setStatus("success", t("app.marksCleared", this.lang, { count }), "clear");
    } catch (err) {
      this.fail("pane.clearFailed", err, "clear");
    } finally {
      this.set({ clearing: false });
    }
  }

  async exportReport(): Promise<void> {
    const view = this.state.view;
    if (!view || this.state.exporting) return;
    this.set({ exporting: true });
    try {
      const plan = reportPlan(view, this.lang, this.now(), this.workbookName, this.locate?.());
      const sheet = await this.host.writeReport(plan);
      this.setStatus("success", t("app.reportWritten", this.lang, { sheet }), "export");
    } catch (err) {
      this.fail("pane.exportFailed", err, "export");
    } finally {
      this.set({ exporting: false });
    }
  }

  // ---- selection ---------------------------------------------------------------------------

  /**
   * Selects the finding's cell with its related cells; with `target` (one of the related cells),
   * selects that cell and shows the finding's cell and the other related cells with it.
   */
  async select(finding: Finding, target?: CellAddress): Promise<void> {
    if (this.state.selectedKey !== finding.key) this.set({ selectedKey: finding.key });
    const own: CellAddress = { sheet: finding.sheet, cell: finding.cell };
    const cell = target ?? own;
    // The host gets addresses only (a related cell's label is for the list).
    const others = finding.related.map(({ sheet, cell }) => ({ sheet, cell }));
    const related = target
      ? [own, ...others.filter((r) => r.sheet !== target.sheet || r.cell !== target.cell)]
      : others;
    try {
      await this.host.select(cell, related);
      this.clearStatusOf("select");
    } catch (err) {
      this.fail("pane.selectFailed", err, "select");
    }
  }

  // ---- filters -----------------------------------------------------------------------------

  toggleSeverity(severity: Severity): void {
    const f = this.state.filters;
    this.set({ filters: { ...f, severities: { ...f.severities, [severity]: !f.severities[severity] } } });
  }

  setCategory(category: Category | "all"): void {
    this.set({ filters: { ...this.state.filters, category } });
  }

  resetFilters(): void {
    this.set({ filters: DEFAULT_FILTERS });
  }

  // ---- explanations ------------------------------------------------------------------------

  startExplaining(key: string): void {
    this.set({ editingKey: key });
  }

  cancelExplaining(): void {
    this.set({ editingKey: null });
  }

  /** Saves (or, for blank text, removes) the explanation; resolves true when written. */
  saveExplanation(key: string, text: string): Promise<boolean> {
    const trimmed = text.trim();
    if (!trimmed) return this.removeExplanation(key);
    const explanation: Explanation = { key, text: trimmed, at: this.now().toISOString() };
    return this.writeExplanations(
      key,
      explanation,
      (list) => upsertExplanation(list, explanation),
      "pane.explanationSaved",
    );
  }

  removeExplanation(key: string): Promise<boolean> {
    return this.writeExplanations(
      key,
      null,
      (list) => withoutExplanation(list, key),
      "pane.explanationRemoved",
    );
  }

  /** Writes one after another, each from the latest list, so two quick saves do not undo each other. */
  private writeExplanations(
    key: string,
    explanation: Explanation | null,
    change: (list: readonly Explanation[]) => Explanation[],
    done: MessageId,
  ): Promise<boolean> {
    const task = this.saveQueue.then(async () => {
      this.set({ saving: true });
      try {
        await this.ensureLoaded();
        // Only this explanation is written (one setting each): a co-author's are kept.
        await this.host.saveExplanation(key, explanation);
        const list = change(this.state.explanations);
        this.set({
          explanations: list,
          view: this.state.view && applyExplanations(this.state.view, list),
          editingKey: this.state.editingKey === key ? null : this.state.editingKey,
          status: { intent: "success", text: render({ messageId: done }, this.lang), source: "explanation" },
        });
        return true;
      } catch (err) {
        this.fail("pane.saveFailed", err, "explanation");
        return false;
      } finally {
        this.set({ saving: false });
      }
    });
    this.saveQueue = task;
    return task;
  }

  /** Shows a status set by another part of the pane (the insert actions). */
  notify(intent: StatusIntent, text: string, source: StatusSource): void {
    this.setStatus(intent, text, source);
  }

  /** Removes the status if it is an error the given action set (a later success of that action). */
  clearErrorOf(source: StatusSource): void {
    if (this.state.status?.source === source && this.state.status.intent === "error")
      this.set({ status: null });
  }

  /** Dismisses the message bar. */
  dismissStatus(): void {
    if (this.state.status) this.set({ status: null });
  }
}
