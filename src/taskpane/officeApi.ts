/**
 * The pane's actions in Excel: each calls a use case of src/office, loaded on
 * the first action so the pane's first paint carries no workbook code.
 */
import { presets } from "../engine/presets";
import { setUpTexts } from "../workbook/setUpTexts";
import type { PresetView } from "./model";
import type { PaneApi } from "./usePane";

const office = () => import(/* webpackChunkName: "office" */ "../office");
const sheets = () => import(/* webpackChunkName: "office" */ "../workbook/texts");
/** The CV readers (pdfjs, fflate, saxes, franc): a chunk of their own, loaded when CVs come in. */
const cv = () => import(/* webpackChunkName: "cv" */ "../cv");
/** Office's own Excel and Office globals: the production host. */
const host = async () => (await office()).pageHost();

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
  readRequest: async () => (await office()).runReadRequest(await host()),
  setUp: async (presetOrBlank) => (await office()).runSetUp(await host(), presetOrBlank),
  score: async () => (await office()).runScore(await host()),
  recordDraw: async (rows, order, names) =>
    (await office()).runRecordDraw(await host(), rows, order, {}, names),
  selectCell: async (sheet, cell) => (await office()).selectCell(await host(), sheet, cell),
  share: async () => (await office()).runShare(await host()),
  cleanUp: async () => (await office()).runCleanUp(await host()),
  cvIntake: async () => (await office()).runCvIntake(await host()),
  readCv: async (file, bytes) => (await cv()).readCv(file, bytes),
  proposeCv: async (candidate, docs, request) =>
    (await cv()).proposeFromCvs(candidate, docs, request),
  checkCvProposals: async (proposals) =>
    (await office()).runCheckCvProposals(await host(), proposals),
  applyCvProposals: async (chosen) => (await office()).runApplyCvProposals(await host(), chosen),
  onShown(listener) {
    // SharedRuntime 1.1: the pane is hidden and shown again without reloading the page.
    if (typeof Office.addin?.onVisibilityModeChanged !== "function") return () => undefined;
    const remove = Office.addin
      .onVisibilityModeChanged((message) => {
        if (message.visibilityMode === Office.VisibilityMode.taskpane) listener();
      })
      .catch(() => null);
    return () => {
      void remove.then((stop) => stop?.());
    };
  },
  async showRequest() {
    const [{ selectCell }, { sheetNames }] = await Promise.all([office(), sheets()]);
    await selectCell(await host(), sheetNames.request, "A1");
  },
};
