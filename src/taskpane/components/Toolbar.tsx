import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ArrowExportLtrRegular } from "@fluentui/react-icons/svg/arrow-export-ltr";
import { DocumentSearchRegular } from "@fluentui/react-icons/svg/document-search";
import { EraserRegular } from "@fluentui/react-icons/svg/eraser";
import type { ReactNode } from "react";
import type { Lang } from "../../core";
import { t } from "../../messages";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

export interface ToolbarProps {
  lang: Lang;
  checking: boolean;
  clearing: boolean;
  exporting: boolean;
  canExport: boolean;
  onCheck: () => void;
  onClear: () => void;
  onExport: () => void;
  /** More toolbar buttons (全部安全修正). */
  extra?: ReactNode;
}

/** 检查表格 · 清除标记 · 导出检查报告. */
export function Toolbar(props: ToolbarProps) {
  const { lang, checking, clearing, exporting, canExport } = props;
  const styles = useStyles();
  const checkLabel = t(checking ? "app.checking" : "app.check", lang);
  return (
    <div className={styles.bar} role="toolbar" aria-label={t("app.appTitle", lang)}>
      <Button
        size="small"
        appearance="primary"
        data-testid="check-button"
        disabled={checking}
        aria-busy={checking}
        icon={checking ? <Spinner size="tiny" aria-label={checkLabel} /> : <DocumentSearchRegular />}
        onClick={props.onCheck}
      >
        {checkLabel}
      </Button>
      <Button
        size="small"
        data-testid="clear-button"
        disabled={clearing}
        icon={clearing ? <Spinner size="tiny" /> : <EraserRegular />}
        onClick={props.onClear}
      >
        {t("app.clear", lang)}
      </Button>
      <Button
        size="small"
        data-testid="export-button"
        disabled={!canExport || exporting}
        icon={exporting ? <Spinner size="tiny" /> : <ArrowExportLtrRegular />}
        onClick={props.onExport}
      >
        {t("app.exportReport", lang)}
      </Button>
      {props.extra}
    </div>
  );
}
