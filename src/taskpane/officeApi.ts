/**
 * The pane's actions in Excel: each calls a use case of src/office, loaded on
 * the first action so the pane's first paint carries no workbook code.
 */
import { presets } from "../engine/presets/request17040";
import { setUpTexts } from "../office/texts";
import type { PresetView } from "./model";
import type { PaneApi } from "./usePane";

const office = () => import(/* webpackChunkName: "office" */ "../office");
const sheets = () => import(/* webpackChunkName: "office" */ "../workbook/texts");

/** The presets a new evaluation can start from. */
export const presetViews: PresetView[] = Object.values(presets).map((p) => ({
  id: p.id,
  title: p.title,
}));

/** The id that sets up a blank request. */
export const blankId: string = setUpTexts.blank;

/**
 * The {@link PaneApi} over the open workbook.
 *
 * @example
 * const { state, actions } = usePane(officeApi, strings);
 */
export const officeApi: PaneApi = {
  readRequest: async () => (await office()).runReadRequest(),
  setUp: async (presetOrBlank) => (await office()).runSetUp(presetOrBlank),
  score: async () => (await office()).runScore(),
  recordDraw: async (rows, order) => (await office()).runRecordDraw(rows, order),
  selectCell: async (sheet, cell) => (await office()).selectCell(sheet, cell),
  share: async () => (await office()).runShare(),
  cleanUp: async () => (await office()).runCleanUp(),
  async showRequest() {
    const [{ selectCell }, { sheetNames }] = await Promise.all([office(), sheets()]);
    await selectCell(sheetNames.request, "A1");
  },
};
