/**
 * Change events: a user's edit schedules a re-check; the add-in's own writes (marks, which are
 * format changes and fire onChanged too, the report sheet, inserted rows, new sheets) must not.
 * ExcelApi 1.14 says who wrote (triggerSource); before it, the sheets being written are known
 * (OwnWrites) and their events in a short window after the write are ignored.
 */
import type { Core } from "./common";

export function createEvents(core: Core) {
  return {
    async onUserEdit(listener: (sheet: string) => void): Promise<() => Promise<void>> {
      const handler = await core.run(async (context) => {
        const h = context.workbook.worksheets.onChanged.add(async (event) => {
          // WorksheetChangedEventArgs.triggerSource is ExcelApi 1.14.
          const trigger = core.api("1.14") ? event.triggerSource : undefined;
          if (trigger === "ThisLocalAddin") return;
          if (event.source !== "Local") return;
          const name = core.sheetNames.get(event.worksheetId);
          if (!name) return;
          // Without triggerSource (before ExcelApi 1.14): the sheets we are writing, for a moment.
          if (trigger === undefined && core.own.isOwn(name)) return;
          listener(name);
        });
        await context.sync();
        return h;
      });
      return async () => {
        handler.remove();
        await handler.context.sync();
      };
    },
  };
}
