import { createContext, useContext, useSyncExternalStore } from "react";
import type { FixController, FixState } from "../fix-controller";
import { INITIAL_FIX_STATE } from "../fix-controller";

/** The pane's FixController, for the 修正 button of a finding and 全部安全修正 (no prop threading). */
export const FixContext = createContext<FixController | null>(null);

const NONE = () => () => undefined;
const initial = () => INITIAL_FIX_STATE;

/** The controller (null outside a pane that offers fixes) and its state. */
export function useFixes(): { controller: FixController | null; state: FixState } {
  const controller = useContext(FixContext);
  const state = useSyncExternalStore(
    controller?.subscribe ?? NONE,
    controller?.getState ?? initial,
    controller?.getState ?? initial,
  );
  return { controller, state };
}
