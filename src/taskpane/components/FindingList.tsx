import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
import type { Finding } from "../../app/findings";
import type { Lang } from "../../core";
import type { KeyAction, SaveExplanation, SelectFinding } from "../handlers";
import { groupHeading, listedFindings, type FindingGroup } from "../view-model";
import { FindingRow } from "./FindingRow";
import { t } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: "2px" },
  header: {
    display: "flex",
    flexDirection: "column",
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  title: { margin: "0", overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: { display: "flex", flexDirection: "column", gap: "2px" },
  hint: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface FindingListProps {
  lang: Lang;
  groups: FindingGroup[];
  selectedKey: string | null;
  editingKey: string | null;
  saving: boolean;
  onSelect: SelectFinding;
  onExplain: KeyAction;
  onCancelExplain: () => void;
  onSaveExplanation: SaveExplanation;
  onRemoveExplanation: KeyAction;
  /** The selected finding's further actions (e.g. 修正 and its preview), shown in its row. */
  renderActions?: (finding: Finding) => ReactNode;
}

const ROW = '[data-testid="finding"]';

/**
 * Findings by form (header: name, kind, Sheet!range, template), errors first. The list is one Tab
 * stop (roving tabindex): arrow keys, Home and End move between rows, Enter selects the cell.
 */
export function FindingList(props: FindingListProps) {
  const { lang, groups } = props;
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const keys = listedFindings(groups).map((f) => f.key);
  const tabKey =
    activeKey !== null && keys.includes(activeKey)
      ? activeKey
      : props.selectedKey !== null && keys.includes(props.selectedKey)
        ? props.selectedKey
        : (keys[0] ?? null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!root.current || !target.matches(ROW)) return;
    const rows = Array.from(root.current.querySelectorAll<HTMLElement>(ROW));
    const i = rows.indexOf(target);
    let next = -1;
    if (e.key === "ArrowDown") next = Math.min(i + 1, rows.length - 1);
    else if (e.key === "ArrowUp") next = Math.max(i - 1, 0);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = rows.length - 1;
    else return;
    e.preventDefault();
    const row = rows[next];
    if (row) {
      setActiveKey(row.dataset.key ?? null);
      row.focus();
    }
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>(ROW);
    if (row?.dataset.key && row.dataset.key !== activeKey) setActiveKey(row.dataset.key);
  };
  const hintId = useId();
  return (
    <div
      ref={root}
      className={styles.root}
      data-testid="findings"
      aria-label={t("pane.findingsList", lang)}
      aria-describedby={hintId}
      role="region"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <span id={hintId} className={styles.hint}>
        {t("pane.listHint", lang)}
      </span>
      {groups.map((g) => {
        const h = groupHeading(g, lang);
        const headingId = `group-${g.key}`;
        const findings = g.bySeverity.flatMap((s) => s.findings);
        return (
          <section key={g.key} className={styles.group} data-testid="form-group" aria-labelledby={headingId}>
            <div className={styles.header}>
              <Subtitle2 as="h2" id={headingId} className={styles.title} data-testid="form-title">
                {h.title}
              </Subtitle2>
              <Caption1 className={styles.meta} data-testid="form-meta">
                {[h.kind, h.where, t("pane.groupCount", lang, { count: g.count })]
                  .filter(Boolean)
                  .join(" · ")}
              </Caption1>
              {h.template && (
                <Caption1 className={styles.meta} data-testid="form-template">
                  {h.template}
                </Caption1>
              )}
            </div>
            <div role="list" className={styles.list} aria-labelledby={headingId}>
              {findings.map((f) => {
                const selected = props.selectedKey === f.key;
                return (
                  <FindingRow
                    key={f.key}
                    lang={lang}
                    finding={f}
                    selected={selected}
                    tabbable={tabKey === f.key}
                    formSheet={g.form?.sheet}
                    editing={props.editingKey === f.key}
                    saving={props.editingKey === f.key && props.saving}
                    onSelect={props.onSelect}
                    onExplain={props.onExplain}
                    onCancelExplain={props.onCancelExplain}
                    onSaveExplanation={props.onSaveExplanation}
                    onRemoveExplanation={props.onRemoveExplanation}
                    actions={selected ? props.renderActions?.(f) : undefined}
                  />
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
