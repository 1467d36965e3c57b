/**
 * 怎么改: each finding links to its rule's help page, rendered from docs/rules/<id>.md at build time
 * beside the pane (webpack.config.js): the Chinese half as `help/rules/<id>.html`, the English half
 * (`## English`) as `help/rules/en/<id>.html`. The pane opens the page in its own language. A page
 * per language rather than an `#en` anchor: the English page is `<html lang="en">` with an English
 * title (screen readers read it as English, axe's lang checks hold), the reader does not scroll
 * past the Chinese to reach it, and nothing depends on an Office dialog keeping a URL's fragment.
 * The add-in opens it in an Office dialog (DialogApi 1.1, guarded); elsewhere, or where dialogs are
 * not supported, in a new window.
 */
import { createContext, useContext } from "react";
import type { Lang } from "../core";
import { RULES_BY_ID } from "../rules";

/** Every registered rule has its page (test/catalogue.test.ts); the `internal` finding has none. */
export function hasHelp(rule: string): boolean {
  return RULES_BY_ID.has(rule);
}

export interface HelpOpener {
  /** The page's address (relative to the pane), for the link's href; Chinese unless `lang` is "en". */
  url(rule: string, lang?: Lang): string;
  open(rule: string, lang?: Lang): void;
}

/**
 * `help/rules/<id>.html` (Chinese) or `help/rules/en/<id>.html` (English); rule ids are `[a-z0-9-]`,
 * anything else is refused (no path games).
 */
export function helpPath(rule: string, lang: Lang = "zh"): string {
  if (!/^[a-z0-9-]+$/.test(rule)) return "help.html";
  return lang === "en" ? `help/rules/en/${rule}.html` : `help/rules/${rule}.html`;
}

export function helpUrl(rule: string, base: string, lang: Lang = "zh"): string {
  return new URL(helpPath(rule, lang), base).href;
}

/** An opener whose pages are in `lang` (the pane's language), for the pane's HelpContext. */
export function helpIn(opener: HelpOpener, lang: Lang): HelpOpener {
  return {
    url: (rule) => opener.url(rule, lang),
    open: (rule) => opener.open(rule, lang),
  };
}

/** A new browser window or tab (the web checker, or where Office dialogs are not there). */
export const windowHelp: HelpOpener = {
  url: helpPath,
  open(rule, lang) {
    window.open(helpUrl(rule, location.href, lang), "_blank", "noopener");
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
    open(rule, lang) {
      const url = helpUrl(rule, base(), lang);
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
