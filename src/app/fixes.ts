/**
 * Applying fixes (issue 13), pure: which fixes a set of findings offers, the cell edits of the chosen
 * ones (a fix whose cells another chosen fix already edits is left out, as ESLint leaves overlapping
 * fixes to a later pass), and the result on a snapshot (preview, tests, `--fix`). The host writes the
 * edits (WorkbookHost.applyEdits), refusing any whose cell changed since it was read.
 */
import { checkWorkbook } from "../checker";
import { applyEditsToSnapshot, editRefusal } from "../engine/edits";
import type { WorkbookSnapshot } from "../engine/snapshot";
import { RULES_BY_ID } from "../rules";
import { formatDiagnostic } from "../rules/format-message";
import type { CellEdit, Diagnostic, Fix, Lang } from "../core";
import type { CheckOptions } from "../rules/types";

/** A fix with the finding that offers it. */
export interface OfferedFix {
  diagnostic: Diagnostic;
  fix: Fix;
}

export function offeredFixes(diagnostics: readonly Diagnostic[], kind?: Fix["kind"]): OfferedFix[] {
  return diagnostics.flatMap((d) =>
    (d.fixes ?? [])
      .filter((f) => kind === undefined || f.kind === kind)
      .map((fix) => ({ diagnostic: d, fix })),
  );
}

const cellKey = (e: { sheet: string; cell: string }) => `${e.sheet.toLowerCase()}!${e.cell.toUpperCase()}`;

export interface CollectedEdits<T extends { fix: Fix } = OfferedFix> {
  /** The edits to write, one per cell. */
  edits: CellEdit[];
  /** The fixes whose edits these are. */
  applied: T[];
  /** Fixes left out: a cell they edit is edited by an earlier fix (differently). */
  conflicts: T[];
}

/**
 * The edits of the chosen fixes, in order. Two fixes editing one cell conflict (each was made from the
 * cell as read, so the second would undo the first): the later one is left out whole, never half
 * applied. The same edit from two findings is written once.
 */
export function collectEdits<T extends { fix: Fix }>(chosen: readonly T[]): CollectedEdits<T> {
  const byCell = new Map<string, CellEdit>();
  const applied: T[] = [];
  const conflicts: T[] = [];
  for (const c of chosen) {
    const clash = c.fix.edits.some((e) => {
      const prior = byCell.get(cellKey(e));
      return prior !== undefined && (prior.before !== e.before || prior.after !== e.after);
    });
    if (clash) {
      conflicts.push(c);
      continue;
    }
    for (const e of c.fix.edits) if (!byCell.has(cellKey(e))) byCell.set(cellKey(e), { ...e });
    applied.push(c);
  }
  return { edits: [...byCell.values()], applied, conflicts };
}

export type EditRefusalReason = "changed" | "formula" | "missing" | "protected";

export interface EditRefusal {
  edit: CellEdit;
  reason: EditRefusalReason;
}

/**
 * The snapshot with the edits written, or the refusals: every edit's cell must hold its `before` and
 * no formula, else nothing is written (a batch is never half applied).
 */
export function applyToSnapshot(
  snapshot: WorkbookSnapshot,
  edits: readonly CellEdit[],
): { snapshot: WorkbookSnapshot; refused: EditRefusal[] } {
  const refused: EditRefusal[] = [];
  for (const edit of edits) {
    const reason = editRefusal(snapshot, edit);
    if (reason) refused.push({ edit, reason });
  }
  return refused.length
    ? { snapshot, refused }
    : { snapshot: applyEditsToSnapshot(snapshot, edits), refused };
}

/** One cell changed by `--fix`: its value in the input and in the fixed copy, and what fixed it. */
export interface FixedCell {
  sheet: string;
  cell: string;
  before: string | number | null;
  after: string | number | null;
  /** The rules whose fixes changed the cell, in order. */
  rules: string[];
}

export interface FixAllResult {
  snapshot: WorkbookSnapshot;
  /** Every changed cell, once, from its first value to its last. */
  cells: FixedCell[];
  /** Fixes applied, over all passes. */
  fixCount: number;
  passes: number;
}

/** ESLint's limit: a fix that keeps offering fixes stops here. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies every fix of the chosen kinds, pass after pass (a fix left out for a conflict is offered again
 * by the next check), until no fix is left or MAX_FIX_PASSES. Pure: snapshot in, snapshot out.
 */
