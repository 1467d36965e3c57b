/**
 * The 插入 tab's behaviour without React: it reads the workbook and the selection, keeps the
 * choices (form, 二级 group, 指标库 entry), previews the plans and applies them through the host,
 * then has the PaneController check again. Every host call is caught: a failure becomes the pane's
 * error status, never an exception out of a handler. Components read the state with
 * useSyncExternalStore(subscribe, getState).
 */
import {
  completeStructure,
  formChoices,
  groupChoices,
  insertIndicatorRow,
  libraryChoices,
  newProjectSheet,
  planIndicatorRow,
  planLocation,
  planProjectSheet,
  planStructure,
  prepareInsertion,
  type FormChoice,
  type GroupChoice,
  type InsertErrorKind,
  type LibraryChoice,
  type NewSheetPreview,
  type Planned,
  type Prepared,
} from "../app/insert";
import { parseA1 } from "../engine/address";
import { level2Display, type Level2 } from "../engine/vocabulary";
import type { WorkbookHost } from "../hosts/host";
import type { Lang } from "../core";
import type { RowInsertPlan } from "../template/types";
import type { PaneState, StatusIntent, StatusSource } from "./controller";
import { reasonOf } from "./view-model";
import { t, render, type MessageId, type ArgsOf } from "../messages";

/** What the insert controller needs of the pane: the re-check and the status bar. */
export interface PaneLink {
  checkAfterChange(): Promise<void>;
  notify(intent: StatusIntent, text: string, source: StatusSource): void;
  /** Removes the status if it is an error the given action set. */
  clearErrorOf(source: StatusSource): void;
  getState(): PaneState;
}

export type InsertMessageKind =
  | "no-forms"
  | "no-selection"
  | "selection-failed"
  | "outside-form"
  | "no-table"
  | "no-group"
  | "outside-group"
  | "form-gone";

/** The message bar of the insert tab: why an action cannot go ahead, or what to do first. */
export interface InsertMessage {
  kind: InsertMessageKind;
  intent: "info" | "warning";
  text: string;
}

export type InsertAction = "row" | "structure" | "sheet";

export interface InsertState {
  /** Reading the workbook and the selection. */
  preparing: boolean;
  prepared: Prepared | null;
  forms: FormChoice[];
  formIndex: number | null;
  /** The groups of the chosen form. */
  groups: GroupChoice[];
  level2: Level2 | null;
  query: string;
  /** The 指标库 entries of the chosen group that match the query (budget filled in). */
  library: LibraryChoice[];
  /** The chosen entry's name; null for a blank row. */
  entryName: string | null;
  /** The row plan for the current choices (null until a form and a group are chosen). */
  rowPlan: Planned<RowInsertPlan> | null;
  /** The 补全标准结构 preview, once asked for. */
  structure: Planned<RowInsertPlan> | null;
  /** The 新建项目表 preview, once asked for. */
  newSheet: NewSheetPreview | null;
  applying: InsertAction | null;
  message: InsertMessage | null;
}

export const INITIAL_INSERT_STATE: InsertState = {
  preparing: false,
  prepared: null,
  forms: [],
  formIndex: null,
  groups: [],
  level2: null,
  query: "",
  library: [],
  entryName: null,
  rowPlan: null,
  structure: null,
  newSheet: null,
  applying: null,
  message: null,
};

export class InsertController {
  private state: InsertState = INITIAL_INSERT_STATE;
  private readonly listeners = new Set<() => void>();
  /** A message from the last apply (e.g. the form is gone); cleared by the next choice. */
  private notice: InsertMessage | null = null;
  private preparing: Promise<void> | null = null;

  constructor(
    readonly host: WorkbookHost,
    readonly lang: Lang,
    private readonly pane: PaneLink,
  ) {}

  // ---- store -----------------------------------------------------------------------------

  readonly getState = (): InsertState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Sets the patch, recomputes what follows from the choices, and tells the listeners. */
  private set(patch: Partial<InsertState>): void {
    this.state = derive({ ...this.state, ...patch }, this.lang, this.notice, this.state);
    for (const l of [...this.listeners]) l();
  }

