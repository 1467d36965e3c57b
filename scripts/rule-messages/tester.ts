/**
 * Stands in for test/support/rule-tester.ts (see jest.config.js here): instead of asserting, it
 * writes every finding each rule's case table produces — case, cell, message id, and the message
 * and 详情 in zh and en — to $RULE_MESSAGES_DIR/<id>.json (default: the system's temp folder).
 * The help pages quote these messages under 错误示例 / Wrong; when a message is reworded, this shows
 * the new text to quote (test/catalogue.test.ts fails until the page is updated).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkModel } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { formatDetail, formatDiagnostic } from "../../src/rules/format-message";
import type { Diagnostic } from "../../src/core";
import type { Rule } from "../../src/rules/types";

export function runRule(rule: Rule, workbook: WorkbookSnapshot): Diagnostic[] {
  return checkModel(readWorkbook(workbook), {}, [rule]);
}

export function ruleTester(
  rule: Rule,
  cases: { valid: unknown[]; invalid: { name: string; workbook: WorkbookSnapshot }[] },
): void {
  const rules = new Map([[rule.meta.id, rule]]);
  it(`collects the messages of ${rule.meta.id}`, () => {
    const out = cases.invalid.flatMap((c) =>
      runRule(rule, c.workbook).map((d) => ({
        case: c.name,
        at: `${d.sheet}!${d.cell}`,
        messageId: d.messageId,
        severity: d.severity,
        zh: formatDiagnostic(d, rules, "zh"),
        en: formatDiagnostic(d, rules, "en"),
        detail: { zh: formatDetail(d, rules, "zh"), en: formatDetail(d, rules, "en") },
      })),
    );
    const dir = process.env.RULE_MESSAGES_DIR ?? path.join(os.tmpdir(), "rule-messages");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${rule.meta.id}.json`), JSON.stringify(out, null, 1) + "\n");
  });
}
