/** Displayed text of a cell, as Excel shows it (the number format applied): shared with the .xlsx reader. */
export { displayText } from "../../hosts/xlsx/cell-values";
