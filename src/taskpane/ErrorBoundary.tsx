import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";
import type { Lang } from "../core";
import { reasonOf } from "./view-model";
import { t } from "../messages";

export interface ErrorBoundaryProps {
  lang: Lang;
  children?: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/** A render error shows a message (and a retry), never a blank pane. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("Task pane render error", error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null, failed: false });

  override render(): ReactNode {
    const { lang, children } = this.props;
    if (!this.state.failed) return children;
    return (
      <MessageBar intent="error" data-testid="status-bar" data-intent="error">
        <MessageBarBody data-testid="status">
          {t("pane.renderError", lang, { reason: reasonOf(this.state.error, lang) })}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" data-testid="retry-button" onClick={this.retry}>
            {t("pane.retry", lang)}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
