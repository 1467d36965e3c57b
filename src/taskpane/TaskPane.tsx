import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import type { Finding } from "../app/findings";
import type { WorkbookHost } from "../hosts/host";
import type { Lang } from "../core";
import { FindingList } from "./components/FindingList";
import { Filters } from "./components/Filters";
import { FixAllButton } from "./components/FixAllButton";
import { FixContext } from "./components/FixContext";
import { FixController } from "./fix-controller";
import { InsertPanel } from "./components/InsertPanel";
import { PaneTabs } from "./components/PaneTabs";
import { StatusBar } from "./components/StatusBar";
import { Summary } from "./components/Summary";
import { Toolbar } from "./components/Toolbar";
import { PaneController } from "./controller";
import type { InsertHandlers } from "./handlers";
import { InsertController } from "./insert-controller";
import { filterCounts, filterFindings, groupFindings } from "./view-model";
import { t } from "../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  empty: { color: tokens.colorNeutralForeground3 },
  /** Toolbar, counts and filters stay in view while the findings scroll. */
  sticky: {
    position: "sticky",
    top: "0",
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  configList: { margin: "0", paddingLeft: tokens.spacingHorizontalL },
});

export type PaneTab = "check" | "insert";

export interface TaskPaneProps {
  host: WorkbookHost;
  lang: Lang;
  /** The tab shown first (检查 unless told). */
  initialTab?: PaneTab;
  /** The selected finding's further actions (修正 and its preview), shown in its row. */
  renderActions?: (finding: Finding) => ReactNode;
}

/**
 * The pane's body once a host is there: the 检查 | 插入 tabs and the status bar; 检查 holds the
 * toolbar, summary, filters and findings, 插入 the template actions.
 */
export function TaskPane({ host, lang, initialTab = "check", renderActions }: TaskPaneProps) {
  const styles = useStyles();
  const controller = useMemo(() => new PaneController(host, lang), [host, lang]);
  const inserter = useMemo(() => new InsertController(host, lang, controller), [host, lang, controller]);
  const fixer = useMemo(() => new FixController(host, lang, controller), [host, lang, controller]);
  const [tab, setTab] = useState<PaneTab>(initialTab);
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);
  useEffect(() => {
    // Each visit of 插入 reads the selection again: the defaults follow the selected cell.
    if (tab === "insert") void inserter.prepare();
  }, [tab, inserter]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const insertState = useSyncExternalStore(inserter.subscribe, inserter.getState, inserter.getState);
  const { view, filters } = state;

  const handlers = useMemo(
    () => ({
      check: () => void controller.check(),
      clear: () => void controller.clearMarks(),
      exportReport: () => void controller.exportReport(),
      dismiss: () => controller.dismissStatus(),
      select: controller.select.bind(controller),
      explain: controller.startExplaining.bind(controller),
      cancelExplain: controller.cancelExplaining.bind(controller),
      saveExplanation: (key: string, text: string) => void controller.saveExplanation(key, text),
      removeExplanation: (key: string) => void controller.removeExplanation(key),
      toggleSeverity: controller.toggleSeverity.bind(controller),
      setCategory: controller.setCategory.bind(controller),
    }),
    [controller],
  );

  const insertHandlers = useMemo<InsertHandlers>(
    () => ({
      refresh: () => void inserter.prepare(),
      chooseForm: inserter.chooseForm.bind(inserter),
      chooseLevel2: inserter.chooseLevel2.bind(inserter),
      search: inserter.search.bind(inserter),
      chooseEntry: inserter.chooseEntry.bind(inserter),
      insertRow: () => void inserter.insertRow(),
      previewStructure: inserter.previewStructure.bind(inserter),
      applyStructure: () => void inserter.applyStructure(),
      cancelStructure: inserter.cancelStructure.bind(inserter),
      previewNewSheet: inserter.previewNewSheet.bind(inserter),
      applyNewSheet: () => void inserter.applyNewSheet(),
      cancelNewSheet: inserter.cancelNewSheet.bind(inserter),
    }),
    [inserter],
  );

  const counts = useMemo(() => (view ? filterCounts(view.findings, filters) : null), [view, filters]);
  const groups = useMemo(
    () => (view ? groupFindings(view, filterFindings(view.findings, filters)) : []),
    [view, filters],
  );

  const content = (
    <div className={styles.root}>
      <PaneTabs<PaneTab>
        label={t("insert.tabs", lang)}
        idPrefix="pane"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { value: "check", label: t("insert.tabCheck", lang), testId: "tab-check" },
          { value: "insert", label: t("insert.tabInsert", lang), testId: "tab-insert" },
        ]}
      />
      {state.status && (
        <StatusBar
          lang={lang}
          intent={state.status.intent}
          text={state.status.text}
          onDismiss={handlers.dismiss}
        />
      )}
      {tab === "insert" ? (
        <div role="tabpanel" id="pane-insert" aria-labelledby="pane-tab-insert">
          <InsertPanel lang={lang} state={insertState} handlers={insertHandlers} />
        </div>
      ) : (
        <div role="tabpanel" id="pane-check" aria-labelledby="pane-tab-check" className={styles.root}>
          <div className={styles.sticky} data-testid="pane-header">
            <Toolbar
              lang={lang}
              checking={state.checking}
              clearing={state.clearing}
              exporting={state.exporting}
              canExport={view !== null}
              onCheck={handlers.check}
              onClear={handlers.clear}
              onExport={handlers.exportReport}
              extra={<FixAllButton lang={lang} />}
            />
            <Summary
              lang={lang}
              view={view}
              checkedAt={state.checkedAt}
              recheckPending={state.recheckPending}
            />
            {view && counts && view.findings.length > 0 && (
              <Filters
                lang={lang}
                filters={filters}
                counts={counts}
                onToggleSeverity={handlers.toggleSeverity}
                onCategory={handlers.setCategory}
              />
            )}
          </div>
          {state.configMessages.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="config-messages">
              <MessageBarBody>
                <MessageBarTitle>{t("pane.configTitle", lang)}</MessageBarTitle>
                <ul className={styles.configList}>
                  {state.configMessages.map((m) => (
                    <li key={m} data-testid="config-message">
                      {m}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {view && counts && view.findings.length > 0 && (
            <>
              {groups.length > 0 ? (
                <FindingList
                  lang={lang}
                  groups={groups}
                  selectedKey={state.selectedKey}
                  editingKey={state.editingKey}
                  saving={state.saving}
                  onSelect={handlers.select}
                  onExplain={handlers.explain}
                  onCancelExplain={handlers.cancelExplain}
                  onSaveExplanation={handlers.saveExplanation}
                  onRemoveExplanation={handlers.removeExplanation}
                  renderActions={renderActions}
                />
              ) : (
                <Text className={styles.empty} data-testid="no-matches">
                  {t("pane.noMatches", lang)}
                </Text>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
  return <FixContext.Provider value={fixer}>{content}</FixContext.Provider>;
}
