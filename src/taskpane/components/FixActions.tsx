import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { WrenchRegular } from "@fluentui/react-icons/svg/wrench";
import type { Finding } from "../../app/findings";
import type { Lang } from "../../core";
import { cellLabel } from "../view-model";
import { useFixes } from "./FixContext";
import { FixPreview } from "./FixPreview";
import { t } from "../../messages";

const useStyles = makeStyles({ actions: { display: "flex", gap: tokens.spacingHorizontalXS } });

/**
 * The 修正 button of a finding that offers fixes, and its preview when open (a slot for the finding
 * row's actions: nothing is rendered for a finding without fixes or outside a pane that applies them).
 */
export function FixActions({ lang, finding }: { lang: Lang; finding: Finding }) {
  const styles = useStyles();
  const { controller, state } = useFixes();
  if (!controller || !finding.fixes?.length) return null;
  const open = state.previewKey === finding.key;
  return (
    <>
      {!open && (
        <div className={styles.actions}>
          <Button
            size="small"
            appearance="subtle"
            icon={<WrenchRegular />}
            data-testid="fix-button"
            aria-label={t("fixes.fixFor", lang, { cell: cellLabel(finding) })}
            aria-expanded={false}
            onClick={(e) => {
              e.stopPropagation();
              controller.openPreview(finding.key);
            }}
          >
            {t("fixes.fix", lang)}
          </Button>
        </div>
      )}
      {open && (
        <FixPreview
          lang={lang}
          rule={finding.rule}
          fixes={finding.fixes}
          applying={state.applying}
          onApply={(i) => void controller.applyFix(finding, i)}
          onCancel={() => controller.closePreview()}
        />
      )}
    </>
  );
}
