import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { CellAddress, Lang, SumDetail, SumItem } from "../../core";
import { itemLabel } from "../../report/label-path";
import { t, unitWord } from "../../messages";

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
  caption: {
    textAlign: "left",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    verticalAlign: "top",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
  },
  head: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  amount: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    textAlign: "right",
    verticalAlign: "top",
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  rule: { borderTopWidth: "1px", borderTopStyle: "solid", borderTopColor: tokens.colorNeutralStroke2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  itemLink: { fontSize: tokens.fontSizeBase200, textAlign: "left", overflowWrap: "anywhere" },
  label: { display: "block", color: tokens.colorNeutralForeground3 },
  value: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
});

export interface SumTableProps {
  lang: Lang;
  sum: SumDetail;
  /** Selects an item's cell in the workbook (the items are named by their label, the cell is the target). */
  onSelectCell?: (cell: CellAddress) => void;
}

/**
 * The working of a sum. With its items: every item with its label and amount, the sum of the items, the
 * total it must equal, the difference and the allowance. Without: 合计 / 应等于 over 差额 / 容差.
 */
export function SumTable({ lang, sum, onSelectCell }: SumTableProps) {
  const styles = useStyles();
  const unit = sum.unit ? unitWord(sum.unit, lang) : "";
  if (sum.items && sum.items.length > 0) {
    const name = (item: SumItem) => {
      const text = itemLabel(item, lang);
      return onSelectCell ? (
        <Link
          as="button"
          className={styles.itemLink}
          title={`${item.sheet}!${item.cell}`}
          data-cell={`${item.sheet}!${item.cell}`}
          data-testid="sum-item-link"
          onClick={(e) => {
            e.stopPropagation();
            onSelectCell({ sheet: item.sheet, cell: item.cell });
          }}
        >
          {text}
        </Link>
      ) : (
        text
      );
    };
    const line = (label: string, value: string, part: string, extra?: string) => (
      <tr data-part={part} className={extra}>
        <th scope="row" className={styles.cell}>
          {label}
        </th>
        <td className={styles.amount}>{value}</td>
      </tr>
    );
    return (
      <table className={styles.table} data-testid="sum-table" data-items={sum.items.length}>
        <caption className={styles.caption}>{t("pane.sumCaption", lang, { unit })}</caption>
        <colgroup>
          <col style={{ width: "62%" }} />
          <col style={{ width: "38%" }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={`${styles.cell} ${styles.head}`}>
              {t("pane.sumItem", lang)}
            </th>
            <th scope="col" className={`${styles.amount} ${styles.head}`}>
              {t("pane.sumAmount", lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {sum.items.map((item, i) => (
            <tr key={`${item.sheet}!${item.cell}|${i}`} data-testid="sum-item">
              <td className={styles.cell}>{name(item)}</td>
              <td className={styles.amount}>{item.amount}</td>
            </tr>
          ))}
          {line(t("pane.sumItemsTotal", lang), sum.left, "left", `${styles.rule} ${styles.strong}`)}
          <tr data-part="right">
            <th scope="row" className={styles.cell}>
              {t("app.sumRight", lang)}
              {sum.total && <> {name(sum.total)}</>}
            </th>
            <td className={styles.amount}>{sum.right}</td>
          </tr>
          {line(t("app.sumDiff", lang), sum.diff, "diff", styles.strong)}
          {line(t("app.sumAllowance", lang), sum.allowance, "allowance")}
        </tbody>
      </table>
    );
  }
  const suffix = unit ? ` ${unit}` : "";
  const cell = (label: string, value: string, part: string) => (
    <td className={styles.cell} data-part={part}>
      <Caption1 className={styles.label}>{label}</Caption1>
      <span className={styles.value}>
        {value}
        {suffix}
      </span>
    </td>
  );
  return (
    <table className={styles.table} data-testid="sum-table" role="presentation">
      <tbody>
        <tr>
          {cell(t("app.sumLeft", lang), sum.left, "left")}
          {cell(t("app.sumRight", lang), sum.right, "right")}
        </tr>
        <tr>
          {cell(t("app.sumDiff", lang), sum.diff, "diff")}
          {cell(t("app.sumAllowance", lang), sum.allowance, "allowance")}
        </tr>
      </tbody>
    </table>
  );
}
