import { Button, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { cellLabel } from "../view-model";
import type { Finding } from "../../app/findings";
import type { Lang } from "../../core";
import type { KeyAction, SaveExplanation } from "../handlers";
import { t } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  input: { width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface ExplanationEditorProps {
  lang: Lang;
  finding: Finding;
  saving: boolean;
  onSave: SaveExplanation;
  onCancel: () => void;
  onRemove: KeyAction;
}

/** The inline 说明 editor of a warning: Ctrl+Enter saves, Escape cancels. */
export function ExplanationEditor({
  lang,
  finding,
  saving,
  onSave,
  onCancel,
  onRemove,
}: ExplanationEditorProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(finding.explanation?.text ?? "");
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  const canSave = !saving && draft.trim() !== "";
  const save = () => {
    if (canSave) onSave(finding.key, draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCancel();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
  // Clicks and keys in the editor are not the row's (which would select the cell).
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <div className={styles.root} onClick={stop} onKeyDown={onKeyDown}>
      <Textarea
        ref={input}
        className={styles.input}
        data-testid="explanation-input"
        aria-label={t("pane.explanationFor", lang, { cell: cellLabel(finding) })}
        placeholder={t("app.explanationPlaceholder", lang)}
        resize="vertical"
        value={draft}
        onChange={(_, data) => setDraft(data.value)}
      />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          size="small"
          data-testid="explanation-save"
          disabled={!canSave}
          onClick={save}
        >
          {t("app.save", lang)}
        </Button>
        <Button size="small" data-testid="explanation-cancel" onClick={onCancel}>
          {t("terms.cancel", lang)}
        </Button>
        {finding.explanation && (
          <Button
            size="small"
            appearance="subtle"
            data-testid="explanation-remove"
            disabled={saving}
            onClick={() => onRemove(finding.key)}
          >
            {t("app.remove", lang)}
          </Button>
        )}
      </div>
    </div>
  );
}
