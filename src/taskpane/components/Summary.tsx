import { Caption1, makeStyles, mergeClasses, Spinner, Text, tokens } from "@fluentui/react-components";
import type { CheckView } from "../../app/findings";
import type { Lang } from "../../core";
import { countChips, summaryLine } from "../view-model";
import { t } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  pending: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  chips: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "0",
  },
  chip: { whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteMarigoldForeground2, fontWeight: tokens.fontWeightSemibold },
  zero: { color: tokens.colorNeutralForeground3 },
});

export interface SummaryProps {
  lang: Lang;
  view: CheckView | null;
  checkedAt: Date | null;
  recheckPending: boolean;
}

/** The counts line (`summary`), when it was checked, and the re-check notice. */
export function Summary({ lang, view, checkedAt, recheckPending }: SummaryProps) {
  const styles = useStyles();
  const line = summaryLine(view, lang);
  return (
    <div className={styles.root}>
      {view && (line.kind === "summary" || line.kind === "noFindings") ? (
        // One chip per count: the line wraps between chips, never inside one.
        <div
          className={styles.chips}
          data-testid="summary"
          data-kind={line.kind}
          role="status"
          aria-live="polite"
        >
          {countChips(view.counts, lang).map((c) => (
            <Text
              key={c.kind}
              className={mergeClasses(
                styles.chip,
                c.kind === "error" && view.counts.errors > 0 && styles.error,
                c.kind === "warning" && view.counts.warnings > 0 && styles.warning,
              )}
              data-testid={`count-${c.kind}`}
            >
              {c.text}
            </Text>
          ))}
          {line.kind === "noFindings" && <Text className={styles.chip}>{t("terms.noFindings", lang)}</Text>}
        </div>
      ) : (
        <Text data-testid="summary" data-kind={line.kind} role="status" aria-live="polite">
          {line.text}
        </Text>
      )}
      {checkedAt && (
        <Caption1 className={styles.muted} data-testid="checked-at">
          {t("pane.checkedAt", lang, {
            time: checkedAt.toLocaleTimeString(lang === "en" ? "en-GB" : "zh-CN", { hour12: false }),
          })}
        </Caption1>
      )}
      {recheckPending && (
        <div className={styles.pending} data-testid="recheck-pending" role="status">
          <Spinner size="extra-tiny" />
          <Caption1>{t("app.recheckPending", lang)}</Caption1>
        </div>
      )}
    </div>
  );
}
