import {
  Button,
  Caption1,
  Divider,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons/svg/arrow-sync";
import { TabAddRegular } from "@fluentui/react-icons/svg/tab-add";
import { TableInsertRowRegular } from "@fluentui/react-icons/svg/table-insert-row";
import { TableSimpleIncludeRegular } from "@fluentui/react-icons/svg/table-simple-include";
import { planLocation, type GroupChoice } from "../../app/insert";
import { level2Display, type Level2 } from "../../engine/vocabulary";
import type { Lang } from "../../core";
import type { RowInsertPlan } from "../../template/types";
import type { InsertHandlers } from "../handlers";
import type { InsertState } from "../insert-controller";
import { groupDigits } from "../view-model";
import { LibraryList } from "./LibraryList";
import { t, type MessageId, type ArgsOf } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: "0" },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: "0", maxWidth: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    margin: "0",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  lines: { margin: "0", paddingLeft: tokens.spacingHorizontalL },
  line: { overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  fields: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: "0",
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: "0", overflowWrap: "anywhere" },
});

export interface InsertPanelProps {
  lang: Lang;
  state: InsertState;
  handlers: InsertHandlers;
}

function groupLabel(g: GroupChoice, lang: Lang): string {
  const label = t("insert.groupOption", lang, { level1: g.level1 ?? "—", level2: level2Display(g.level2) });
  return g.present ? label : t("insert.groupMissing", lang, { label });
}

/** Where a row plan writes, as a sentence. */
function whereText(plan: RowInsertPlan, lang: Lang): string {
  const at = planLocation(plan);
  const args = { sheet: at.sheet, row: at.row, cell: `${at.sheet}!${at.cell}` };
  if (at.inserted > 0) return t("insert.whereInsert", lang, args);
  const writes = plan.steps.some((s) => s.cells.length > 0);
  return t(writes ? "insert.whereFill" : "insert.whereSelect", lang, args);
}

