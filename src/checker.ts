/**
 * The engine's front door: snapshot in, model and diagnostics out. Pure; every host calls this.
 */
import { toA1 } from "./engine/address";
import type { WorkbookModel } from "./engine/model";
import { readWorkbook } from "./engine/read-forms";
import type { WorkbookSnapshot } from "./engine/snapshot";
import { ALL_RULES } from "./rules";
import type { CheckOptions, Diagnostic, Rule, Severity } from "./rules/types";

export interface CheckResult {
  model: WorkbookModel;
  diagnostics: Diagnostic[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function checkModel(
  model: WorkbookModel,
  options: CheckOptions = {},
  rules: readonly Rule[] = ALL_RULES,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === "off") continue;
    rule.check({
      model,
      options,
      report(r) {
        const cell = toA1(r.ref.row, r.ref.col);
        const key = `${rule.meta.id}|${r.messageId}|${r.ref.sheet}|${cell}`;
        if (seen.has(key)) return; // one fault, one finding
        seen.add(key);
        diagnostics.push({
          rule: rule.meta.id,
          severity: setting ?? r.severity ?? rule.meta.severity,
          category: rule.meta.category,
          sheet: r.ref.sheet,
          cell,
          row: r.ref.row,
          col: r.ref.col,
          related: (r.related ?? []).map((x) => ({ sheet: x.sheet, cell: toA1(x.row, x.col) })),
          messageId: r.messageId,
          args: r.args ?? {},
          formIndex: formIndexOf(model, r.ref.sheet, r.ref.row),
          ...(r.sum ? { sum: r.sum } : {}),
        });
      },
    });
  }
  const sheetOrder = new Map<string, number>();
  model.forms.forEach((f) => sheetOrder.has(f.sheet) || sheetOrder.set(f.sheet, sheetOrder.size));
  return diagnostics.sort(
    (a, b) =>
      (a.formIndex ?? -1) - (b.formIndex ?? -1) ||
      (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
      a.row - b.row ||
      a.col - b.col ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const model = readWorkbook(snapshot, { templates: options.templates });
  return { model, diagnostics: checkModel(model, options) };
}

function formIndexOf(model: WorkbookModel, sheet: string, row: number): number | null {
  const i = model.forms.findIndex((f) => f.sheet === sheet && row >= f.range.top && row <= f.range.bottom);
  return i >= 0 ? i : null;
}
