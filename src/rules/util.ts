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

/** The messages a rule needs to say which value cells a finding covers (see reportOnce's `columnArg`). */
export const COLUMN_MESSAGES = {
  "column-both": { zh: "实施周期指标值和年度指标值", en: "period and annual values" },
  "column-period": { zh: "实施周期指标值", en: "period value" },
  "column-annual": { zh: "年度指标值", en: "annual value" },
  "column-single": { zh: "指标值", en: "value" },
} as const;

/**
 * Report a value problem once per indicator: when both value cells have it, one finding on the
 * 实施周期 cell that names the 年度 cell too (related, and `sameFault`, so both are marked);
 * otherwise on each cell that has it. With `columnArg`, the args get that key set to a message of
 * COLUMN_MESSAGES saying which cells the finding covers (the rule's catalogue must include them).
 */
export function reportOnce<M extends string>(
  ctx: RuleContext<M>,
  ind: Indicator,
  problemsOf: (v: IndicatorValue) => { messageId: M; args: MessageArgs; fixes?: Fix[] }[],
  columnArg?: string,
): void {
  // Called for every indicator by several rules: plain loops, no closures made per call (each closure
  // costs an allocation, and a name definition in bundles built with keepNames).
  const { period, annual } = ind;
  const oneCell =
    period.ref.sheet === annual.ref.sheet &&
    period.ref.row === annual.ref.row &&
    period.ref.col === annual.ref.col;
  const p = problemsOf(period);
  const a = oneCell ? NO_PROBLEMS : problemsOf(annual);
  if (p.length === 0 && a.length === 0) return;
  for (const x of p) {
    let twin: (typeof a)[number] | undefined;
    for (const y of a)
      if (y.messageId === x.messageId) {
        twin = y;
        break;
      }
    const both = twin !== undefined;
    const fixes = twin ? mergeFixes(x.fixes, twin.fixes) : x.fixes;
    ctx.report({
      messageId: x.messageId,
      ref: period.ref,
      related: both ? [annual.ref] : [],
      ...(both ? { sameFault: [annual.ref] } : {}),
      args: withColumn(columnArg, both ? "column-both" : oneCell ? "column-single" : "column-period", x.args),
      ...(fixes?.length ? { fixes } : {}),
    });
  }
  for (const y of a) {
    let inPeriod = false;
    for (const x of p) if (x.messageId === y.messageId) inPeriod = true;
    if (!inPeriod)
      ctx.report({
        messageId: y.messageId,
        ref: annual.ref,
        args: withColumn(columnArg, "column-annual", y.args),
        ...(y.fixes?.length ? { fixes: y.fixes } : {}),
      });
  }
}

const NO_PROBLEMS: never[] = [];

function withColumn(
  columnArg: string | undefined,
  id: keyof typeof COLUMN_MESSAGES,
  args: MessageArgs,
): MessageArgs {
  return columnArg ? { ...args, [columnArg]: { messageId: id } } : args;
}

/** One finding on both value cells: a fix of the same kind and message on each becomes one fix of both cells. */
function mergeFixes(mine: Fix[] | undefined, theirs: Fix[] | undefined): Fix[] | undefined {
  if (!mine?.length) return mine;
  return mine.map((f) => {
    const other = theirs?.find((t) => t.kind === f.kind && t.messageId === f.messageId);
    return other ? { ...f, edits: [...f.edits, ...other.edits] } : f;
  });
}
