/**
 * Change events: a user's edit schedules a re-check; the add-in's own writes (marks, which are
 * format changes and may fire onChanged too, the report sheet, inserted rows, new sheets) must not.
 * ExcelApi 1.14 says who wrote (triggerSource); before it, the sheets being written are known
 * (OwnWrites) and their events in a short window after the write are ignored.
 *
 * Every event also marks its sheet changed (core.changes), so that the re-check reads only the
 * sheets named since the last read — a co-author's edit (source "Remote") too, without starting a
 * re-check, and an edit of a sheet added since the last read (named by id until it is read).
 * Events may never come (a pick from a validation list, office-js #420; Text to Columns, #3729; a
 * value a formula recalculates): the re-check also re-reads sheets whose used range moved or whose
 * formulas reach other sheets, and the explicit 检查表格 reads everything.
 */
import type { Core } from "./common";

export function createEvents(core: Core) {
  return {
    async onUserEdit(listener: (sheet: string) => void): Promise<() => Promise<void>> {
      const handler = await core.run(async (context) => {
        const h = context.workbook.worksheets.onChanged.add(async (event) => {
          // WorksheetChangedEventArgs.triggerSource is ExcelApi 1.14.
          const trigger = core.api("1.14") ? event.triggerSource : undefined;
          // The add-in's own value writes mark their sheets themselves (fixes.ts, writes.ts).
          if (trigger === "ThisLocalAddin") return;
          core.changes.sheet(event.worksheetId);
          if (event.source !== "Local") return;
          const name = core.sheetNames.get(event.worksheetId);
          // Without triggerSource (before ExcelApi 1.14): the sheets we are writing, for a moment.
          if (trigger === undefined && name !== undefined && core.own.isOwn(name)) return;
          listener(name ?? event.worksheetId);
        });
        await context.sync();
        return h;
      });
      core.changes.started();
      let stopped = false;
      return async () => {
        if (!stopped) core.changes.stopped();
        stopped = true;
        handler.remove();
        await handler.context.sync();
      };
    },
  };
}
