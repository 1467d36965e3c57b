/**
 * The ribbon's 检查表格 button (ExecuteFunction): runs the full check and paints the marks without
 * opening the pane, then reports the counts in a notification-style message where supported.
 */
import { ui, UI } from "../app/messages";
import { runCheck } from "../app/run-check";
import { createExcelHost } from "../hosts/excel/excel-host";
import type { Lang } from "../rules/types";

function langOf(): Lang {
  const d = Office.context?.displayLanguage;
  return d && !d.toLowerCase().startsWith("zh") ? "en" : "zh";
}

export async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf();
  try {
    const host = createExcelHost({
      run: (batch) => Excel.run(batch),
      isSetSupported: (n, v) => Office.context.requirements.isSetSupported(n, v),
      lang,
    });
    await runCheck(host, lang);
  } catch (e) {
    // Nothing to show a message in without the pane: leave a trace for the debugger.
    console.error(ui(UI.failed, lang, { reason: e instanceof Error ? e.message : String(e) }));
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
