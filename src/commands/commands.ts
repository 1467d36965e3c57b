/**
 * The ribbon's 检查表格 button (ExecuteFunction): runs the full check and paints the marks without
 * opening the pane, then says what it found — the counts, or why it failed — in a small dialog
 * (DialogApi 1.1, guarded). Success and failure no longer look the same.
 */
import { markNotes, runCheck } from "../app/run-check";
import { createExcelHost, officeRun } from "../hosts/excel/excel-host";
import type { Lang } from "../core";
import { type Feedback, failureFeedback, feedbackHash, successFeedback } from "./feedback";
import { t, render } from "../messages";

function langOf(): Lang {
  const d = Office.context?.displayLanguage;
  return d && !d.toLowerCase().startsWith("zh") ? "en" : "zh";
}

/** The dialog page next to this function file (dist/addin/dialog.html). */
export function dialogUrl(feedback: Feedback, base: string = window.location.href): string {
  return new URL(`dialog.html${feedbackHash(feedback)}`, base).toString();
}

/** Shows the feedback; resolves when the dialog is open (or could not be), never rejects. */
export function showFeedback(feedback: Feedback): Promise<void> {
  return new Promise((resolve) => {
    if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) {
      console.warn(feedback.text);
      resolve();
      return;
    }
    Office.context.ui.displayDialogAsync(
      dialogUrl(feedback),
      { height: 25, width: 30, displayInIframe: true },
      (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        } else {
          console.warn(feedback.text);
        }
        resolve();
      },
    );
  });
}

export async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf();
  let feedback: Feedback;
  try {
    const host = createExcelHost({
      run: officeRun,
      isSetSupported: (n, v) => Office.context.requirements.isSetSupported(n, v),
      lang,
    });
    const run = await runCheck(host, lang);
    const notes = markNotes(run.marks).map((n) => render(n, lang));
    feedback = successFeedback(run.view.counts, lang, notes);
  } catch (e) {
    feedback = failureFeedback(e instanceof Error ? e.message : String(e), lang);
    console.error(t("app.failed", lang, { reason: feedback.text }));
  }
  try {
    await showFeedback(feedback);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  // Older Office versions look the function up on the global object; newer ones use associate().
  (globalThis as unknown as Record<string, unknown>).checkWorkbook = checkWorkbook;
  void Office.onReady(() => {
    Office.actions?.associate("checkWorkbook", checkWorkbook);
  });
}
