import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";
import { severityLabel } from "../../app/findings";
import { ui } from "../../app/messages";
import type { Lang } from "../../rules/types";
import type { KeyAction, SaveExplanation, SelectFinding } from "../handlers";
import { PANE } from "../strings";
import { groupHeading, type FindingGroup } from "../view-model";
import { FindingRow } from "./FindingRow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
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
  severity: { color: tokens.colorNeutralForeground3, paddingTop: tokens.spacingVerticalXS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
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
}

const ROW = '[data-testid="finding"]';

/** Findings by form (header: name, kind, Sheet!range), then by severity. Arrow keys move between rows. */
export function FindingList(props: FindingListProps) {
  const { lang, groups } = props;
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
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
    rows[next]?.focus();
  };
  return (
    <div
      ref={root}
      className={styles.root}
      data-testid="findings"
      aria-label={ui(PANE.findingsList, lang)}
      role="region"
      onKeyDown={onKeyDown}
    >
      {groups.map((g) => {
        const h = groupHeading(g, lang);
        const headingId = `group-${g.key}`;
        return (
          <section key={g.key} className={styles.group} data-testid="form-group" aria-labelledby={headingId}>
            <div className={styles.header}>
              <Subtitle2 as="h3" id={headingId} className={styles.title} data-testid="form-title">
                {h.title}
              </Subtitle2>
              <Caption1 className={styles.meta}>
                {[h.kind, h.where, ui(PANE.groupCount, lang, { count: g.count })].filter(Boolean).join(" · ")}
              </Caption1>
            </div>
            {g.bySeverity.map((s) => (
              <div key={s.severity} className={styles.group}>
                <Caption1 className={styles.severity} id={`${headingId}-${s.severity}`}>
                  {ui(PANE.countSuffix, lang, {
                    label: severityLabel(s.severity, lang),
                    count: s.findings.length,
                  })}
                </Caption1>
                <div role="list" className={styles.list} aria-labelledby={`${headingId}-${s.severity}`}>
                  {s.findings.map((f) => (
                    <FindingRow
                      key={f.key}
                      lang={lang}
                      finding={f}
                      selected={props.selectedKey === f.key}
                      editing={props.editingKey === f.key}
                      saving={props.editingKey === f.key && props.saving}
                      onSelect={props.onSelect}
                      onExplain={props.onExplain}
                      onCancelExplain={props.onCancelExplain}
                      onSaveExplanation={props.onSaveExplanation}
                      onRemoveExplanation={props.onRemoveExplanation}
                    />
                  ))}
                </div>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
