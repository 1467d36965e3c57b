/**
 * Errors shaped like Office.js' `OfficeExtension.Error` (runtime name "RichApi.Error"): `code`,
 * `message`, `debugInfo` (`code`, `message`, `errorLocation`), `traceMessages`, `innerError`.
 * Messages are the ones office.js (excel-web-16.00) uses.
 */

export class MemoryOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: MemoryOfficeError | null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function propertyNotLoaded(typeName: string, property: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    typeName ? `${typeName}.${property}` : undefined,
  );
}

export function valueNotLoaded(): MemoryOfficeError {
  return new MemoryOfficeError(
    "ValueNotLoaded",
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
    "clientResult.value",
  );
}

export function itemNotFound(location: string): MemoryOfficeError {
  return new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.", location, 404);
}

export function itemAlreadyExists(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "ItemAlreadyExists",
    "The resource being created already exists.",
    location,
    409,
  );
}

export function invalidArgument(location: string, detail?: string): MemoryOfficeError {
  const base = "The argument is invalid or missing or has an incorrect format.";
  return new MemoryOfficeError("InvalidArgument", detail ? `${base} (${detail})` : base, location);
}

export function cellEditMode(): MemoryOfficeError {
  return new MemoryOfficeError(
    "InvalidOperationInCellEditMode",
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  );
}

export function sheetProtected(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet.",
    location,
    403,
  );
}

export function generalException(location: string, detail: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "GeneralException",
    `An internal error has occurred. (${detail})`,
    location,
    500,
  );
}

export function invalidOperation(location: string, detail?: string): MemoryOfficeError {
  const base = "The operation attempted is invalid on the object.";
  return new MemoryOfficeError("InvalidOperation", detail ? `${base} (${detail})` : base, location);
}

/** What office.js throws synchronously when a member needs a newer requirement set. */
export function apiNotFound(member: string, version: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "ApiNotFound",
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    member,
    404,
  );
}

/**
 * The brief for this host asks for `RequestPayloadSizeLimitExceeded` on oversized responses too.
 * Excel on the web distinguishes `ResponsePayloadSizeLimitExceeded` for reads; an adapter should
 * split on either code.
 */
export const PAYLOAD_LIMIT_CODE = "RequestPayloadSizeLimitExceeded";

export function payloadTooLarge(
  bytes: number,
  limit: number,
  what: "request" | "response",
): MemoryOfficeError {
  return new MemoryOfficeError(
    PAYLOAD_LIMIT_CODE,
    `The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (in-memory host: ${what} of ${bytes} bytes, limit ${limit})`,
    undefined,
    400,
  );
}

export function rangeExceedsLimit(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "RangeExceedsLimit",
    "The cell count in the range has exceeded the maximum supported number.",
    location,
  );
}

export function runMustReturnPromise(): MemoryOfficeError {
  return new MemoryOfficeError(
    "RunMustReturnPromise",
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  );
}

export function nonBlankCellOffSheet(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "NonBlankCellOffSheet",
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet. These non-empty cells might appear empty but have blank values, some formatting, or a formula. Delete enough rows or columns to make room for what you want to insert and then try again.",
    location,
  );
}

export function invalidSelection(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "InvalidSelection",
    "The current selection is invalid for this operation.",
    location,
  );
}