  private t<Id extends MessageId>(id: Id, ...args: ArgsOf<Id>): string {
    return t(id, this.lang, ...args);
  }

  private fail(id: MessageId, err: unknown): void {
    this.pane.notify(
      "error",
      render({ messageId: id, args: { reason: reasonOf(err, this.lang) } }, this.lang),
      "insert",
    );
  }

  // ---- reading -----------------------------------------------------------------------------

  /**
   * Reads the workbook and the selection; the form and group default to those around the selected
   * cell (else the form chosen before stays chosen, when it is still there). Never rejects.
   */
  prepare(): Promise<void> {
    if (this.preparing) return this.preparing;
    this.preparing = (async () => {
      this.set({ preparing: true });
      try {
        const prepared = await prepareInsertion(this.host);
        this.notice = null;
        this.adopt(prepared);
        this.pane.clearErrorOf("insert");
      } catch (err) {
        this.fail("insert.readFailed", err);
      } finally {
        this.preparing = null;
        this.set({ preparing: false });
      }
    })();
    return this.preparing;
  }

  /** Takes a fresh read: the defaults of the selection, else the earlier choices where still valid. */
  private adopt(prepared: Prepared): void {
    const forms = formChoices(prepared.model);
    const prev = this.state.formIndex !== null ? this.state.forms[this.state.formIndex] : undefined;
    let formIndex = prepared.defaultFormIndex;
    if (formIndex === null && prev) {
      const again = forms.find((f) => f.sheet === prev.sheet && f.name === prev.name && f.kind === prev.kind);
      formIndex = again ? again.index : null;
    }
    let level2 = prepared.defaultFormIndex !== null ? prepared.defaultLevel2 : null;
    if (level2 === null && formIndex !== null) level2 = this.keptLevel2(prepared, formIndex);
    this.set({
      prepared,
      forms,
      formIndex,
      level2,
      entryName: this.state.level2 === level2 ? this.state.entryName : null,
      structure: null,
      newSheet: null,
    });
  }

  /** The group chosen before, when the form has it. */
  private keptLevel2(prepared: Prepared, formIndex: number): Level2 | null {
    const l2 = this.state.level2;
    const form = prepared.model.forms[formIndex];
    return l2 && form && groupChoices(form).some((g) => g.level2 === l2 && g.present) ? l2 : null;
  }

  // ---- choices -----------------------------------------------------------------------------

  chooseForm(index: number | null): void {
    const prepared = this.state.prepared;
    if (!prepared || (index !== null && !prepared.model.forms[index])) return;
    this.notice = null;
    const level2 = index === null ? null : this.keptLevel2(prepared, index);
    this.set({
      formIndex: index,
      level2,
      entryName: level2 === this.state.level2 ? this.state.entryName : null,
      structure: null,
    });
  }

  chooseLevel2(level2: Level2 | null): void {
    this.notice = null;
    this.set({ level2, entryName: level2 === this.state.level2 ? this.state.entryName : null });
  }

  search(query: string): void {
    this.set({ query });
  }

  /** Chooses a 指标库 entry of the current group by name; null for a blank row. */
  chooseEntry(name: string | null): void {
    this.notice = null;
    this.set({ entryName: name });
  }

  // ---- 插入指标行 ----------------------------------------------------------------------------

  /** Inserts the row previewed; resolves true when inserted. Never rejects. */
  async insertRow(): Promise<boolean> {
    const { prepared, formIndex, level2, applying, rowPlan } = this.state;
    if (!prepared || formIndex === null || level2 === null || applying || !rowPlan?.ok) return false;
    const entry = chosenEntry(this.state);
    const form = prepared.model.forms[formIndex];
    this.set({ applying: "row" });
    try {
      const result = await insertIndicatorRow(this.host, prepared, formIndex, level2, entry?.entry);
      if (!result.ok) {
        this.afterRefusal(result.error, form?.displayName ?? "", level2);
        return false;
      }
      const { sheet, cell } = planLocation(result.plan);
      const where = { sheet, cell };
      const args = { form: form?.displayName ?? "", level2: level2Display(level2), ...where };
      const done = entry
        ? this.t("insert.rowInserted", { ...args, name: entry.entry.name })
        : this.t("insert.blankInserted", args);
      await this.afterChange(done);
      this.set({ entryName: null, query: "" });
      return true;
    } catch (err) {
      this.fail("insert.insertFailed", err);
      return false;
    } finally {
      this.set({ applying: null });
    }
  }

