/** Shared helpers for the in-memory Excel tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type MemoryWorkbook, memoryWorkbookFromXlsx } from "../../../src/emulator/excel";

export const EXAMPLE_PATH = join(__dirname, "../../../examples/nancheng-2026-per-sheet.xlsx");

let cached: Uint8Array | undefined;

/** The example workbook's bytes (read once). */
export function exampleBytes(): Uint8Array {
  if (!cached) cached = new Uint8Array(readFileSync(EXAMPLE_PATH));
  return cached;
}

/** A fresh MemoryWorkbook of the example (each test gets its own state). */
export function loadExample(): Promise<MemoryWorkbook> {
  return memoryWorkbookFromXlsx(exampleBytes(), "nancheng-2026-per-sheet.xlsx");
}

/** Runs `fn` and returns the error it throws or rejects with (fails when it does not). */
export async function caught(fn: () => unknown): Promise<{ code?: string; message: string; name?: string }> {
  try {
    await fn();
  } catch (e) {
    return e as { code?: string; message: string; name?: string };
  }
  throw new Error("expected an error");
}
