import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { UI, ui } from "../../app/messages";
import type { Lang, SumDetail } from "../../rules/types";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    maxWidth: "360px",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    verticalAlign: "top",
    textAlign: "left",
  },
  label: { display: "block", color: tokens.colorNeutralForeground3 },
  value: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
});

export interface SumTableProps {
  lang: Lang;
  sum: SumDetail;
}

/** 合计 / 应等于 over 差额 / 容差, each with its unit. */
export function SumTable({ lang, sum }: SumTableProps) {
  const styles = useStyles();
  const unit = sum.unit ? ` ${sum.unit}` : "";
  const cell = (label: string, value: string, part: string) => (
    <td className={styles.cell} data-part={part}>
      <Caption1 className={styles.label}>{label}</Caption1>
      <span className={styles.value}>
        {value}
        {unit}
      </span>
    </td>
  );
  return (
    <table className={styles.table} data-testid="sum-table">
      <tbody>
        <tr>
          {cell(ui(UI.sumLeft, lang), sum.left, "left")}
          {cell(ui(UI.sumRight, lang), sum.right, "right")}
        </tr>
        <tr>
          {cell(ui(UI.sumDiff, lang), sum.diff, "diff")}
          {cell(ui(UI.sumAllowance, lang), sum.allowance, "allowance")}
        </tr>
      </tbody>
    </table>
  );
}
