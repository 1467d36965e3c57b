/**
 * A single updating progress line on stderr ("已检查 37/200 个文件…") for long runs on a terminal.
 * Only when stderr is a TTY and there are more than PROGRESS_MIN_FILES files: never in a pipe or a
 * log, so JSON / SARIF on stdout and captured stderr stay clean. Cleared before the results print.
 */
import type { Lang } from "../core";
import { t } from "../messages";

export const PROGRESS_MIN_FILES = 20;
const MIN_INTERVAL_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line (if one was drawn). */
  end(): void;
}

export function createProgress(
  write: (s: string) => void,
  isTTY: boolean,
  total: number,
  lang: Lang,
  now: () => number = Date.now,
): Progress {
  if (!isTTY || total <= PROGRESS_MIN_FILES) return { update: () => undefined, end: () => undefined };
  let drawn = false;
  let last = -Infinity;
  return {
    update(done, all) {
      const time = now();
      if (done < all && time - last < MIN_INTERVAL_MS) return;
      last = time;
      drawn = true;
      write(`\r${t("cli.progress", lang, { done, total: all })}\x1b[K`);
    },
    end() {
      if (drawn) write("\r\x1b[K");
      drawn = false;
    },
  };
}
