/**
 * The add-in's interpreter (src/office/apply.ts) handles every kind of change: one example of
 * each (test/workbook/changeKinds.ts) changes the workbook in Microsoft's Excel client against
 * the simulator, except the two the add-in never asks for (notes and validation texts: it
 * reads neither, so no use case writes them), which fail loudly. So does a kind it does not know.
 */
import { applyChanges, readWorkbook } from "../../src/office";
import { growTables } from "../../src/office/apply";
import type { WorkbookChange } from "../../src/workbook/changes";
import { base, examples, oneOfEach, unknownChange } from "../workbook/changeKinds";
import { emptyState, simulateExcel, type ExcelSimulator } from "./simulator";

/** The kinds the add-in does not write (src/office/apply.ts says why). */
const notWritten = ["writeNote", "validationTexts"];

/** The examples as Excel names a header or footer: `group.text` (as runCleanUp reads them). */
const forOffice = examples({
  ...oneOfEach,
  headerFooterTexts: {
    ...oneOfEach.headerFooterTexts,
    texts: { "defaultForAllPages.centerHeader": "Kop" },
  },
});

/** Applies changes as the use cases do: `Blad` read, tables grown before the batch (growTables). */
async function apply(excel: ExcelSimulator, changes: WorkbookChange[]): Promise<void> {
  await excel.host.run(async (context) => {
    const read = await readWorkbook(context, { sheets: ["Blad"] });
    await growTables(context, changes, excel.host.isSetSupported);
    await applyChanges(context, changes, read, excel.host.isSetSupported);
  });
}

/** The simulated workbook as text, to tell whether a change changed it. */
function stateText(excel: ExcelSimulator): string {
  return JSON.stringify(excel.state, (_, value: unknown) =>
    value instanceof Map ? [...value.entries()] : value
  );
}

async function baseWorkbook(): Promise<ExcelSimulator> {
  const excel = simulateExcel(emptyState());
  await apply(
    excel,
    base.filter((c) => !notWritten.includes(c.kind))
  );
  return excel;
}

test.each(forOffice.filter(([kind]) => !notWritten.includes(kind)))(
  "%s is made",
  async (_, change) => {
    const excel = await baseWorkbook();
    const before = stateText(excel);
    await apply(excel, [change]);
    expect(stateText(excel)).not.toBe(before);
  }
);

test.each(notWritten)("%s is refused, naming it: the add-in never writes one", async (kind) => {
  const excel = await baseWorkbook();
  const [, change] = forOffice.find(([k]) => k === kind)!;
  await expect(apply(excel, [change])).rejects.toThrow(`The add-in does not write '${kind}'.`);
});

test("a kind of change it does not know fails, naming it", async () => {
  const excel = await baseWorkbook();
  await expect(apply(excel, [unknownChange])).rejects.toThrow(/Unknown change: .*paintItBlack/);
});
