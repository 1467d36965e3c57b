/**
 * Helpers for the fixes rules offer (issue 13, ESLint's fix / suggestion split): a fix is data, the
 * cell edits with the value before (as read, so an apply can refuse when the cell changed since) and
 * after. Not a rule: no default export.
 */
import { toA1 } from "../engine/address";
import type { CellRef } from "../engine/model";
import type { Fix, MessageArgs } from "./types";

/** A fix of one cell; null when it would change nothing. */
export function cellFix(
  kind: Fix["kind"],
  messageId: string,
  ref: CellRef,
  before: string,
  after: string,
  args?: MessageArgs,
): Fix | null {
  if (after === before) return null;
  return {
    kind,
    messageId,
    ...(args ? { args } : {}),
    edits: [{ sheet: ref.sheet, cell: toA1(ref.row, ref.col), before, after }],
  };
}

/** The fix list of a report: [] when there is none. */
export function fixList(...fixes: (Fix | null | undefined)[]): Fix[] {
  return fixes.filter((f): f is Fix => !!f);
}

/** Levenshtein distance over UTF-16 code units (labels are short). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * The candidate a typo most likely meant: the one nearest by edit distance, within 1 edit (2 for a label
 * of five characters or more), and only when no other candidate is as near. Candidates map a spelling
 * to what it stands for (several spellings may stand for one thing: 社会效益 / 社会效益指标).
 */
export function likelyMeant<T>(
  label: string,
  candidates: readonly { text: string; means: T }[],
): string | null {
  const limit = label.length >= 5 ? 2 : 1;
  let best: { text: string; means: T; d: number } | null = null;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(label, c.text);
    if (d === 0 || d > limit) continue;
    if (!best || d < best.d) {
      best = { ...c, d };
      tie = false;
    } else if (d === best.d && c.means !== best.means) tie = true;
  }
  return best && !tie ? best.text : null;
}
