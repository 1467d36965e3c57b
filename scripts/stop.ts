/** npm stop: stops the dev server `npm start` started and removes the sideloaded add-in. */
import { rmSync } from "node:fs";
import { apply } from "./start";
import { STATE_FILE, readState } from "./deploy/state";
import { unloadPlan } from "./deploy/sideload";

const state = readState();
if (!state) {
  console.log("没有正在运行的开发服务器。");
  rmSync(STATE_FILE, { force: true });
} else {
  try {
    process.kill(-state.pid, "SIGTERM"); // the server's whole process group
  } catch {
    process.kill(state.pid, "SIGTERM");
  }
  if (state.sideloaded) apply(unloadPlan(process.platform, state.id));
  rmSync(STATE_FILE, { force: true });
  console.log(
    `已停止开发服务器（端口 ${state.port}）${state.sideloaded ? "，并移除了旁加载的加载项" : ""}。`,
  );
}
