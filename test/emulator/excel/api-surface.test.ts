/**
 * Every public member of the emulated classes exists, under the same name, in @types/office-js
 * (checked by the compiler), so code that compiles against the real API can only call members
 * that are real; members the emulation lacks fail loudly at run time instead.
 */
import type * as M from "../../../src/emulator/excel/objects";
import type { MemClientResult } from "../../../src/emulator/excel/proxy";

type Public<T> = Exclude<keyof T, `_${string}`>;
/** Resolves to `true` only when every public member of Mine exists on Real. */
type Within<Mine, Real> = [Exclude<Public<Mine>, keyof Real>] extends [never]
  ? true
  : Exclude<Public<Mine>, keyof Real>;

const checks: true[] = [
  true as Within<M.MemRequestContext, Excel.RequestContext>,
  true as Within<M.Workbook, Excel.Workbook>,
  true as Within<M.WorksheetCollection, Excel.WorksheetCollection>,
  true as Within<M.Worksheet, Excel.Worksheet>,
  true as Within<M.Range, Excel.Range>,
  true as Within<M.RangeFormat, Excel.RangeFormat>,
  true as Within<M.RangeFill, Excel.RangeFill>,
  true as Within<M.RangeFont, Excel.RangeFont>,
  true as Within<M.RangeBorderCollection, Excel.RangeBorderCollection>,
  true as Within<M.RangeBorder, Excel.RangeBorder>,
  true as Within<M.DataValidation, Excel.DataValidation>,
  true as Within<M.RangeAreas, Excel.RangeAreas>,
  true as Within<M.RangeCollection, Excel.RangeCollection>,
  true as Within<M.ConditionalFormatCollection, Excel.ConditionalFormatCollection>,
  true as Within<M.ConditionalFormat, Excel.ConditionalFormat>,
  true as Within<M.CustomConditionalFormat, Excel.CustomConditionalFormat>,
  true as Within<M.ConditionalFormatRule, Excel.ConditionalFormatRule>,
  true as Within<M.ConditionalRangeFormat, Excel.ConditionalRangeFormat>,
  true as Within<M.ConditionalRangeFill, Excel.ConditionalRangeFill>,
  true as Within<M.ConditionalRangeFont, Excel.ConditionalRangeFont>,
  true as Within<M.SettingCollection, Excel.SettingCollection>,
  true as Within<M.Setting, Excel.Setting>,
  true as Within<M.EventHandlers, OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>>,
  true as Within<M.EventHandlerResult, OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>>,
  true as Within<MemClientResult<number>, OfficeExtension.ClientResult<number>>,
];

it("emulates only members the real API has (checked at compile time)", () => {
  expect(checks.every(Boolean)).toBe(true);
});
