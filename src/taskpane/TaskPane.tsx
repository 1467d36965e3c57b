import { Divider, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { WorkbookHost } from "../hosts/host";
import type { Lang } from "../rules/types";
import { FindingList } from "./components/FindingList";
import { Filters } from "./components/Filters";
import { StatusBar } from "./components/StatusBar";
import { Summary } from "./components/Summary";
import { Toolbar } from "./components/Toolbar";
import { PaneController } from "./controller";
import { PANE } from "./strings";
import { ui } from "../app/messages";
import { filterCounts, filterFindings, groupFindings } from "./view-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface TaskPaneProps {
  host: WorkbookHost;
  lang: Lang;
}

/** The pane's body once a host is there: toolbar, status, summary, filters, findings. */
export function TaskPane({ host, lang }: TaskPaneProps) {
  const styles = useStyles();
  const controller = useMemo(() => new PaneController(host, lang), [host, lang]);
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
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

  const counts = useMemo(() => (view ? filterCounts(view.findings, filters) : null), [view, filters]);
  const groups = useMemo(
    () => (view ? groupFindings(view, filterFindings(view.findings, filters)) : []),
    [view, filters],
  );

  return (
    <div className={styles.root}>
      <Toolbar
        lang={lang}
        checking={state.checking}
        clearing={state.clearing}
        exporting={state.exporting}
        canExport={view !== null}
        onCheck={handlers.check}
        onClear={handlers.clear}
        onExport={handlers.exportReport}
      />
      {state.status && (
        <StatusBar
          lang={lang}
          intent={state.status.intent}
          text={state.status.text}
          onDismiss={handlers.dismiss}
        />
      )}
      <Summary lang={lang} view={view} checkedAt={state.checkedAt} recheckPending={state.recheckPending} />
      {view && counts && view.findings.length > 0 && (
        <>
          <Divider />
          <Filters
            lang={lang}
            filters={filters}
            counts={counts}
            onToggleSeverity={handlers.toggleSeverity}
            onCategory={handlers.setCategory}
          />
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
            />
          ) : (
            <Text className={styles.empty} data-testid="no-matches">
              {ui(PANE.noMatches, lang)}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
