/**
 * 怎么改: each finding links to its rule's help page, rendered from docs/rules/<id>.md at build time
 * into `help/rules/<id>.html` beside the pane (webpack.config.js). The add-in opens it in an Office
 * dialog (DialogApi 1.1, guarded); elsewhere, or where dialogs are not supported, in a new window.
 */
import { createContext, useContext } from "react";
import { RULES_BY_ID } from "../rules";

/** Every registered rule has its page (test/catalogue.test.ts); the `internal` finding has none. */
export function hasHelp(rule: string): boolean {
  return RULES_BY_ID.has(rule);
}

export interface HelpOpener {
  /** The page's address (relative to the pane), for the link's href. */
  url(rule: string): string;
  open(rule: string): void;
}

/** `help/rules/<id>.html`; rule ids are `[a-z0-9-]`, anything else is refused (no path games). */
export function helpPath(rule: string): string {
  return /^[a-z0-9-]+$/.test(rule) ? `help/rules/${rule}.html` : "help.html";
}

export function helpUrl(rule: string, base: string): string {
  return new URL(helpPath(rule), base).href;
}

/** A new browser window or tab (the web checker, or where Office dialogs are not there). */
export const windowHelp: HelpOpener = {
  url: helpPath,
  open(rule) {
    window.open(helpUrl(rule, location.href), "_blank", "noopener");
  },
};

interface DialogOffice {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    ui: {
      displayDialogAsync(
        url: string,
        options: { height: number; width: number; promptBeforeOpen?: boolean },
        callback?: (result: { status: unknown; value?: { close(): void } }) => void,
      ): void;
    };
  };
}

/**
 * Office's dialog when DialogApi 1.1 is supported (a dialog already open is closed first: Office allows
 * one at a time), else a new window.
 */
export function officeHelp(office: DialogOffice, base: () => string = () => location.href): HelpOpener {
  let current: { close(): void } | null = null;
  return {
    url: helpPath,
    open(rule) {
      const url = helpUrl(rule, base());
      if (!office.context.requirements.isSetSupported("DialogApi", "1.1")) {
        window.open(url, "_blank", "noopener");
        return;
      }
      try {
        current?.close();
      } catch {
        // Already closed by the user.
      }
      current = null;
      office.context.ui.displayDialogAsync(url, { height: 70, width: 45, promptBeforeOpen: false }, (r) => {
        if (r.status === "succeeded" && r.value) current = r.value;
        else window.open(url, "_blank", "noopener");
      });
    },
  };
}

export const HelpContext = createContext<HelpOpener>(windowHelp);

export function useHelp(): HelpOpener {
  return useContext(HelpContext);
}