/** The 插入 tab: 插入指标行, 补全标准结构 and 新建项目表, each previewed before it is applied. */
export function InsertPanel({ lang, state, handlers }: InsertPanelProps) {
  const styles = useStyles();
  const tx = <Id extends MessageId>(id: Id, ...args: ArgsOf<Id>) => t(id, lang, ...args);
  const { prepared, forms, formIndex, groups, level2, rowPlan, structure, newSheet, applying } = state;
  const form = formIndex !== null ? forms[formIndex] : undefined;
  const group = groups.find((g) => g.level2 === level2);
  const formText = (i: number) => {
    const f = forms[i];
    return f ? tx("insert.formOption", { name: f.name, sheet: f.sheet, range: f.range }) : "";
  };
  const busy = applying !== null;

  return (
    <div className={styles.root} data-testid="insert-panel">
      {state.message && (
        <MessageBar intent={state.message.intent} data-testid="insert-message" data-kind={state.message.kind}>
          <MessageBarBody>{state.message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar}>
        <Button
          size="small"
          data-testid="insert-refresh"
          disabled={state.preparing || busy}
          icon={state.preparing ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          onClick={handlers.refresh}
        >
          {tx("insert.refresh")}
        </Button>
        {state.preparing && !prepared && (
          <Caption1 className={styles.muted} data-testid="insert-loading">
            {tx("insert.reading")}
          </Caption1>
        )}
      </div>

      {prepared && (
        <>
          <section className={styles.section} aria-labelledby="insert-row-title">
            <Subtitle2 as="h2" id="insert-row-title" className={styles.heading}>
              {tx("insert.rowTitle")}
            </Subtitle2>
            <Field label={tx("insert.form")} size="small">
              <Dropdown
                size="small"
                className={styles.dropdown}
                data-testid="insert-form"
                placeholder={tx("insert.chooseForm")}
                disabled={forms.length === 0 || busy}
                value={formIndex !== null ? formText(formIndex) : ""}
                selectedOptions={formIndex !== null ? [String(formIndex)] : []}
                onOptionSelect={(_, data) => {
                  if (data.optionValue !== undefined) handlers.chooseForm(Number(data.optionValue));
                }}
              >
                {forms.map((f) => (
                  <Option
                    key={f.index}
                    value={String(f.index)}
                    text={formText(f.index)}
                    data-testid="insert-form-option"
                    data-index={f.index}
                    data-sheet={f.sheet}
                  >
                    {`${formText(f.index)} · ${tx(`terms.formKind.${f.kind}`)}`}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={tx("insert.group")} size="small">
              <Dropdown
                size="small"
                className={styles.dropdown}
                data-testid="insert-level2"
                placeholder={tx("insert.chooseGroup")}
                disabled={!form || !form.hasTable || busy}
                value={group ? groupLabel(group, lang) : ""}
                selectedOptions={level2 ? [level2] : []}
                onOptionSelect={(_, data) => {
                  if (data.optionValue) handlers.chooseLevel2(data.optionValue as Level2);
                }}
              >
                {groups.map((g) => (
                  <Option
                    key={g.level2}
                    value={g.level2}
                    text={groupLabel(g, lang)}
                    data-testid="insert-level2-option"
                    data-level2={g.level2}
                    data-present={g.present ? "true" : "false"}
                  >
                    {groupLabel(g, lang)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {form && level2 && group?.present && (
              <>
                {form.budget && (
                  <Caption1 className={styles.muted} data-testid="insert-budget">
                    {tx("insert.budget", { budget: groupDigits(form.budget) })}
                  </Caption1>
                )}
                <Field label={tx("insert.library")} size="small">
                  <SearchBox
                    size="small"
                    data-testid="library-search"
                    placeholder={tx("insert.librarySearch")}
                    value={state.query}
                    onChange={(_, data) => handlers.search(data.value)}
                  />
                </Field>
                <LibraryList
                  lang={lang}
                  label={tx("insert.library")}
                  entries={state.library}
                  selected={state.entryName}
                  onChoose={handlers.chooseEntry}
                />
              </>
            )}
            {rowPlan?.ok && (
              <div className={styles.preview} data-testid="insert-preview" aria-label={tx("insert.preview")}>
                <Caption1 className={styles.muted}>{tx("insert.preview")}</Caption1>
                <ul className={styles.lines}>
                  {rowPlan.plan.preview.map((line, i) => (
                    <li key={i} className={styles.line} data-testid="preview-line">
                      {line}
                    </li>
                  ))}
                </ul>
                <Caption1 className={styles.where} data-testid="insert-where">
                  {whereText(rowPlan.plan, lang)}
                </Caption1>
              </div>
            )}
            <div className={styles.bar}>
              <Button
                appearance="primary"
                data-testid="insert-row-button"
                disabled={!rowPlan?.ok || busy}
                icon={applying === "row" ? <Spinner size="tiny" /> : <TableInsertRowRegular />}
                onClick={handlers.insertRow}
              >
                {tx(applying === "row" ? "insert.inserting" : "insert.insertRow")}
              </Button>
            </div>
          </section>

          <Divider />

          <section className={styles.section} aria-labelledby="insert-structure-title">
            <Subtitle2 as="h2" id="insert-structure-title" className={styles.heading}>
              {tx("insert.structureTitle")}
            </Subtitle2>
            <Caption1 className={styles.muted}>{tx("insert.structureHint")}</Caption1>
            <div className={styles.bar}>
              <Button
                data-testid="complete-structure-button"
                disabled={!form || !form.hasTable || busy}
                icon={<TableSimpleIncludeRegular />}
                onClick={handlers.previewStructure}
              >
                {tx("insert.structurePreview")}
              </Button>
            </div>
            {structure && (
              <div
                className={styles.preview}
                data-testid="complete-preview"
                data-complete={!structure.ok && structure.error === "complete" ? "true" : "false"}
              >
                {structure.ok ? (
                  <>
                    <ul className={styles.lines}>
                      {structure.plan.preview.map((line, i) => (
                        <li key={i} className={styles.line} data-testid="preview-line">
                          {line}
                        </li>
                      ))}
                    </ul>
                    <Caption1 className={styles.where}>
                      {tx("insert.structureWhere", {
                        sheet: structure.plan.sheet,
                        count: planLocation(structure.plan).inserted,
                      })}
                    </Caption1>
                    <div className={styles.bar}>
                      <Button
                        appearance="primary"
                        size="small"
                        data-testid="complete-apply"
                        disabled={busy}
                        icon={applying === "structure" ? <Spinner size="tiny" /> : undefined}
                        onClick={handlers.applyStructure}
                      >
                        {tx(applying === "structure" ? "insert.inserting" : "insert.apply")}
                      </Button>
                      <Button size="small" data-testid="complete-cancel" onClick={handlers.cancelStructure}>
                        {tx("terms.cancel")}
                      </Button>
                    </div>
                  </>
                ) : (
                  <Text data-testid="complete-message">
                    {structure.error === "complete"
                      ? tx("insert.structureComplete")
                      : tx("insert.noTable", { form: form?.name ?? "" })}
                  </Text>
                )}
              </div>
            )}
          </section>

          <Divider />

          <section className={styles.section} aria-labelledby="insert-sheet-title">
            <Subtitle2 as="h2" id="insert-sheet-title" className={styles.heading}>
              {tx("insert.sheetTitle")}
            </Subtitle2>
            <Caption1 className={styles.muted}>{tx("insert.sheetHint")}</Caption1>
            <div className={styles.bar}>
              <Button
                data-testid="new-sheet-button"
                disabled={busy}
                icon={<TabAddRegular />}
                onClick={handlers.previewNewSheet}
              >
                {tx("insert.sheetPreview")}
              </Button>
            </div>
            {newSheet && (
              <div className={styles.preview} data-testid="new-sheet-preview">
                <dl className={styles.fields}>
                  {(
                    [
                      ["insert.sheetName", newSheet.sheetName, "sheet"],
                      ["insert.owner", newSheet.owner, "owner"],
                      ["insert.user", newSheet.user, "user"],
                      ["insert.year", newSheet.year === null ? "" : String(newSheet.year), "year"],
                    ] as const
                  ).map(([label, value, part]) => (
                    <div key={part} style={{ display: "contents" }}>
                      <dt className={styles.term}>{tx(label)}</dt>
                      <dd className={styles.value} data-part={part}>
                        {value || tx("insert.blank")}
                      </dd>
                    </div>
                  ))}
                </dl>
                <div className={styles.bar}>
                  <Button
                    appearance="primary"
                    size="small"
                    data-testid="new-sheet-apply"
                    disabled={busy}
                    icon={applying === "sheet" ? <Spinner size="tiny" /> : undefined}
                    onClick={handlers.applyNewSheet}
                  >
                    {tx("insert.create")}
                  </Button>
                  <Button size="small" data-testid="new-sheet-cancel" onClick={handlers.cancelNewSheet}>
                    {tx("terms.cancel")}
                  </Button>
                </div>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
