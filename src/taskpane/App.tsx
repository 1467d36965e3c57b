import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { WorkbookHost } from "../hosts/host";
import type { Lang } from "../core";
import { StatusBar } from "./components/StatusBar";
import { ErrorBoundary } from "./ErrorBoundary";
import { HelpContext, helpIn, windowHelp, type HelpOpener } from "./help";
import { TaskPane } from "./TaskPane";
import { t } from "../messages";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
  title: { margin: "0" },
});

export interface AppProps {
  /** The workbook; null when the pane is not running in Excel (then `startupError` says why). */
  host: WorkbookHost | null;
  lang: Lang;
  /** Without a host: why (an error bar). With a host: a warning shown above the pane (e.g. a legacy .xls). */
  startupError?: string;
  /** Opens a rule's help page (怎么改): an Office dialog in Excel; a new window by default. */
  help?: HelpOpener;
}

/** The task pane: Fluent UI v9, Simplified Chinese first (English with lang "en"). */
export function App({ host, lang, startupError, help = windowHelp }: AppProps) {
  const styles = useStyles();
  // 怎么改 opens the help page in the pane's language.
  const localHelp = useMemo(() => helpIn(help, lang), [help, lang]);
  return (
    // No class on the provider: Fluent copies it onto the portal node of dropdowns and tooltips.
    <FluentProvider theme={webLightTheme} lang={lang === "en" ? "en" : "zh-CN"}>
      <HelpContext.Provider value={localHelp}>
        <main className={styles.main}>
          <Subtitle1 as="h1" className={styles.title}>
            {t("app.appTitle", lang)}
          </Subtitle1>
          <ErrorBoundary lang={lang}>
            {host && startupError && (
              // With a host, a start-up message is a warning (e.g. a legacy .xls file): the pane still works.
              <MessageBar intent="warning" data-testid="startup-bar">
                <MessageBarBody data-testid="startup-message">{startupError}</MessageBarBody>
              </MessageBar>
            )}
            {host ? (
              <TaskPane host={host} lang={lang} />
            ) : (
              <StatusBar
                lang={lang}
                intent="error"
                text={startupError ?? t("app.notExcel", lang, { host: "?" })}
              />
            )}
          </ErrorBoundary>
        </main>
      </HelpContext.Provider>
    </FluentProvider>
  );
}
