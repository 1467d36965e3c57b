/**
 * The pane's one-click fixes (issue 13) without React: the preview open on a finding, the confirmation
 * of 全部安全修正, and applying through the host in one batch (WorkbookHost.applyEdits), then checking
 * again. Every host call is caught: a failure or a refusal (a cell changed since the check, a formula,
 * a protected sheet) becomes the pane's status, and the pane checks again so the preview is fresh.
 */
import type { Finding } from "../app/findings";
import { collectEdits, offeredFixes, type OfferedFix } from "../app/fixes";
import type { EditsOutcome, WorkbookHost } from "../hosts/host";
import type { CellEdit, Lang } from "../core";
import type { PaneLink } from "./insert-controller";
import { reasonOf } from "./view-model";
import { t, render, type MessageId } from "../messages";

export interface FixState {
  /** The finding whose fix preview is open. */
  previewKey: string | null;
  /** The confirmation of 全部安全修正 is open. */
  confirmingAll: boolean;
  /** A batch is being written. */
  applying: boolean;
}

export const INITIAL_FIX_STATE: FixState = { previewKey: null, confirmingAll: false, applying: false };

const REFUSED: Record<EditsOutcome["refused"][number]["reason"], MessageId> = {
  changed: "fixes.refusedChanged",
  formula: "fixes.refusedFormula",
  protected: "fixes.refusedProtected",
  missing: "fixes.refusedMissing",
};

export class FixController {
  private state: FixState = INITIAL_FIX_STATE;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly host: WorkbookHost,
    readonly lang: Lang,
    private readonly pane: PaneLink,
  ) {}

  readonly getState = (): FixState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(patch: Partial<FixState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  /** Every safe fix of the pane's findings now (what 全部安全修正 applies), conflicts left out. */
  safeFixes(): { chosen: OfferedFix[]; edits: CellEdit[]; conflicts: number } {
    const findings = this.pane.getState().view?.findings ?? [];
    const { edits, applied, conflicts } = collectEdits(offeredFixes(findings, "safe"));
    return { chosen: applied, edits, conflicts: conflicts.length };
  }

  openPreview(key: string): void {
    this.set({ previewKey: key, confirmingAll: false });
  }

  closePreview(): void {
    if (this.state.previewKey !== null) this.set({ previewKey: null });
  }

  confirmAll(): void {
    this.set({ confirmingAll: true, previewKey: null });
  }

  cancelAll(): void {
    if (this.state.confirmingAll) this.set({ confirmingAll: false });
  }

  /** Applies one fix of a finding (its index in `finding.fixes`); resolves true when written. */
  applyFix(finding: Finding, index: number): Promise<boolean> {
    const fix = finding.fixes?.[index];
    if (!fix) return Promise.resolve(false);
    return this.write(fix.edits, 0);
  }

  /** Applies every safe fix (one batch); resolves true when written. */
  applyAllSafe(): Promise<boolean> {
    const { edits, conflicts } = this.safeFixes();
    if (edits.length === 0) {
      this.set({ confirmingAll: false });
      return Promise.resolve(false);
    }
    return this.write(edits, conflicts);
  }

  private async write(edits: readonly CellEdit[], conflicts: number): Promise<boolean> {
    if (this.state.applying) return false;
    this.set({ applying: true });
    try {
      let outcome: EditsOutcome;
      try {
        outcome = await this.host.applyEdits(edits);
      } catch (err) {
        this.pane.notify("error", t("fixes.failed", this.lang, { reason: reasonOf(err, this.lang) }), "fix");
        return false;
      }
      if (outcome.refused.length > 0) {
        const first = outcome.refused[0].reason;
        const cells = outcome.refused
          .filter((r) => r.reason === first)
          .map((r) => `${r.edit.sheet}!${r.edit.cell}`)
          .join(t("terms.listSeparator", this.lang));
        // The preview was made from an older read: check again so what is shown is what is there.
        await this.pane.checkAfterChange();
        this.pane.notify("warning", render({ messageId: REFUSED[first], args: { cells } }, this.lang), "fix");
        return false;
      }
      this.set({ previewKey: null, confirmingAll: false });
      const cells = new Set(edits.map((e) => `${e.sheet}!${e.cell}`)).size;
      let done = t("fixes.applied", this.lang, { cells });
      if (conflicts > 0) done += t("fixes.conflicts", this.lang, { count: conflicts });
      await this.pane.checkAfterChange();
      const status = this.pane.getState().status;
      if (status?.intent === "error" && status.source === "check")
        this.pane.notify(
          "warning",
          t("fixes.checkAfterFailed", this.lang, { done, check: status.text }),
          "fix",
        );
      else this.pane.notify("success", done, "fix");
      return true;
    } finally {
      this.set({ applying: false });
    }
  }
}
