/**
 * The engine's front door: snapshot in, model and diagnostics out. Pure; every host calls this.
 */
import { toA1 } from "./engine/address";
import { offerableFixes } from "./engine/edits";
import type { WorkbookModel } from "./engine/model";
import { readWorkbook } from "./engine/read-forms";
import type { WorkbookSnapshot } from "./engine/snapshot";
import { ALL_RULES, RULES_BY_ID } from "./rules";
import { resolveSettings } from "./rules/options";
import { SEVERITY_RANK, type Diagnostic } from "./core";
import { defineRule, type CheckOptions, type Rule } from "./rules/types";

/**
 * The checker's own finding: a rule that threw. Each rule runs isolated; a crash discards that
 * rule's findings and becomes one `internal` finding naming the rule, at the first form's origin,
 * while every other rule's findings are still reported. It is catalogued like a rule (metadata,
 * bilingual messages, a table in test/rules/internal.test.ts) but never runs as one: its check
 * reports nothing.
 */
export const INTERNAL_RULE: Rule<"crashed"> = defineRule({
  meta: {
    id: "internal",
    category: "template",
    severity: "error",
    description: {
      zh: "检查程序内部错误：某条规则运行失败，该规则的检查未完成（其他规则照常检查）。",
      en: "Internal error of the checker: a rule failed, its check is incomplete (the other rules still ran).",
    },
    messages: {
      crashed: {
        zh: "规则 {rule} 运行出错，未完成检查：{reason}。请将此文件报告给维护者。",
        en: "The rule {rule} failed and did not finish: {reason}. Please report this file to the maintainers.",
      },
    },
  },
  check() {
    // Reported by checkModel when a rule throws.
  },
});

/** Every catalogued id, the rules and the checker's own `internal`: for rendering messages. */
export const CATALOGUE: readonly Rule[] = [...ALL_RULES, INTERNAL_RULE as Rule];
export const CATALOGUE_BY_ID: ReadonlyMap<string, Rule> = new Map([
  ...RULES_BY_ID,
  [INTERNAL_RULE.meta.id, INTERNAL_RULE as Rule],
]);

export interface CheckResult {
  model: WorkbookModel;
  diagnostics: Diagnostic[];
}

export function checkModel(
  model: WorkbookModel,
  options: CheckOptions = {},
  rules: readonly Rule[] = ALL_RULES,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const formIndexOf = formIndexer(model);
  for (const rule of rules) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === "off") continue;
    const found: Diagnostic[] = [];
    const keys: string[] = [];
    try {
      rule.check({
        model,
        options,
        settings: resolveSettings(rule.meta, options.ruleOptions?.[rule.meta.id]),
        report(r) {
          const cell = toA1(r.ref.row, r.ref.col);
          const key = `${rule.meta.id}|${r.messageId}|${r.ref.sheet}|${cell}`;
          if (seen.has(key)) return; // one fault, one finding
          seen.add(key);
          keys.push(key);
          found.push({
            rule: rule.meta.id,
            severity: setting ?? r.severity ?? rule.meta.severity,
            category: rule.meta.category,
            sheet: r.ref.sheet,
            cell,
            row: r.ref.row,
            col: r.ref.col,
            related: (r.related ?? []).map((x) => ({ sheet: x.sheet, cell: toA1(x.row, x.col) })),
            ...(r.sameFault?.length
              ? { sameFault: r.sameFault.map((x) => ({ sheet: x.sheet, cell: toA1(x.row, x.col) })) }
              : {}),
            messageId: r.messageId,
            args: r.args ?? {},
            formIndex: formIndexOf(r.ref.sheet, r.ref.row),
            ...(r.sum ? { sum: r.sum } : {}),
            ...(r.detail ? { detail: r.detail } : {}),
            ...(r.fixes?.length ? { fixes: r.fixes } : {}),
          });
        },
      });
      diagnostics.push(...found);
    } catch (e) {
      for (const k of keys) seen.delete(k);
      const internal = internalFinding(model, rule.meta.id, e, options);
      if (internal) diagnostics.push(internal);
    }
  }
  const sheetOrder = new Map<string, number>();
  model.forms.forEach((f) => sheetOrder.has(f.sheet) || sheetOrder.set(f.sheet, sheetOrder.size));
  return diagnostics.sort(
    (a, b) =>
      (a.formIndex ?? -1) - (b.formIndex ?? -1) ||
      (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
      a.row - b.row ||
      a.col - b.col ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const model = readWorkbook(snapshot, { templates: options.templates });
  // Fixes are offered only where their edits apply to the cells as read (no formula, no composed value).
  return { model, diagnostics: offerableFixes(snapshot, checkModel(model, options)) };
}

function internalFinding(
  model: WorkbookModel,
  ruleId: string,
  error: unknown,
  options: CheckOptions,
): Diagnostic | null {
  const setting = options.rules?.[INTERNAL_RULE.meta.id];
  if (setting === "off") return null;
  const form = model.forms[0];
  const at = form?.origin ?? { sheet: model.sheetsWithoutForms[0] ?? "", row: 0, col: 0 };
  const raw = error instanceof Error ? error.message || error.name : String(error);
  const reason = raw.replace(/\s+/g, " ").trim().slice(0, 200) || "?";
  return {
    rule: INTERNAL_RULE.meta.id,
    severity: setting ?? INTERNAL_RULE.meta.severity,
    category: INTERNAL_RULE.meta.category,
    sheet: at.sheet,
    cell: toA1(at.row, at.col),
    row: at.row,
    col: at.col,
    related: [],
    messageId: "crashed",
    args: { rule: ruleId, reason },
    formIndex: form ? 0 : null,
  };
}

/**
 * Finds a diagnostic's form by index: the forms of each sheet (in model order), so a lookup looks
 * only at its sheet's forms, not at every form of the workbook. The first form whose rows hold the
 * row wins, as a search of model.forms in order would find.
 */
function formIndexer(model: WorkbookModel): (sheet: string, row: number) => number | null {
  const bySheet = new Map<string, number[]>();
  model.forms.forEach((f, i) => {
    const list = bySheet.get(f.sheet);
    if (list) list.push(i);
    else bySheet.set(f.sheet, [i]);
  });
  return (sheet, row) => {
    for (const i of bySheet.get(sheet) ?? []) {
      const f = model.forms[i];
      if (row >= f.range.top && row <= f.range.bottom) return i;
    }
    return null;
  };
}
