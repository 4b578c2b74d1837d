import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { stringsFor } from "./i18n/strings";

/** A dark Office theme has a dark body background; Office reports it as a hex colour. */
function isDark(background: string | undefined): boolean {
  const hex = background?.replace("#", "");
  if (!hex || hex.length !== 6) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

void Office.onReady((info) => {
  const container = document.getElementById("root");
  if (!container) return;
  const language = Office.context?.displayLanguage;
  const strings = stringsFor(language);
  const theme = isDark(Office.context?.officeTheme?.bodyBackgroundColor)
    ? webDarkTheme
    : webLightTheme;
  document.documentElement.lang = language?.toLowerCase().startsWith("en") ? "en" : "nl";
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <App strings={strings} inExcel={info.host === Office.HostType.Excel} />
    </FluentProvider>
  );
});
