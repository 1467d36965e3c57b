import { Caption1, makeStyles, mergeClasses, shorthands, Text, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import type { LibraryChoice } from "../../app/insert";
import type { Lang } from "../../core";
import type { ChooseEntry } from "../handlers";
import { t } from "../../messages";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    maxHeight: "320px",
    overflowY: "auto",
    padding: tokens.spacingVerticalXXS,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
  },
  option: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeftWidth: "3px",
    borderLeftStyle: "solid",
    borderLeftColor: "transparent",
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
    borderLeftColor: tokens.colorBrandStroke1,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  values: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  warn: { color: tokens.colorPaletteMarigoldForeground2 },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalXS },
});

export interface LibraryListProps {
  lang: Lang;
  label: string;
  entries: LibraryChoice[];
  /** The chosen entry's name; null for the blank row. */
  selected: string | null;
  onChoose: ChooseEntry;
}

const OPTION = '[role="option"]';

/**
 * The 空白指标行 option, then the 指标库 entries of the group: name, the two values (budget filled in)
 * and the unit. A click, Enter or Space chooses; the arrow keys move between options.
 */
export function LibraryList({ lang, label, entries, selected, onChoose }: LibraryListProps) {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!root.current || !target.matches(OPTION)) return;
    const options = Array.from(root.current.querySelectorAll<HTMLElement>(OPTION));
    const i = options.indexOf(target);
    let next = -1;
    if (e.key === "ArrowDown") next = Math.min(i + 1, options.length - 1);
    else if (e.key === "ArrowUp") next = Math.max(i - 1, 0);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = options.length - 1;
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      target.click();
      return;
    } else return;
    e.preventDefault();
    options[next]?.focus();
  };
  const option = (name: string | null, testId: string, children: ReactNode) => {
    const isSelected = selected === name;
    return (
      <div
        key={name ?? "\u0000blank"}
        role="option"
        tabIndex={0}
        aria-selected={isSelected}
        className={mergeClasses(styles.option, isSelected && styles.selected)}
        data-testid={testId}
        data-name={name ?? undefined}
        data-selected={isSelected ? "true" : "false"}
        onClick={() => onChoose(name)}
      >
        {children}
      </div>
    );
  };
  return (
    <div ref={root} role="listbox" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {option(
        null,
        "library-blank",
        <>
          <Text className={styles.name}>{t("insert.blankRow", lang)}</Text>
          <Caption1 className={styles.muted}>{t("insert.blankRowHint", lang)}</Caption1>
        </>,
      )}
      {entries.map(({ entry, needsBudget }) =>
        option(
          entry.name,
          "library-entry",
          <>
            <Text className={styles.name}>{entry.name}</Text>
            <Caption1 className={styles.values}>
              {t("insert.values", lang, { period: entry.period, annual: entry.annual })}
            </Caption1>
            <Caption1 className={styles.muted}>
              {[entry.unit ? t("insert.unit", lang, { unit: entry.unit }) : "", entry.note ?? ""]
                .filter(Boolean)
                .join(" · ")}
            </Caption1>
            {needsBudget && <Caption1 className={styles.warn}>{t("insert.noBudget", lang)}</Caption1>}
          </>,
        ),
      )}
      {entries.length === 0 && (
        <Caption1 className={styles.empty} data-testid="library-empty">
          {t("insert.libraryEmpty", lang)}
        </Caption1>
      )}
    </div>
  );
}
