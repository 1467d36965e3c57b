/**
 * One way of counting (issue 13): the forms, the findings of each severity and the warnings explained
 * (说明). The pane's sticky bar and summary, the ribbon's feedback, the 检查记录 sheet, the command line's
 * per-file and summary lines, the CSV and the annotated copy's 检查结果 sheet all count with these.
 */
import type { Severity } from "../core";

export interface Counts {
  forms: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Warnings with a 说明 (only a warning can be explained: an error must be fixed). */
  explained: number;
}

/** What is counted of a finding: its severity and, in the pane, its explanation. */
export interface Countable {
  severity: Severity;
  explanation?: unknown;
}

/** The counts of `forms` forms and their findings. */
export function countFindings(forms: number, findings: Iterable<Countable>): Counts {
  const c: Counts = { forms, errors: 0, warnings: 0, infos: 0, explained: 0 };
  for (const f of findings) {
    if (f.severity === "error") c.errors++;
    else if (f.severity === "warning") {
      c.warnings++;
      if (f.explanation) c.explained++;
    } else c.infos++;
  }
  return c;
}

/** The sum of several counts (a batch's summary line). */
export function addCounts(list: Iterable<Counts>): Counts {
  const sum: Counts = { forms: 0, errors: 0, warnings: 0, infos: 0, explained: 0 };
  for (const c of list) {
    sum.forms += c.forms;
    sum.errors += c.errors;
    sum.warnings += c.warnings;
    sum.infos += c.infos;
    sum.explained += c.explained;
  }
  return sum;
}
