import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import type { Lang } from "../../core";
import type { StatusIntent } from "../controller";
import { t } from "../../messages";

export interface StatusBarProps {
  lang: Lang;
  intent: StatusIntent;
  text: string;
  /** Without it the bar cannot be dismissed (the start-up error). */
  onDismiss?: () => void;
}

/** The one message bar: the outcome of the last action, or a failure. Its text is `status`. */
export function StatusBar({ lang, intent, text, onDismiss }: StatusBarProps) {
  return (
    <MessageBar intent={intent} data-testid="status-bar" data-intent={intent}>
      <MessageBarBody data-testid="status">{text}</MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              size="small"
              aria-label={t("pane.dismiss", lang)}
              title={t("pane.dismiss", lang)}
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
