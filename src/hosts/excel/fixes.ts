/**
 * Writing fixes' cell edits (issue 13) through Office.js in one batch: 3 round trips whatever the number
 * of edits — the sheets (and their protection), every cell's value and formula, then the write.
 * Nothing is written when any cell changed since the check (its value is not the edit's `before`),
 * holds a formula, or is on a protected or missing sheet.
 */
import { sameValue } from "../../engine/edits";
import { typedValue } from "../../app/fixes";
import type { CellEdit } from "../../core";
import type { EditsOutcome } from "../host";
import type { Core } from "./common";

export function createFixWrites(core: Core) {
  return {
    async applyEdits(edits: readonly CellEdit[]): Promise<EditsOutcome> {
      if (edits.length === 0) return { written: 0, refused: [] };
      return core.run(async (context) => {
        const sheets = new Map<string, Excel.Worksheet>();
        for (const e of edits) {
          if (sheets.has(e.sheet)) continue;
          const ws = context.workbook.worksheets.getItemOrNullObject(e.sheet);
          ws.load("name,protection/protected");
          sheets.set(e.sheet, ws);
        }
        await context.sync();
        const cells = edits.map((e) => {
          const ws = sheets.get(e.sheet)!;
          if (ws.isNullObject) return null;
          const r = ws.getRange(e.cell);
          r.load("values,formulas");
          return r;
        });
        // A missing sheet (renamed or deleted since the check): nothing is written.
        const missing = edits.filter((_e, i) => cells[i] === null);
        if (missing.length)
          return { written: 0, refused: missing.map((edit) => ({ edit, reason: "missing" as const })) };
        await context.sync();
        const refused: EditsOutcome["refused"] = [];
        edits.forEach((edit, i) => {
          const ws = sheets.get(edit.sheet)!;
          const r = cells[i]!;
          const formula = r.formulas[0]?.[0];
          if (ws.protection.protected) refused.push({ edit, reason: "protected" });
          else if (typeof formula === "string" && formula.startsWith("="))
            refused.push({ edit, reason: "formula" });
          else if (!sameValue(r.values[0]?.[0] as string | number | null, edit.before))
            refused.push({ edit, reason: "changed" });
        });
        if (refused.length) return { written: 0, refused };
        const written = [...new Set(edits.map((e) => sheets.get(e.sheet)!.name))];
        // Values change: the next re-check reads these sheets again (their events may say "this add-in").
        for (const name of written) core.changes.sheetNamed(name);
        await core.own.around(written, async () => {
          edits.forEach((edit, i) => {
            cells[i]!.values = [[typedValue(edit.after)]];
          });
          await context.sync();
        });
        return { written: edits.length, refused: [] };
      });
    },
  };
}
