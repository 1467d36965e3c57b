import { Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { WrenchRegular } from "@fluentui/react-icons/svg/wrench";
import type { Lang } from "../../core";
import { useFixes } from "./FixContext";
import { EditTable } from "./FixPreview";
import { t } from "../../messages";

const useStyles = makeStyles({
  confirm: {
    flexBasis: "100%",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "50vh",
    overflowY: "auto",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * 全部安全修正 (with the count) for the toolbar, and its confirmation listing every edit; applying
 * writes them in one batch and checks again. Hidden when no safe fix is offered.
 */
export function FixAllButton({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const { controller, state } = useFixes();
  if (!controller) return null;
  const { chosen, edits } = controller.safeFixes();
  if (chosen.length === 0 && !state.confirmingAll) return null;
  return (
    <>
      <Button
        data-testid="fix-all-button"
        disabled={state.applying || chosen.length === 0}
        aria-expanded={state.confirmingAll}
        icon={state.applying && state.confirmingAll ? <Spinner size="tiny" /> : <WrenchRegular />}
        onClick={() => (state.confirmingAll ? controller.cancelAll() : controller.confirmAll())}
      >
        {t("fixes.fixAll", lang, { count: chosen.length })}
      </Button>
      {state.confirmingAll && chosen.length > 0 && (
        <div
          className={styles.confirm}
          role="group"
          aria-label={t("fixes.preview", lang)}
          data-testid="fix-all-confirm"
          tabIndex={0}
        >
          <Caption1>{t("fixes.confirmAll", lang, { count: chosen.length, cells: edits.length })}</Caption1>
          <EditTable edits={edits} lang={lang} showSheet />
          <div className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              data-testid="fix-all-apply"
              disabled={state.applying}
              onClick={() => void controller.applyAllSafe()}
            >
              {t("fixes.applyAll", lang)}
            </Button>
            <Button size="small" data-testid="fix-all-cancel" onClick={() => controller.cancelAll()}>
              {t("terms.cancel", lang)}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
