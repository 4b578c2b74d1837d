/**
 * Texts of the command that only the command shows: why a file cannot be read as a
 * workbook, and what it keeps and changes of the user's file.
 */
import { LIMITS, type PackageProblem } from "../xlsx/package/zip";

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("nl-NL")} MB`;
const count = (n: number) => n.toLocaleString("nl-NL");

/** Why the package in `file` cannot be read, in Dutch, with what the user can do. */
export function packageProblemText(file: string, problem: PackageProblem): string {
  const saveAgain =
    "Open het bestand in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx); probeer het daarna opnieuw.";
  switch (problem.kind) {
    case "notZip":
      return `'${file}' is geen .xlsx-werkmap: het is geen zip-pakket zoals Excel het schrijft. ${saveAgain}`;
    case "fileTooLarge":
      return `'${file}' is ${mb(problem.bytes)}; de opdracht leest werkmappen tot ${mb(problem.limit)}. Haal grote afbeeldingen of bijlagen uit de werkmap of verdeel de kandidaten.`;
    case "tooManyParts":
      return `'${file}' bestaat uit ${count(problem.count)} onderdelen; de opdracht leest er hoogstens ${count(problem.limit)}. Dat is geen gewone werkmap.`;
    case "partTooLarge":
      return `Het onderdeel '${problem.part}' van '${file}' is uitgepakt ${mb(problem.bytes)}; de opdracht leest onderdelen tot ${mb(problem.limit)}. ${saveAgain}`;
    case "totalTooLarge":
      return `'${file}' is uitgepakt meer dan ${mb(problem.limit)}; de opdracht leest werkmappen tot die grootte. Haal grote afbeeldingen of bijlagen uit de werkmap.`;
    case "ratio":
      return `Het onderdeel '${problem.part}' van '${file}' pakt uit tot ${count(problem.ratio)} keer zijn grootte (de opdracht staat hoogstens ${count(problem.limit)} keer toe): zo ziet een zip-bom eruit, geen werkmap. Het bestand is niet gelezen.`;
    case "encryptedPart":
      return `'${file}' is versleuteld (onderdeel '${problem.part}'). Haal in Excel de beveiliging met wachtwoord eraf (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op.`;
    case "badPart":
      return `Het onderdeel '${problem.part}' van '${file}' is beschadigd en kan niet worden uitgepakt (${problem.reason}). ${saveAgain}`;
    case "doctype":
      return `Het onderdeel '${problem.part}' van '${file}' bevat een DOCTYPE (een documenttypedefinitie met mogelijk eigen entiteiten). Excel schrijft dat nooit; zulke XML kan bij het lezen ontploffen of bestanden van deze computer binnenhalen, dus de opdracht leest het niet. ${saveAgain}`;
    case "notXml":
      return `Het onderdeel '${problem.part}' van '${file}' is geen geldige XML (${problem.reason}). ${saveAgain}`;
    case "missingPart":
      return `'${file}' mist het onderdeel '${problem.part}'. ${saveAgain}`;
    case "tooManyCells":
      return `Het blad '${problem.sheet}' van '${file}' heeft meer dan ${count(problem.limit)} gevulde cellen; de opdracht leest bladen tot die grootte. Verwijder wat niet bij de beoordeling hoort of verdeel de kandidaten.`;
    case "badReference":
      return `Het blad '${problem.sheet}' van '${file}' verwijst naar ${problem.ref.startsWith("rij") ? problem.ref : `cel ${problem.ref}`}, buiten het raster van Excel (rijen 1 t/m 1.048.576, kolommen A t/m XFD): het bestand is beschadigd. ${saveAgain}`;
    case "badTable":
      return `De tabel '${problem.table}' van '${file}' (onderdeel '${problem.part}') heeft een bereik '${problem.ref}' dat niet klopt met haar kolommen: het bestand is beschadigd. ${saveAgain}`;
    case "notWorkbook":
      return `'${file}' is een zip-pakket, maar geen Excel-werkmap (${problem.reason}). ${saveAgain}`;
  }
}

/** The caps of {@link LIMITS}, in Dutch, for the commands' help. */
export const limitsText = [
  `Grenzen: een werkmap tot ${mb(LIMITS.fileBytes)}, uitgepakt tot ${mb(LIMITS.totalBytes)}`,
  `(één onderdeel tot ${mb(LIMITS.partBytes)}; een onderdeel boven ${mb(LIMITS.ratioFrom)} hoogstens`,
  `${LIMITS.ratio} keer zo groot als ingepakt), hoogstens ${count(LIMITS.parts)} onderdelen,`,
  `${count(LIMITS.cells)} gevulde cellen en ${count(LIMITS.slots)} rij- en kolomplaatsen in de gelezen bladen.`,
].join("\n");

/** What the command says about the user's workbook it writes a copy of. */
export const packageTexts = {
  macrosNeedXlsm: (file: string) =>
    `De invoer bevat macro's; die blijven ongewijzigd behouden, dus de uitvoer moet een .xlsm-werkmap zijn. Kies een naam die eindigt op .xlsm in plaats van '${file}'.`,
  macrosKept: (file: string) =>
    `De macro's van de invoer staan ongewijzigd in '${file}' (niet uitgevoerd of gecontroleerd door awardscore).`,
  swept: (parts: Array<{ part: string; count: number }>) =>
    `Ook vervangen in onderdelen van de werkmap buiten de bladen: ${parts.map((p) => `${p.part} (${count(p.count)}×)`).join(", ")}.`,
} as const;