export function fixAll(
  snapshot: WorkbookSnapshot,
  options: CheckOptions = {},
  kinds: readonly Fix["kind"][] = ["safe"],
): FixAllResult {
  let current = snapshot;
  const cells = new Map<string, FixedCell>();
  let fixCount = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const { diagnostics } = checkWorkbook(current, options);
    const chosen = offeredFixes(diagnostics).filter((o) => kinds.includes(o.fix.kind));
    if (chosen.length === 0) break;
    const { edits, applied } = collectEdits(chosen);
    const result = applyToSnapshot(current, edits);
    if (result.refused.length || applied.length === 0) break; // offered fixes always apply; a guard
    passes++;
    current = result.snapshot;
    fixCount += applied.length;
    for (const e of edits) {
      const key = cellKey(e);
      const rules = applied
        .filter((a) => a.fix.edits.some((x) => cellKey(x) === key))
        .map((a) => a.diagnostic.rule);
      const prior = cells.get(key);
      if (prior) {
        prior.after = e.after;
        prior.rules.push(...rules.filter((r) => !prior.rules.includes(r)));
      } else
        cells.set(key, {
          sheet: e.sheet,
          cell: e.cell,
          before: e.before,
          after: e.after,
          rules: [...new Set(rules)],
        });
    }
  }
  return { snapshot: current, cells: [...cells.values()], fixCount, passes };
}

/**
 * The text to assign through `range.values` so Excel stores `after` as the text it is: Excel reads a
 * typed `60.00`, `95%`, `2026-01-01`, `TRUE` or `=…` as a number, date, boolean or formula; a leading
 * apostrophe keeps it text (as typing does). Other text and numbers go as they are.
 */
export function typedValue(after: string | number | null): string | number {
  if (after === null) return "";
  if (typeof after === "number") return after;
  const t = after.trim();
  const parsed =
    /^[=+\-@']/.test(after) ||
    /^(true|false)$/i.test(t) ||
    (/\d/.test(t) && /^[\d\s.,%+\-eE/:$()]+$/.test(t));
  return parsed ? `'${after}` : after;
}

/** What a fix does, in the user's language (the fix's message from its rule's catalogue). */
export function fixLabel(rule: string, fix: Fix, lang: Lang): string {
  return formatDiagnostic(
    { rule, messageId: fix.messageId, args: fix.args ?? {} } as Diagnostic,
    RULES_BY_ID,
    lang,
  );
}

/** A piece of a before/after comparison: kept, removed (before only) or added (after only). */
export interface DiffPart {
  kind: "same" | "del" | "ins";
  text: string;
}

/** Above this many character pairs the diff is the common start and end only (cells can be long). */
const MAX_DIFF_CELLS = 1_500_000;

/**
 * A character diff of a cell's value before and after a fix (longest common subsequence), for the
 * preview: long kept runs are shortened to `context` characters on each side of a change (`…`).
 */
export function diffText(before: string, after: string, context = 12): DiffPart[] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (
    q < before.length - p &&
    q < after.length - p &&
    before[before.length - 1 - q] === after[after.length - 1 - q]
  )
    q++;
  const a = before.slice(p, before.length - q);
  const b = after.slice(p, after.length - q);
  const middle: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (!text) return;
    const last = middle[middle.length - 1];
    if (last?.kind === kind) last.text += text;
    else middle.push({ kind, text });
  };
  if ((a.length + 1) * (b.length + 1) > MAX_DIFF_CELLS) {
    push("del", a);
    push("ins", b);
  } else {
    const w = b.length + 1;
    const lcs = new Int32Array((a.length + 1) * w);
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        lcs[i * w + j] =
          a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        push("same", a[i]);
        i++;
        j++;
      } else if (j < b.length && (i === a.length || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
        push("ins", b[j++]);
      } else push("del", a[i++]);
    }
  }
  const parts: DiffPart[] = [
    ...(p ? [{ kind: "same" as const, text: before.slice(0, p) }] : []),
    ...middle,
    ...(q ? [{ kind: "same" as const, text: before.slice(before.length - q) }] : []),
  ];
  // Merge neighbours of one kind, then shorten kept runs away from the changes.
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last?.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged.map((part, k) => {
    if (part.kind !== "same") return part;
    const first = k === 0;
    const lastPart = k === merged.length - 1;
    const t = part.text;
    if (first && t.length > context) return { kind: "same", text: `…${t.slice(t.length - context)}` };
    if (lastPart && t.length > context) return { kind: "same", text: `${t.slice(0, context)}…` };
    if (!first && !lastPart && t.length > 2 * context + 1)
      return { kind: "same", text: `${t.slice(0, context)}…${t.slice(t.length - context)}` };
    return part;
  });
}
