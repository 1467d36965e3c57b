/**
 * The built-ins the code uses that are newer than the oldest webview the add-in targets
 * (package.json "browserslist"): esbuild lowers syntax, not library calls. Loaded first in every
 * bundle (webpack.config.js).
 */
if (typeof Object.hasOwn !== "function") {
  // Chromium 93 / Safari 15.4.
  Object.defineProperty(Object, "hasOwn", {
    configurable: true,
    writable: true,
    value: (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key),
  });
}
export {};
