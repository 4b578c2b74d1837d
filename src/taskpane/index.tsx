import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { TooOldExcel } from "./components/TooOldExcel";
import { stringsFor, type Strings } from "./i18n/strings";
import { blankId, officeApi, presetViews } from "./officeApi";
import { missingSets } from "./requirements";
import { themeFor } from "./theme";
import { initialPaneState, usePane } from "./usePane";

/** The pane in Excel: the controller over the open workbook. */
function ExcelPane({ strings }: { strings: Strings }) {
  const { state, actions } = usePane(officeApi, strings);
  return (
    <App
      strings={strings}
      inExcel
      state={state}
      presets={presetViews}
      blankId={blankId}
      actions={actions}
    />
  );
}

const noActions = {
  setUp() {},
  score() {},
  recordDraw() {},
  selectCell() {},
  editRequest() {},
  share() {},
  cleanUp() {},
  dismissError() {},
  dismissNotice() {},
  addCvFiles() {},
  setCvCandidate() {},
  removeCvFile() {},
  toggleCvProposal() {},
  applyCvProposals() {},
  clearCv() {},
};

void Office.onReady((info) => {
  const container = document.getElementById("root");
  if (!container) return;
  const language = Office.context?.displayLanguage;
  const strings = stringsFor(language);
  document.documentElement.lang = strings.locale;
  const inExcel = info.host === Office.HostType.Excel;
  const requirements = Office.context?.requirements;
  const missing = inExcel
    ? missingSets(requirements && ((name, version) => requirements.isSetSupported(name, version)))
    : [];
  createRoot(container).render(
    <FluentProvider theme={themeFor(Office.context?.officeTheme)}>
      {inExcel && missing.length > 0 ? (
        <TooOldExcel strings={strings} missing={missing} />
      ) : inExcel ? (
        <ExcelPane strings={strings} />
      ) : (
        <App
          strings={strings}
          inExcel={false}
          state={initialPaneState}
          presets={presetViews}
          blankId={blankId}
          actions={noActions}
        />
      )}
    </FluentProvider>
  );
});
