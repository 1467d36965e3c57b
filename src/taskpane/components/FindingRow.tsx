import {
  Badge,
  Button,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleFilled } from "@fluentui/react-icons/svg/checkmark-circle";
import { ErrorCircleFilled } from "@fluentui/react-icons/svg/error-circle";
import { InfoFilled } from "@fluentui/react-icons/svg/info";
import { WarningFilled } from "@fluentui/react-icons/svg/warning";
import { memo, useId, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { categoryLabel, severityLabel, type Finding } from "../../app/findings";
import type { CellAddress, Lang, Severity } from "../../core";
import type { KeyAction, SaveExplanation, SelectFinding } from "../handlers";
import { hasHelp, useHelp } from "../help";
import { cellLabel, relatedLabel } from "../view-model";
import { ExplanationEditor } from "./ExplanationEditor";
import { FixActions } from "./FixActions";
import { ACCENT } from "./severity";
import { SumTable } from "./SumTable";
import { t } from "../../messages";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderLeftWidth: "3px",
    borderLeftStyle: "solid",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  selected: {
    cursor: "default",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  line: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalXS,
    minWidth: "0",
    lineHeight: tokens.lineHeightBase300,
  },
  icon: { flexShrink: 0, alignSelf: "flex-start", marginTop: "2px", fontSize: "16px" },
  cell: {
    flexShrink: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  oneLine: {
    minWidth: "0",
    flexGrow: 1,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
  full: { minWidth: "0", flexGrow: 1, overflowWrap: "anywhere" },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: "20px",
  },
  meta: { color: tokens.colorNeutralForeground3 },
  related: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  relatedCell: { fontSize: tokens.fontSizeBase200 },
  detail: {
    margin: "0",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  explanation: {
    margin: "0",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderLeftWidth: "2px",
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorPaletteGreenBorder2,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

const ICON: Record<Severity, (props: { className?: string; style?: object }) => ReactNode> = {
  error: ErrorCircleFilled,
  warning: WarningFilled,
  info: InfoFilled,
};

export const ICON_COLOR: Record<Severity, string> = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteMarigoldForeground1,
  info: tokens.colorBrandForeground1,
};

export interface FindingRowProps {
  lang: Lang;
  finding: Finding;
  selected: boolean;
  /** The list's one Tab stop (roving tabindex): this row, else -1. */
  tabbable: boolean;
  editing: boolean;
  saving: boolean;
  onSelect: SelectFinding;
  onExplain: KeyAction;
  onCancelExplain: () => void;
  onSaveExplanation: SaveExplanation;
  onRemoveExplanation: KeyAction;
  /** The sheet of the form the row is listed under: the cell is then shown without it (`E9`). */
  formSheet?: string;
  /** Further actions of the selected row (e.g. 修正 with its preview), beside 说明 and 怎么改. */
  actions?: ReactNode;
}

/**
 * One finding. Compact (severity icon, cell, one line of message) until selected; the selected row
 * shows the whole message, the working of a sum, 详情 on demand, related cells, the 说明 and the
 * actions. Enter or a click selects the cell in the workbook.
 */
export const FindingRow = memo(function FindingRow(props: FindingRowProps) {
  const { lang, finding: f, selected, editing, saving } = props;
  const styles = useStyles();
  const help = useHelp();
  const [showDetail, setShowDetail] = useState(false);
  const detailId = useId();
  const address = cellLabel(f);
  const Icon = ICON[f.severity];
  const select = (target?: CellAddress) => (e: MouseEvent) => {
    e.stopPropagation();
    props.onSelect(f, target);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      props.onSelect(f);
    }
  };
  return (
    <div
      role="listitem"
      tabIndex={props.tabbable ? 0 : -1}
      className={mergeClasses(styles.row, selected && styles.selected)}
      style={{ borderLeftColor: ACCENT[f.severity] }}
      data-testid="finding"
      data-cell={address}
      data-rule={f.rule}
      data-severity={f.severity}
      data-key={f.key}
      data-selected={selected ? "true" : "false"}
      aria-current={selected ? "true" : undefined}
      aria-label={t("pane.findingLabel", lang, {
        severity: severityLabel(f.severity, lang),
        cell: address,
        message: f.message,
      })}
      onClick={() => props.onSelect(f)}
      onKeyDown={onKeyDown}
    >
      <div className={styles.line}>
        <Icon className={styles.icon} style={{ color: ICON_COLOR[f.severity] }} />
        <span className={styles.cell} data-testid="finding-cell">
          {props.formSheet === f.sheet ? f.cell : address}
        </span>
        <Text
          size={300}
          className={selected || editing ? styles.full : styles.oneLine}
          data-testid="finding-message"
          title={selected ? undefined : f.message}
        >
          {f.message}
        </Text>
        {f.explanation && (
          <CheckmarkCircleFilled
            className={styles.icon}
            style={{ color: tokens.colorPaletteGreenForeground1 }}
            data-testid="explained-badge"
          />
        )}
      </div>
      {(selected || editing) && (
        // Clicks in the working (reading, selecting text) do not move the workbook's selection.
        <div className={styles.body} data-testid="finding-body" onClick={(e) => e.stopPropagation()}>
          <Caption1 className={styles.meta}>
            {severityLabel(f.severity, lang)} · {categoryLabel(f.category, lang)}
            {f.explanation && (
              <>
                {" · "}
                <Badge appearance="tint" color="success" size="small">
                  {t("app.explained", lang)}
                </Badge>
              </>
            )}
          </Caption1>
          {f.sum && <SumTable lang={lang} sum={f.sum} onSelectCell={(cell) => props.onSelect(f, cell)} />}
          {f.detailText && showDetail && (
            <p className={styles.detail} id={detailId} data-testid="finding-detail">
              {f.detailText}
            </p>
          )}
          {f.related.length > 0 && !(f.sum?.items && f.sum.items.length > 0) && (
            <div className={styles.related}>
              <Caption1 className={styles.meta}>
                {t("pane.relatedCellsLabel", lang, { label: t("app.relatedCells", lang) })}
              </Caption1>
              {f.related.map((r) => (
                <Link
                  key={cellLabel(r)}
                  as="button"
                  className={styles.relatedCell}
                  data-testid="related-cell"
                  data-cell={cellLabel(r)}
                  title={cellLabel(r)}
                  aria-label={t("pane.goTo", lang, { cell: r.label || cellLabel(r) })}
                  onClick={select({ sheet: r.sheet, cell: r.cell })}
                >
                  {r.label || relatedLabel(r, f.sheet)}
                </Link>
              ))}
            </div>
          )}
          {f.explanation && !editing && (
            <blockquote className={styles.explanation} data-testid="explanation-text">
              {f.explanation.text}
            </blockquote>
          )}
          {!editing && (
            <div className={styles.actions} data-testid="finding-actions">
              {f.detailText && (
                <Button
                  size="small"
                  appearance="subtle"
                  data-testid="detail-button"
                  aria-expanded={showDetail}
                  aria-controls={showDetail ? detailId : undefined}
                  onClick={(e) => {
                    e.stopPropagation();
                    setShowDetail((v) => !v);
                  }}
                >
                  {t(showDetail ? "pane.hideDetail" : "pane.detail", lang)}
                </Button>
              )}
              {f.severity === "warning" && (
                <Button
                  size="small"
                  appearance="subtle"
                  data-testid="explain-button"
                  aria-label={`${t(f.explanation ? "pane.editExplanation" : "app.explain", lang)} ${address}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onExplain(f.key);
                  }}
                >
                  {t(f.explanation ? "pane.editExplanation" : "app.explain", lang)}
                </Button>
              )}
              {hasHelp(f.rule) && (
                <Link
                  href={help.url(f.rule)}
                  target="_blank"
                  rel="noopener"
                  data-testid="help-link"
                  aria-label={t("pane.howToFixLabel", lang, { rule: f.rule })}
                  onClick={(e) => {
                    e.stopPropagation();
                    e.preventDefault();
                    help.open(f.rule);
                  }}
                >
                  {t("pane.howToFix", lang)}
                </Link>
              )}
              {props.actions}
            </div>
          )}
          {!editing && <FixActions lang={lang} finding={f} />}
          {editing && (
            <ExplanationEditor
              lang={lang}
              finding={f}
              saving={saving}
              onSave={props.onSaveExplanation}
              onCancel={props.onCancelExplain}
              onRemove={props.onRemoveExplanation}
            />
          )}
        </div>
      )}
    </div>
  );
});
