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
import { memo, type KeyboardEvent, type MouseEvent } from "react";
import { categoryLabel, severityLabel, type Finding } from "../../app/findings";
import { UI, ui } from "../../app/messages";
import type { CellAddress, Lang } from "../../rules/types";
import type { KeyAction, SaveExplanation, SelectFinding } from "../handlers";
import { PANE } from "../strings";
import { cellLabel, relatedLabel } from "../view-model";
import { ExplanationEditor } from "./ExplanationEditor";
import { FixActions } from "./FixActions";
import { ACCENT, BADGE_COLOR } from "./severity";
import { SumTable } from "./SumTable";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
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
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  category: { color: tokens.colorNeutralForeground3 },
  message: { overflowWrap: "anywhere" },
  related: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  relatedCell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
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
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
});

export interface FindingRowProps {
  lang: Lang;
  finding: Finding;
  selected: boolean;
  editing: boolean;
  saving: boolean;
  onSelect: SelectFinding;
  onExplain: KeyAction;
  onCancelExplain: () => void;
  onSaveExplanation: SaveExplanation;
  onRemoveExplanation: KeyAction;
}

/**
 * One finding: severity, cell, message, the sum detail, related cells and (warnings) the 说明.
 * The row is a tab stop; Enter or a click selects the cell in the workbook.
 */
export const FindingRow = memo(function FindingRow(props: FindingRowProps) {
  const { lang, finding: f, selected, editing, saving } = props;
  const styles = useStyles();
  const address = cellLabel(f);
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
      tabIndex={0}
      className={mergeClasses(styles.row, selected && styles.selected)}
      style={{ borderLeftColor: ACCENT[f.severity] }}
      data-testid="finding"
      data-cell={address}
      data-rule={f.rule}
      data-severity={f.severity}
      data-key={f.key}
      data-selected={selected ? "true" : "false"}
      aria-current={selected ? "true" : undefined}
      onClick={() => props.onSelect(f)}
      onKeyDown={onKeyDown}
    >
      <div className={styles.head}>
        <Badge appearance="filled" color={BADGE_COLOR[f.severity]} data-testid="severity-badge">
          {severityLabel(f.severity, lang)}
        </Badge>
        <Link
          as="button"
          className={styles.cell}
          data-testid="finding-cell"
          aria-label={ui(PANE.goTo, lang, { cell: address })}
          onClick={select()}
        >
          {address}
        </Link>
        <Caption1 className={styles.category}>{categoryLabel(f.category, lang)}</Caption1>
        {f.explanation && (
          <Badge appearance="tint" color="success" data-testid="explained-badge">
            {ui(UI.explained, lang)}
          </Badge>
        )}
      </div>
      <Text className={styles.message} data-testid="finding-message">
        {f.message}
      </Text>
      {f.sum && <SumTable lang={lang} sum={f.sum} />}
      {f.related.length > 0 && (
        <div className={styles.related}>
          <Caption1 className={styles.category}>
            {ui(UI.relatedCells, lang)}
            {lang === "en" ? ":" : "："}
          </Caption1>
          {f.related.map((r) => (
            <Link
              key={cellLabel(r)}
              as="button"
              className={styles.relatedCell}
              data-testid="related-cell"
              data-cell={cellLabel(r)}
              aria-label={ui(PANE.goTo, lang, { cell: cellLabel(r) })}
              onClick={select(r)}
            >
              {relatedLabel(r, f.sheet)}
            </Link>
          ))}
        </div>
      )}
      {f.explanation && !editing && (
        <blockquote className={styles.explanation} data-testid="explanation-text">
          {f.explanation.text}
        </blockquote>
      )}
      {!editing && <FixActions lang={lang} finding={f} />}
      {f.severity === "warning" && !editing && (
        <div className={styles.actions}>
          <Button
            size="small"
            appearance="subtle"
            data-testid="explain-button"
            aria-label={`${ui(f.explanation ? PANE.editExplanation : UI.explain, lang)} ${address}`}
            onClick={(e) => {
              e.stopPropagation();
              props.onExplain(f.key);
            }}
          >
            {ui(f.explanation ? PANE.editExplanation : UI.explain, lang)}
          </Button>
        </div>
      )}
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
  );
});