  // ---- 补全标准结构 --------------------------------------------------------------------------

  /** Shows what 补全标准结构 would add to the chosen form. */
  previewStructure(): void {
    const { prepared, formIndex } = this.state;
    if (!prepared || formIndex === null) return;
    this.set({ structure: planStructure(prepared, formIndex) });
  }

  cancelStructure(): void {
    this.set({ structure: null });
  }

  /** Adds the missing 二级 rows; resolves true when inserted. Never rejects. */
  async applyStructure(): Promise<boolean> {
    const { prepared, formIndex, applying } = this.state;
    if (!prepared || formIndex === null || applying) return false;
    const form = prepared.model.forms[formIndex];
    this.set({ applying: "structure" });
    try {
      const result = await completeStructure(this.host, prepared, formIndex);
      if (!result.ok) {
        if (result.error === "complete") this.set({ structure: result });
        else this.afterRefusal(result.error, form?.displayName ?? "", null);
        return false;
      }
      const missing = form ? groupChoices(form).filter((g) => !g.present) : [];
      const names = (
        missing.length === result.plan.preview.length
          ? missing.map((g) => level2Display(g.level2))
          : result.plan.preview
      ).join(this.t("terms.listSeparator"));
      const done = this.t("insert.structureInserted", {
        form: form?.displayName ?? "",
        count: result.plan.preview.length,
        names,
      });
      await this.afterChange(done);
      return true;
    } catch (err) {
      this.fail("insert.insertFailed", err);
      return false;
    } finally {
      this.set({ applying: null });
    }
  }

  // ---- 新建项目表 ----------------------------------------------------------------------------

  previewNewSheet(): void {
    const prepared = this.state.prepared;
    if (!prepared) return;
    this.set({ newSheet: planProjectSheet(prepared) });
  }

  cancelNewSheet(): void {
    this.set({ newSheet: null });
  }

  /** Adds the project sheet; resolves true when added. Never rejects. */
  async applyNewSheet(): Promise<boolean> {
    const { prepared, applying } = this.state;
    if (!prepared || applying) return false;
    this.set({ applying: "sheet" });
    try {
      const added = await newProjectSheet(this.host, prepared);
      await this.afterChange(this.t("insert.sheetAdded", { sheet: added.sheetName }));
      return true;
    } catch (err) {
      this.fail("insert.sheetFailed", err);
      return false;
    } finally {
      this.set({ applying: null });
    }
  }

  // ---- after an action ---------------------------------------------------------------------

  /** Checks again, says what was done (and whether the check failed), and reads the new state. */
  private async afterChange(done: string): Promise<void> {
    await this.pane.checkAfterChange();
    const status = this.pane.getState().status;
    if (status?.intent === "error" && status.source === "check") {
      this.pane.notify("warning", this.t("insert.checkAfterFailed", { done, check: status.text }), "insert");
    } else {
      this.pane.notify("success", done, "insert");
    }
    this.notice = null;
    // The host selected the new cell: the defaults follow it.
    await this.prepareKeepingStatus();
  }

  /** prepare(), but a read failure after a done insertion does not hide the success status. */
  private async prepareKeepingStatus(): Promise<void> {
    try {
      const prepared = await prepareInsertion(this.host);
      this.adopt(prepared);
    } catch {
      // The pane still shows the earlier read; 按当前选区刷新 reads again.
    }
  }

