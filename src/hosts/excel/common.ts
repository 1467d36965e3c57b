/**
 * What the parts of the Office.js adapter share: its dependencies, the requirement-set guard,
 * Excel.run with the options a background run needs, error codes, and the add-in's own writes
 * (so their change events are not taken for the user's edits).
 */
import type { Lang, MessageArgs } from "../../core";
import type { CallOptions, HostInfo } from "../host";
import { ChangeTracker } from "./changes";
import { render, type MessageId } from "../../messages";

export interface ExcelRunOptions {
  delayForCellEdit?: boolean;
}

/** Excel.run, optionally with Excel.RunOptions (ExcelApi 1.11). */
export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: ExcelRunOptions,
) => Promise<T>;

export interface ExcelHostDeps {
  run: ExcelRun;
  isSetSupported(name: string, version: string): boolean;
  lang: Lang;
  kind?: HostInfo["kind"];
}

/** The manifest's minimum (manifest.xml <Set Name="ExcelApi" MinVersion="1.9"/>). */
export const MANIFEST_MIN_EXCEL_API = "1.9";

export const SETTINGS_PREFIX = "perfTargetCheck.";
export const MARKS_KEY = "perfTargetCheck.marks";
/** The list of explanations of version 1 (one setting for all); read, then replaced by one setting each. */
export const EXPLANATIONS_KEY = "perfTargetCheck.explanations";
/** The workbook's CheckConfig (src/config), a JSON object or its text; read with the other settings. */
export const CONFIG_KEY = "perfTargetCheck.config";
export const EXPLANATION_PREFIX = "perfTargetCheck.explanation:";
export const REPORT_SHEET_KEY = "perfTargetCheck.reportSheetId";

/** An error of the adapter with a message for the user (already in the user's language). */
export class HostError extends Error {
  constructor(
    readonly code: string,
    id: MessageId,
    lang: Lang,
    args: MessageArgs = {},
  ) {
    super(render({ messageId: id, args }, lang));
    this.name = "HostError";
  }
}

export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Too large for one request or response (the web's 5 MB), or over the 5,000,000-cell limit. */
export function isTooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit"
  );
}

export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

export function isCellEditMode(e: unknown): boolean {
  return errorCode(e) === CELL_EDIT_MODE;
}

/** Excel.run of office.js, as an ExcelRun. */
export const officeRun: ExcelRun = (batch, options) =>
  options ? Excel.run(options, batch) : Excel.run(batch);

export interface Core {
  deps: ExcelHostDeps;
  lang: Lang;
  /** ExcelApi `version` is supported. */
  api(version: string): boolean;
  /** Excel.run; a background run waits for the user to leave cell-edit mode where Excel can. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: CallOptions): Promise<T>;
  /** Sheet id → name, from the last read (change events name sheets by id). */
  sheetNames: Map<string, string>;
  own: OwnWrites;
  /** Sheets changed since the last read (change events, own value writes): what a re-check reads. */
  changes: ChangeTracker;
  error(code: string, id: MessageId, args?: MessageArgs): HostError;
}

export function createCore(deps: ExcelHostDeps): Core {
  const api = (version: string) => deps.isSetSupported("ExcelApi", version);
  return {
    deps,
    lang: deps.lang,
    api,
    run(batch, options) {
      // Excel.RunOptions.delayForCellEdit (ExcelApi 1.11): a background run waits until the user
      // leaves cell-edit mode instead of failing with InvalidOperationInCellEditMode.
      if (options?.background && api("1.11")) return deps.run(batch, { delayForCellEdit: true });
      return deps.run(batch);
    },
    sheetNames: new Map(),
    own: new OwnWrites(),
    changes: new ChangeTracker(),
    error: (code, id, args) => new HostError(code, id, deps.lang, args),
  };
}

/**
 * Sheets the add-in is writing (or just wrote): Excel delivers the change events of a write shortly
 * after its sync, and before ExcelApi 1.14 they do not say who wrote (triggerSource).
 */
export class OwnWrites {
  static readonly GRACE_MS = 2000;
  private readonly until = new Map<string, number>();
  constructor(private readonly clock: () => number = Date.now) {}

  async around<T>(sheets: Iterable<string>, write: () => Promise<T>): Promise<T> {
    const list = [...sheets].map((s) => s.toLowerCase());
    for (const s of list) this.until.set(s, Number.POSITIVE_INFINITY);
    try {
      return await write();
    } finally {
      const end = this.clock() + OwnWrites.GRACE_MS;
      for (const s of list) this.until.set(s, end);
    }
  }

  isOwn(sheet: string): boolean {
    return (this.until.get(sheet.toLowerCase()) ?? 0) > this.clock();
  }
}
