/** Where `npm start` records the server it started, for `npm stop`. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const STATE_DIR = resolve(__dirname, "..", "..", ".dev");
export const STATE_FILE = join(STATE_DIR, "server.json");

export interface DevState {
  pid: number;
  port: number;
  id: string;
  manifest: string;
  sideloaded: boolean;
}

/** The running server's record, or null (none recorded, or its process is gone). */
export function readState(): DevState | null {
  if (!existsSync(STATE_FILE)) return null;
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, "utf8")) as DevState;
    process.kill(state.pid, 0);
    return state;
  } catch {
    return null;
  }
}
