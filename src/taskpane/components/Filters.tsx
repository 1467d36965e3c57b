import { Dropdown, makeStyles, Option, ToggleButton, tokens } from "@fluentui/react-components";
import { categoryLabel, severityLabel } from "../../app/findings";
import type { Category, Lang } from "../../core";
import type { ChooseCategory, ToggleSeverity } from "../handlers";
import { CATEGORIES, SEVERITIES, type FilterCounts, type Filters as FilterState } from "../view-model";
import { DOT } from "./severity";
import { t } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  severities: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  dot: { width: "8px", height: "8px", borderRadius: tokens.borderRadiusCircular, display: "inline-block" },
  dropdown: { minWidth: "0", maxWidth: "100%" },
});

export interface FiltersProps {
  lang: Lang;
  filters: FilterState;
  counts: FilterCounts;
  onToggleSeverity: ToggleSeverity;
  onCategory: ChooseCategory;
}

/** Severity toggles with counts, and a category dropdown with counts. */
export function Filters({ lang, filters, counts, onToggleSeverity, onCategory }: FiltersProps) {
  const styles = useStyles();
  const withCount = (label: string, count: number) => t("pane.countSuffix", lang, { label, count });
  const categoryText = (c: Category | "all") =>
    c === "all"
      ? withCount(t("pane.allCategories", lang), counts.allCategories)
      : withCount(categoryLabel(c, lang), counts.category[c]);
  return (
    <div className={styles.root} role="group" aria-label={t("pane.filters", lang)}>
      <div className={styles.severities} role="group" aria-label={t("app.filterSeverity", lang)}>
        {/* A severity with no finding is not offered (提示（0）), unless it is switched off. */}
        {SEVERITIES.filter((s) => counts.severity[s] > 0 || !filters.severities[s]).map((s) => (
          <ToggleButton
            key={s}
            size="small"
            shape="circular"
            checked={filters.severities[s]}
            data-testid={`filter-severity-${s}`}
            data-count={counts.severity[s]}
            icon={<span className={styles.dot} style={{ backgroundColor: DOT[s] }} aria-hidden />}
            onClick={() => onToggleSeverity(s)}
          >
            {withCount(severityLabel(s, lang), counts.severity[s])}
          </ToggleButton>
        ))}
      </div>
      <Dropdown
        size="small"
        className={styles.dropdown}
        aria-label={t("app.filterCategory", lang)}
        data-testid="filter-category"
        value={categoryText(filters.category)}
        selectedOptions={[filters.category]}
        onOptionSelect={(_, data) => {
          if (data.optionValue) onCategory(data.optionValue as Category | "all");
        }}
      >
        {(["all", ...CATEGORIES] as const).map((c) => (
          <Option key={c} value={c} data-testid={`filter-category-${c}`}>
            {categoryText(c)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
