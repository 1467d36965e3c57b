/**
 * `--fix OUT.xlsx`: a fixed copy of the (single) input with every safe fix applied (issue 13), pass
 * after pass as ESLint's --fix does (src/app/fixes.ts fixAll). The input is re-read with the lean reader
 * (the snapshot the check saw), the fixes are computed on it, and only the fixed cells are written into
 * a copy loaded with exceljs (loaded only for this, lazily in the built CLI) through safe-write: never
 * the input, never over an existing file without --force, through a temporary file. A cell whose value
 * in the file is not the one the fix was made from is left as it is (and the copy not written).
 */
import { readFile } from "node:fs/promises";
import {
  applyToSnapshot,
  collectEdits,
  fixAll,
  fixLabel,
  offeredFixes,
  type FixedCell,
  type OfferedFix,
} from "../app/fixes";
import { checkWorkbook } from "../checker";
import { sameValue } from "../engine/edits";
import { loadXlsxPackage, plainValue } from "../hosts/xlsx/cell-values";
import { readXlsxFile } from "../hosts/xlsx/read-xlsx";
import type { Fix, Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import { writeAtomic } from "./safe-write";

/**
 * Where a long cell starts to differ, for a one-line listing (`"如下：</p> <p>目标1…"` →
 * `"如下： 目标1：深化…"`): a little context before the first change, a few characters after; short
 * values whole. The JSON report has the whole values.
 */
export function changedPart(before: string | number | null, after: string | number | null): [string, string] {
  const a = String(before ?? "");
  const b = String(after ?? "");
  if (a.length <= 40 && b.length <= 40) return [a, b];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const from = Math.max(0, p - 8);
  const cut = (t: string) =>
    (from > 0 ? "…" : "") + t.slice(from, from + 24) + (from + 24 < t.length ? "…" : "");
  return [cut(a), cut(b)];
}

/** A cell of the fixed copy: what changed it, a safe fix or (`--fix-suggestions`) a suggestion. */
export interface CopyCell extends FixedCell {
  kind: Fix["kind"];
}

/** A suggestion `--fix-suggestions` left out: a cell it edits is already changed by another fix. */
export interface SkippedSuggestion {
  sheet: string;
  cell: string;
  rule: string;
  /** What the suggestion does, in the output language. */
  fix: string;
  /** The rules whose fix changed the cell. */
  by: string[];
}

/** What `--fix` did, for the JSON report (`fixed` of the file) and the text lines. */
export interface FixSummary {
  out: string;
  /** Safe fixes applied over all passes. */
  fixes: number;
  passes: number;
  /** Suggestions applied (`--fix-suggestions`). */
  suggestions?: number;
  cells: CopyCell[];
  /** Suggestions left out for a conflict (`--fix-suggestions`). */
  skipped?: SkippedSuggestion[];
}

const cellKey = (e: { sheet: string; cell: string }) => `${e.sheet.toLowerCase()}!${e.cell.toUpperCase()}`;

/**
 * The fixes of one file, computed on the snapshot the check reads: every safe fix, pass after pass;
 * with `suggestions`, then each finding's first suggestion as the check offered it, unless a cell it
 * edits was changed by a safe fix or an earlier suggestion (then it is skipped and reported): a cell is
 * never changed by a suggestion on top of another fix.
 */
export async function planFix(
  file: string,
  options: CheckOptions,
  out: string,
  suggest?: { lang: Lang },
): Promise<FixSummary> {
  const snapshot = await readXlsxFile(file);
  const safe = fixAll(snapshot, options, ["safe"]);
  const cells: CopyCell[] = safe.cells.map((c) => ({ ...c, kind: "safe" }));
  const summary: FixSummary = { out, fixes: safe.fixCount, passes: safe.passes, cells };
  if (!suggest) return summary;

  const firsts: OfferedFix[] = [];
  for (const d of checkWorkbook(snapshot, options).diagnostics) {
    const first = offeredFixes([d], "suggestion")[0];
    if (first) firsts.push(first);
  }
  const changedBy = new Map(cells.map((c) => [cellKey(c), c.rules]));
  const taken: OfferedFix[] = [];
  const skipped: SkippedSuggestion[] = [];
  for (const o of firsts) {
    const clash = o.fix.edits.find((e) => changedBy.has(cellKey(e)));
    if (clash) {
      skipped.push({
        sheet: clash.sheet,
        cell: clash.cell,
        rule: o.diagnostic.rule,
        fix: fixLabel(o.diagnostic.rule, o.fix, suggest.lang),
        by: changedBy.get(cellKey(clash))!,
      });
      continue;
    }
    taken.push(o);
    for (const e of o.fix.edits) changedBy.set(cellKey(e), [o.diagnostic.rule]);
  }
  const { edits } = collectEdits(taken);
  const applied = applyToSnapshot(safe.snapshot, edits);
  if (applied.refused.length > 0) throw new FixMismatchError({ ...applied.refused[0].edit, rules: [] });
  for (const e of edits) {
    const rules = taken
      .filter((t) => t.fix.edits.some((x) => cellKey(x) === cellKey(e)))
      .map((t) => t.diagnostic.rule);
    cells.push({ ...e, rules: [...new Set(rules)], kind: "suggestion" });
  }
  return { ...summary, suggestions: taken.length, cells, skipped };
}

export class FixMismatchError extends Error {
  constructor(readonly cell: FixedCell) {
    super(`${cell.sheet}!${cell.cell}`);
    this.name = "FixMismatchError";
  }
}

/** The input's bytes with the fixed cells' values replaced; every other part of the workbook as exceljs keeps it. */
export async function buildFixedCopy(input: Uint8Array, cells: readonly FixedCell[]): Promise<Uint8Array> {
  const { workbook } = await loadXlsxPackage(input, { validations: 100_000 });
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  for (const c of cells) {
    const ws = workbook.getWorksheet(c.sheet);
    if (!ws) throw new FixMismatchError(c);
    const cell = ws.getCell(c.cell);
    const current = plainValue(cell.value, date1904);
    if (typeof current === "object" && current !== null) throw new FixMismatchError(c);
    if (!sameValue(current as string | number | null, c.before)) throw new FixMismatchError(c);
    cell.value = c.after === "" ? null : c.after;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Writes the fixed copy (safe-write: temporary file, then moved in place; `force` to replace). */
export async function writeFixedCopy(file: string, summary: FixSummary, force: boolean): Promise<void> {
  const input = new Uint8Array(await readFile(file));
  await writeAtomic(summary.out, () => buildFixedCopy(input, summary.cells), { force });
}
