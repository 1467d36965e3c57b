/**
 * The lean reader in a browser: fflate inflates the ZIP entries (node:zlib is Node only). Offered
 * for the demo and the task pane; they still load .xlsx through exceljs (src/emulator/excel/xlsx.ts),
 * which also brings the formatting the in-memory host shows.
 */
import { inflateSync } from "fflate";
import type { WorkbookSnapshot } from "../../../engine/snapshot";
import { readWorkbookBytes } from "./read-workbook";
import type { Inflate } from "./zip";

/** Inflates into a buffer of `maxOutput` bytes: fflate truncates what does not fit, which the ZIP reader detects. */
export const fflateInflate: Inflate = (data, maxOutput) =>
  inflateSync(data, { out: new Uint8Array(maxOutput) });

/** Reads an .xlsx held in memory; `name` names the workbook in messages and the snapshot. */
export function readXlsxBytes(data: ArrayBuffer | Uint8Array, name: string): WorkbookSnapshot {
  return readWorkbookBytes(
    data instanceof Uint8Array ? data : new Uint8Array(data),
    name,
    name,
    fflateInflate,
  );
}
