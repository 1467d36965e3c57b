import { Badge, Button, Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { diffText, fixLabel, type DiffPart } from "../../app/fixes";
import type { CellEdit, Fix, Lang } from "../../core";
import { t } from "../../messages";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "default",
  },
  fix: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  cellCol: { width: "4.5em" },
  sheetCol: { width: "30%" },
  sheet: { fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground3 },
  td: {
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: "anywhere",
    whiteSpace: "pre-wrap",
    fontSize: tokens.fontSizeBase200,
  },
  address: { fontFamily: tokens.fontFamilyMonospace },
  del: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    textDecorationLine: "line-through",
  },
  ins: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorPaletteGreenForeground2,
    textDecorationLine: "none",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Line breaks and spaces a fix adds or removes, made visible. */
function shown(text: string): string {
  return text.replace(/\n/g, "↵\n");
}

/** One side of an edit: the kept text with what goes (before) or comes (after) highlighted. */
export function DiffSide({ edit, side, lang }: { edit: CellEdit; side: "before" | "after"; lang: Lang }) {
  const styles = useStyles();
  const value = side === "before" ? edit.before : edit.after;
  if (value === null || value === "") return <Caption1>{t("fixes.blank", lang)}</Caption1>;
  const parts: DiffPart[] = diffText(String(edit.before ?? ""), String(edit.after ?? ""));
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === "same") return <span key={i}>{shown(p.text)}</span>;
        if (p.kind === "del")
          return side === "before" ? (
            <del key={i} className={styles.del}>
              {shown(p.text)}
            </del>
          ) : null;
        return side === "after" ? (
          <ins key={i} className={styles.ins}>
            {shown(p.text)}
          </ins>
        ) : null;
      })}
    </>
  );
}

/** The edits of one fix as a small table: cell, before, after. */
export function EditTable({
  edits,
  lang,
  showSheet = false,
}: {
  edits: readonly CellEdit[];
  lang: Lang;
  /** Name the sheet of each cell (a list across sheets). */
  showSheet?: boolean;
}) {
  const styles = useStyles();
  return (
    <table className={styles.table} data-testid="fix-edits">
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.th, showSheet ? styles.sheetCol : styles.cellCol)}>
            {t("fixes.cell", lang)}
          </th>
          <th scope="col" className={styles.th}>
            {t("fixes.before", lang)}
          </th>
          <th scope="col" className={styles.th}>
            {t("fixes.after", lang)}
          </th>
        </tr>
      </thead>
      <tbody>
        {edits.map((e) => (
          <tr key={`${e.sheet}!${e.cell}`} data-testid="fix-edit" data-cell={`${e.sheet}!${e.cell}`}>
            <td className={mergeClasses(styles.td, styles.address)}>
              {showSheet && <div className={styles.sheet}>{e.sheet}</div>}
              {e.cell}
            </td>
            <td className={styles.td} data-testid="fix-before">
              <DiffSide edit={e} side="before" lang={lang} />
            </td>
            <td className={styles.td} data-testid="fix-after">
              <DiffSide edit={e} side="after" lang={lang} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface FixPreviewProps {
  lang: Lang;
  rule: string;
  fixes: readonly Fix[];
  applying: boolean;
  onApply: (index: number) => void;
  onCancel: () => void;
}

/** The fixes of a finding, each with its before/after and an 应用 button; 取消 closes the preview. */
export function FixPreview(props: FixPreviewProps) {
  const { lang, rule, fixes, applying } = props;
  const styles = useStyles();
  return (
    <div
      className={styles.box}
      role="group"
      aria-label={t("fixes.preview", lang)}
      data-testid="fix-preview"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {fixes.map((fix, i) => (
        <div
          key={i}
          className={styles.fix}
          data-testid="fix-option"
          data-kind={fix.kind}
          data-message={fix.messageId}
        >
          <div className={styles.head}>
            <Badge appearance="tint" color={fix.kind === "safe" ? "success" : "informative"}>
              {t(fix.kind === "safe" ? "fixes.safe" : "fixes.suggestion", lang)}
            </Badge>
            <Text weight="semibold" data-testid="fix-label">
              {fixLabel(rule, fix, lang)}
            </Text>
          </div>
          <EditTable edits={fix.edits} lang={lang} />
          <div className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              data-testid="fix-apply"
              disabled={applying}
              onClick={() => props.onApply(i)}
            >
              {t("fixes.apply", lang)}
            </Button>
          </div>
        </div>
      ))}
      <div className={styles.actions}>
        <Button size="small" data-testid="fix-cancel" onClick={props.onCancel}>
          {t("terms.cancel", lang)}
        </Button>
      </div>
    </div>
  );
}
