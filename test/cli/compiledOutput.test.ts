/**
 * The command's compiled output (tsconfig.cli.json, `lib/`) holds no add-in code: no file of
 * src/office (Excel.run), src/functions (the FLEX custom functions) or src/taskpane is compiled
 * into it, neither by the config's folders nor through an import. The program is built as
 * `tsc -p tsconfig.cli.json --listFilesOnly` builds it (module resolution, no type check).
 */
import path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const configFile = path.join(root, "tsconfig.cli.json");
/** The folders of src that belong to the add-in only. */
const ADD_IN_ONLY = ["office", "functions", "taskpane"];

/** The config as tsc reads it. */
function parsedConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`${configFile} could not be read`);
  return parsed;
}

/** Each source file as parsed, per name: a program after the first parses only what an edit changed. */
const parsedFiles = new Map<string, ts.SourceFile>();
function parsed(
  file: string,
  text: string,
  language: ts.ScriptTarget | ts.CreateSourceFileOptions
) {
  const earlier = parsedFiles.get(file);
  if (earlier && earlier.text === text) return earlier;
  const sourceFile = ts.createSourceFile(file, text, language);
  parsedFiles.set(file, sourceFile);
  return sourceFile;
}

/**
 * The files under src/ that the command's program compiles, relative to src/ with `/`;
 * `edit` may change a file's text as the compiler reads it (to show the check can fail).
 * Files outside src/ (type libraries, node_modules) are given empty: they never import src/,
 * and parsing them would only take time.
 */
function compiledSourceFiles(edit?: (file: string, text: string) => string): string[] {
  const config = parsedConfig();
  const host = ts.createCompilerHost(config.options);
  const src = path.join(root, "src") + path.sep;
  host.getSourceFile = (file, language) => {
    const resolved = path.resolve(file);
    if (!resolved.startsWith(src)) return ts.createSourceFile(file, "", language);
    const text = ts.sys.readFile(file);
    if (text === undefined) return undefined;
    return parsed(file, edit ? edit(resolved, text) : text, language);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  return program
    .getSourceFiles()
    .map((f) => path.resolve(f.fileName))
    .filter((f) => f.startsWith(src))
    .map((f) => f.slice(src.length).split(path.sep).join("/"));
}

/** The compiled files that are add-in code. */
function addInFiles(files: string[]): string[] {
  return files.filter((f) => ADD_IN_ONLY.includes(f.split("/")[0]));
}

test("the command's compiled output holds no src/office, src/functions or src/taskpane file", () => {
  const files = compiledSourceFiles();
  // Not vacuous: the command itself and the layers it uses are there.
  for (const file of [
    "cli/main.ts",
    "workbook/scoreRun.ts",
    "workbook/formulas.ts",
    "engine/index.ts",
    "xlsx/index.ts",
  ])
    expect(files).toContain(file);
  expect(addInFiles(files)).toEqual([]);
}, 120_000);

test("an import of add-in code from the workbook layer would be caught", () => {
  const texts = path.join(root, "src", "workbook", "texts.ts");
  const files = compiledSourceFiles((file, text) =>
    file === texts ? `import "../office/texts";\nimport "../functions/knockout";\n${text}` : text
  );
  expect(addInFiles(files)).toEqual(
    expect.arrayContaining(["office/texts.ts", "functions/knockout.ts"])
  );
}, 120_000);