  /** The workbook changed under a preview: say so and read it again. */
  private afterRefusal(error: InsertErrorKind, form: string, level2: Level2 | null): void {
    const l2 = level2 ? level2Display(level2) : "";
    const message: Record<InsertErrorKind, InsertMessage | null> = {
      "no-form": { kind: "form-gone", intent: "warning", text: this.t("insert.formGone", { form }) },
      "no-table": { kind: "no-table", intent: "warning", text: this.t("insert.noTable", { form }) },
      "no-group": {
        kind: "no-group",
        intent: "warning",
        text: this.t("insert.noGroup", { form, level2: l2 }),
      },
      "outside-group": {
        kind: "outside-group",
        intent: "warning",
        text: this.t("insert.outsideGroup", { level2: l2 }),
      },
      complete: null,
    };
    this.notice = message[error];
    void this.prepareKeepingStatus().then(() => this.set({}));
  }
}

// ---- derived state -----------------------------------------------------------------------------

function chosenEntry(s: InsertState): LibraryChoice | undefined {
  if (s.entryName === null || s.level2 === null || s.formIndex === null || !s.prepared) return undefined;
  const form = s.prepared.model.forms[s.formIndex];
  return libraryChoices(form, s.level2, "").find((c) => c.entry.name === s.entryName);
}

/**
 * Groups, library, row plan and message from the choices. Pure. With `prev`, the row plan is kept
 * when the read and the choices it depends on are the same (typing a search does not re-plan).
 */
export function derive(
  s: InsertState,
  lang: Lang,
  notice: InsertMessage | null,
  prev?: InsertState,
): InsertState {
  const prepared = s.prepared;
  const form = prepared && s.formIndex !== null ? prepared.model.forms[s.formIndex] : undefined;
  const groups = form ? groupChoices(form) : [];
  const level2 = s.level2 && groups.some((g) => g.level2 === s.level2) ? s.level2 : null;
  const library = form && level2 ? libraryChoices(form, level2, s.query) : [];
  const base = { ...s, groups, level2, library };
  const entryName = base.entryName !== null && chosenEntry(base) ? base.entryName : null;
  const entry = chosenEntry({ ...base, entryName });
  const same =
    prev !== undefined &&
    prev.prepared === prepared &&
    prev.formIndex === s.formIndex &&
    prev.level2 === level2 &&
    prev.entryName === entryName;
  const rowPlan = same
    ? prev.rowPlan
    : prepared && form && level2 && s.formIndex !== null
      ? planIndicatorRow(prepared, s.formIndex, level2, entry?.entry)
      : null;
  const next = { ...base, entryName, rowPlan };
  return { ...next, message: notice ?? contextMessage(next, lang) };
}

/** What the user should know before inserting: no selection, not in a form, no table, no group. */
function contextMessage(s: InsertState, lang: Lang): InsertMessage | null {
  const prepared = s.prepared;
  if (!prepared) return null;
  const tx = <Id extends MessageId>(id: Id, ...args: ArgsOf<Id>) => t(id, lang, ...args);
  if (prepared.model.forms.length === 0)
    return { kind: "no-forms", intent: "info", text: tx("insert.noForms") };
  if (s.formIndex === null) {
    if (prepared.selectionError)
      return {
        kind: "selection-failed",
        intent: "warning",
        text: tx("insert.selectionFailed", { reason: reasonOf(prepared.selectionError, lang) }),
      };
    const sel = prepared.selection;
    if (!sel || !parseA1(sel.cell))
      return { kind: "no-selection", intent: "info", text: tx("insert.noSelection") };
    return {
      kind: "outside-form",
      intent: "warning",
      text: tx("insert.outsideForm", { cell: `${sel.sheet}!${sel.cell}` }),
    };
  }
  const form = prepared.model.forms[s.formIndex];
  if (form && !form.indicatorHeader)
    return { kind: "no-table", intent: "warning", text: tx("insert.noTable", { form: form.displayName }) };
  if (form && s.rowPlan && !s.rowPlan.ok && s.level2) {
    const args = { form: form.displayName, level2: level2Display(s.level2) };
    if (s.rowPlan.error === "no-table")
      return { kind: "no-table", intent: "warning", text: tx("insert.noTable", args) };
    if (s.rowPlan.error === "no-group")
      return { kind: "no-group", intent: "warning", text: tx("insert.noGroup", args) };
    if (s.rowPlan.error === "outside-group")
      return { kind: "outside-group", intent: "warning", text: tx("insert.outsideGroup", args) };
  }
  return null;
}
