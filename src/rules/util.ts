/** Small helpers shared by rules. */
import type { Fix, MessageArgs, RuleContext } from "./types";
import type { DepartmentForm, Indicator, IndicatorValue, ProjectForm, WorkbookModel } from "../engine/model";
import { formatAmount, type Figure, type NumberCell } from "../engine/numbers";

export function departments(model: WorkbookModel): DepartmentForm[] {
  return model.forms.filter((f): f is DepartmentForm => f.kind === "department");
}

export function projects(model: WorkbookModel): ProjectForm[] {
  return model.forms.filter((f): f is ProjectForm => f.kind === "project");
}

/** A number cell as a sum term, or null when blank or unreadable (the sum rule then stays silent). */
export function figure(cell: NumberCell | undefined, scale: number = 1): Figure | null {
  if (!cell || cell.status !== "ok" || !cell.value) return null;
  return { value: cell.value, decimals: cell.decimals, scale };
}

/** `1,672.54` style, with the decimals given (money shows two). */
export function money(v: import("decimal.js").Decimal, decimals = 2): string {
  return formatAmount(v, decimals);
}

/**
 * Report a value problem once per indicator: when both value cells have it, one finding on the
 * 实施周期 cell with the 年度 cell related; otherwise on each cell that has it.
 */
export function reportOnce<M extends string>(
  ctx: RuleContext<M>,
  ind: Indicator,
  problemsOf: (v: IndicatorValue) => { messageId: M; args: MessageArgs; fixes?: Fix[] }[],
): void {
  const { period, annual } = ind;
  const oneCell =
    period.ref.sheet === annual.ref.sheet &&
    period.ref.row === annual.ref.row &&
    period.ref.col === annual.ref.col;
  const p = problemsOf(period);
  const a = oneCell ? [] : problemsOf(annual);
  for (const x of p) {
    const twin = a.find((y) => y.messageId === x.messageId);
    const fixes = twin ? mergeFixes(x.fixes, twin.fixes) : x.fixes;
    ctx.report({
      messageId: x.messageId,
      ref: period.ref,
      related: twin ? [annual.ref] : [],
      args: x.args,
      ...(fixes?.length ? { fixes } : {}),
    });
  }
  for (const y of a) {
    if (!p.some((x) => x.messageId === y.messageId))
      ctx.report({
        messageId: y.messageId,
        ref: annual.ref,
        args: y.args,
        ...(y.fixes?.length ? { fixes: y.fixes } : {}),
      });
  }
}

/** One finding on both value cells: a fix of the same kind and message on each becomes one fix of both cells. */
function mergeFixes(mine: Fix[] | undefined, theirs: Fix[] | undefined): Fix[] | undefined {
  if (!mine?.length) return mine;
  return mine.map((f) => {
    const other = theirs?.find((t) => t.kind === f.kind && t.messageId === f.messageId);
    return other ? { ...f, edits: [...f.edits, ...other.edits] } : f;
  });
}
