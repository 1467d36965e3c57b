/**
 * A checking worker thread: reads + checks one file per task and posts its ReportFile back.
 * Compiled to dist/node/cli/worker.js next to batch.js; from the TypeScript sources (ts-jest, tsx)
 * batch.ts loads this file through tsx's require hook. See resolveWorker() in batch.ts.
 */
import { parentPort } from "node:worker_threads";
import { checkFile } from "./check-file";
import type { WorkerReply, WorkerTask } from "./worker-protocol";

const port = parentPort;
if (port) {
  port.on("message", (task: WorkerTask) => {
    // checkFile never rejects; if posting failed the worker dies and the pool reports the file.
    void checkFile(task.file, task.lang, task.options).then((report) => {
      const reply: WorkerReply = { type: "result", id: task.id, report };
      port.postMessage(reply);
    });
  });
  const ready: WorkerReply = { type: "ready" };
  port.postMessage(ready);
}
