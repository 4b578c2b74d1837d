/** The requirement sets the add-in needs, the start-up check, and what an older Excel shows. */
import { screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { en, nl } from "../../src/taskpane/i18n/strings";
import {
  apiUses,
  compareVersions,
  formatSet,
  missingSets,
  requiredSets,
  type ApiUse,
} from "../../src/taskpane/requirements";

describe("compareVersions", () => {
  test.each([
    ["1.9", "1.8", 1],
    ["1.10", "1.9", 1],
    ["1.9", "1.10", -1],
    ["1.2", "1.2", 0],
    ["1.2", "1.2.0", 0],
    ["2", "1.20", 1],
  ])("%s against %s: %i", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe("requiredSets", () => {
  const use = (set: string, version: string): ApiUse => ({
    api: `${set} ${version}`,
    pattern: /x/,
    set,
    version,
  });

  test("the add-in's: the newest ExcelApi it calls, CustomFunctions.Error's set, the shared runtime", () => {
    expect(requiredSets()).toEqual([
      { name: "ExcelApi", version: "1.9" },
      { name: "CustomFunctionsRuntime", version: "1.2" },
      { name: "SharedRuntime", version: "1.1" },
    ]);
  });

  test("takes the newest version per set, by number (1.10 after 1.9)", () => {
    const table = [use("ExcelApi", "1.9"), use("ExcelApi", "1.10"), use("ExcelApi", "1.4")];
    expect(requiredSets(table, [])).toEqual([{ name: "ExcelApi", version: "1.10" }]);
  });

  test("a runtime set adds to the table, never lowers it", () => {
    expect(
      requiredSets([use("SharedRuntime", "1.2")], [{ name: "SharedRuntime", version: "1.1" }])
    ).toEqual([{ name: "SharedRuntime", version: "1.2" }]);
  });

  test("every API of the table names a set and a version", () => {
    for (const entry of apiUses) {
      expect(entry.set).toMatch(/^(ExcelApi|CustomFunctionsRuntime)$/);
      expect(entry.version).toMatch(/^1\.\d+$/);
    }
  });
});

describe("missingSets", () => {
  test("none in an Excel that has them all", () => {
    expect(missingSets(() => true)).toEqual([]);
  });

  test("all, in order, in an Excel that has none", () => {
    expect(missingSets(() => false).map(formatSet)).toEqual([
      "ExcelApi 1.9",
      "CustomFunctionsRuntime 1.2",
      "SharedRuntime 1.1",
    ]);
  });

  test("asks Office for each set at the version needed", () => {
    const asked: string[] = [];
    missingSets((name, version) => {
      asked.push(`${name} ${version}`);
      return true;
    });
    expect(asked).toEqual(["ExcelApi 1.9", "CustomFunctionsRuntime 1.2", "SharedRuntime 1.1"]);
  });

  test("Excel 2019 (ExcelApi up to 1.8, no custom functions): what it lacks", () => {
    const excel2019 = (name: string, version: string) =>
      name === "ExcelApi" && compareVersions(version, "1.8") <= 0;
    expect(missingSets(excel2019).map(formatSet)).toEqual([
      "ExcelApi 1.9",
      "CustomFunctionsRuntime 1.2",
      "SharedRuntime 1.1",
    ]);
  });

  test("a host without isSetSupported cannot tell: nothing is reported missing", () => {
    expect(missingSets(undefined)).toEqual([]);
  });
});

describe("the message", () => {
  test.each([
    [
      nl,
      ["ExcelApi 1.9"],
      "Deze versie van Excel is te oud voor AwardScore: ExcelApi 1.9 ontbreekt. Gebruik Microsoft 365, Excel 2021 of nieuwer, of Excel op het web.",
    ],
    [
      nl,
      ["ExcelApi 1.9", "CustomFunctionsRuntime 1.2", "SharedRuntime 1.1"],
      "Deze versie van Excel is te oud voor AwardScore: ExcelApi 1.9, CustomFunctionsRuntime 1.2 en SharedRuntime 1.1 ontbreken. Gebruik Microsoft 365, Excel 2021 of nieuwer, of Excel op het web.",
    ],
    [
      en,
      ["ExcelApi 1.9"],
      "This version of Excel is too old for AwardScore: ExcelApi 1.9 is missing. Use Microsoft 365, Excel 2021 or later, or Excel on the web.",
    ],
    [
      en,
      ["ExcelApi 1.9", "SharedRuntime 1.1"],
      "This version of Excel is too old for AwardScore: ExcelApi 1.9 and SharedRuntime 1.1 are missing. Use Microsoft 365, Excel 2021 or later, or Excel on the web.",
    ],
  ])("%#: names what is missing", (strings, missing, text) => {
    expect(strings.tooOld(missing)).toBe(text);
  });
});

describe("start-up in Excel (src/taskpane/index.tsx)", () => {
  /** Loads the pane's entry point in a page with `Office` as given, as office.js would. */
  async function startPane(context: {
    displayLanguage: string;
    requirements?: { isSetSupported: (name: string, version?: string) => boolean };
  }) {
    document.body.innerHTML = '<div id="root"></div>';
    const info = { host: "Excel", platform: "PC" };
    (globalThis as unknown as { Office: unknown }).Office = {
      HostType: { Excel: "Excel" },
      context: { ...context, officeTheme: { bodyBackgroundColor: "#ffffff" } },
      onReady: (callback: (i: typeof info) => void) =>
        Promise.resolve().then(() => {
          callback(info);
          return info;
        }),
    };
    // A fresh module registry runs the entry point (and our modules) again. The packages are the
    // ones this file has loaded, as the page has one copy of each: loaded afresh, React, Fluent UI
    // and its icons (17 MB of script) would take seconds per start.
    let started: Promise<void> = Promise.resolve();
    jest.isolateModules(() => {
      for (const [name, loaded] of Object.entries(packages)) jest.doMock(name, () => loaded);
      started = act(async () => {
        require("../../src/taskpane/index");
      });
    });
    await started;
  }

  /** The packages src/taskpane imports, as loaded in this file's registry. */
  const packages: Record<string, unknown> = {
    react: require("react"),
    "react/jsx-runtime": require("react/jsx-runtime"),
    "react-dom/client": require("react-dom/client"),
    "@fluentui/react-components": require("@fluentui/react-components"),
    // Fluent's components import the icons' index; the pane imports its icons one by one
    "@fluentui/react-icons": require("@fluentui/react-icons"),
    "@fluentui/react-icons/svg/dismiss": require("@fluentui/react-icons/svg/dismiss"),
    "@fluentui/react-icons/svg/document-arrow-up": require("@fluentui/react-icons/svg/document-arrow-up"),
  };
  const { act } = packages.react as typeof import("react");

  afterEach(() => {
    for (const name of Object.keys(packages)) jest.dontMock(name);
    document.body.innerHTML = "";
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("an Excel without ExcelApi 1.9 shows, in Dutch, what is missing instead of the actions; axe finds nothing", async () => {
    await startPane({
      displayLanguage: "nl-NL",
      requirements: { isSetSupported: (name) => name !== "ExcelApi" },
    });
    expect(await screen.findByText("Excel is te oud")).toBeTruthy();
    expect(
      screen.getByText(/ExcelApi 1\.9 ontbreekt\. Gebruik Microsoft 365, Excel 2021 of nieuwer/)
    ).toBeTruthy();
    expect(screen.queryByText(nl.loading)).toBeNull();
    expect(document.documentElement.lang).toBe("nl");
    expect(await axe(document.body)).toHaveNoViolations();
  });

  test("the same in English for an English Office (en-GB)", async () => {
    await startPane({
      displayLanguage: "en-GB",
      requirements: { isSetSupported: (name) => name === "SharedRuntime" },
    });
    expect(await screen.findByText("Excel is too old")).toBeTruthy();
    expect(
      screen.getByText(/ExcelApi 1\.9 and CustomFunctionsRuntime 1\.2 are missing\./)
    ).toBeTruthy();
  });

  test("an Excel that has every set gets the pane", async () => {
    await startPane({ displayLanguage: "nl-NL", requirements: { isSetSupported: () => true } });
    expect(await screen.findByRole("heading", { name: "AwardScore" })).toBeTruthy();
    expect(screen.queryByText("Excel is te oud")).toBeNull();
  });

  test("a host that cannot tell (no requirements API) gets the pane", async () => {
    await startPane({ displayLanguage: "nl-NL" });
    expect(await screen.findByRole("heading", { name: "AwardScore" })).toBeTruthy();
    expect(screen.queryByText("Excel is te oud")).toBeNull();
  });
});
