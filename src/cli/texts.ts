/**
 * Texts of the command that only the command shows: usage and help, the terminal
 * summary, what it wrote, why a file cannot be read as a workbook, and what it keeps
 * and changes of the user's file. What the workbook layer writes or reports is in
 * src/workbook/texts.ts.
 */
import {
  cvRequirementWords,
  formatEuro,
  formatNumber,
  joinList,
  joinNames,
  type CvRequirementPolicy,
} from "../engine";
import { recordTexts, sheetNames } from "../workbook/texts";
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

// ---- Issue 19: the command line's texts that lived in src/workbook/texts.ts ----

/** The command line's own texts: usage, errors, the summary. */
export const cliTexts = {
  usage: [
    "Gebruik:",
    "  awardscore template [--preset ID] --out BESTAND.xlsx [--force]",
    "  awardscore score IN.xlsx [--preset ID] [--out UIT.xlsx] [--force] [--json PAD|-] [--peildatum dd-mm-jjjj]",
    "  awardscore share IN.xlsx --out UIT.xlsx [--force] [--preset ID] [--peildatum dd-mm-jjjj]",
    "  awardscore opschonen IN.xlsx [--out UIT.xlsx] [--force] [--preset ID]",
    "  awardscore verify BEOORDEELD.xlsx",
    "  awardscore cv IN.xlsx CV…|MAP [--kandidaat NAAM] [--out UIT.xlsx] [--json PAD|-] [--overnemen] [--force]",
    "",
    "  template  maakt een nieuwe aanvraagwerkmap (Aanvraag, Kandidaten, Werkervaring, Ranking):",
    "            met --preset 17040 voor die aanvraag ingevuld, zonder --preset leeg om zelf in te vullen.",
    "  score     beoordeelt de kandidaten in IN.xlsx en schrijft UIT.xlsx (standaard IN-beoordeeld.xlsx);",
    "            IN.xlsx zelf blijft ongewijzigd. --json - schrijft de uitslag als JSON naar stdout.",
    "            Het blad Afwijzingen krijgt een alinea per kandidaat buiten de top, voor de leverancier.",
    "  share     maakt de werkmap voor de gemeente (Voorblad, Top N, Stap 3, Stap 4): alleen de top,",
    "            als waarden; de anderen alleen als aantallen. Scoort eerst; IN.xlsx blijft ongewijzigd.",
    "  opschonen vervangt na de gunning de namen van de niet-geselecteerde kandidaten door een",
    "            pseudoniem (Kandidaat 07) en wist hun werkervaring; schrijft UIT.xlsx",
    "            (standaard IN-opgeschoond.xlsx). De kandidaten in de top blijven ongewijzigd.",
    "",
    "  --peildatum dd-mm-jjjj  telt de ervaring tot en met deze datum in plaats van de peildatum",
    "            uit de aanvraag (17040: de reactietermijn, 26-08-2024); elk rapport vermeldt dat.",
    "  verify    rekent elke uitslag van een beoordeelde werkmap na uit de eigen invoer, bij de",
    "            peildatum van het blad Verantwoording; exit 0 als alles klopt, 2 met elk verschil per cel.",
    "  cv        leest cv's (PDF, Word .docx) en zet voorstellen met hun bewijsregel op het blad",
    "            Voorstellen van UIT.xlsx (standaard IN-voorstellen.xlsx); --overnemen neemt ze over.",
    "",
    "  --force   vervangt een bestaand UIT.xlsx; zonder --force stopt de opdracht en schrijft niets.",
    "  Uitleg per opdracht: awardscore <opdracht> --help (of awardscore help <opdracht>).",
    "  Versie: awardscore --version.",
  ].join("\n"),
  unknownCommand: (command: string) =>
    `Onbekende opdracht '${command}'. Kies 'template', 'score', 'share', 'opschonen', 'verify' of 'cv'.`,
  noCommand: "Geef een opdracht: 'template', 'score', 'share', 'opschonen', 'verify' of 'cv'.",
  badOption: (detail: string) => `Ongeldige optie: ${detail}`,
  outRequired:
    "Geef met --out aan waar de nieuwe werkmap moet komen, bijvoorbeeld --out aanvraag.xlsx.",
  inRequired:
    "Geef de werkmap op die beoordeeld moet worden, bijvoorbeeld: awardscore score aanvraag.xlsx",
  tooManyArguments: (extra: string[]) => `Onverwacht argument: ${joinList(extra)}.`,
  notXlsxName: (file: string) =>
    `'${file}' is geen .xlsx-bestand. Geef een werkmap op die eindigt op .xlsx.`,
  notFound: (file: string) => `Bestand niet gevonden: '${file}'.`,
  unreadable: (file: string) =>
    `'${file}' is geen leesbare .xlsx-werkmap. Sla het bestand in Excel op als Excel-werkmap (.xlsx).`,
  outIsIn: (file: string) =>
    `De uitvoer mag niet hetzelfde bestand zijn als de invoer ('${file}'): de invoer wordt nooit gewijzigd.`,
  written: (file: string) => `Geschreven: ${file}`,
  jsonWritten: (file: string) => `JSON: ${file}`,
  templateWritten: (file: string, id: string) =>
    `Nieuwe werkmap voor aanvraag ${id}: ${file}. Vul de kandidaten in op het blad 'Kandidaten' en beoordeel met: awardscore score ${file}`,
  progress: "Beoordelen",
  /** The line after writing a blank request (`template` without --preset). */
  blankWritten: (file: string) =>
    `Nieuwe lege aanvraag: ${file}. Vul eerst het blad '${sheetNames.request}' in (instellingen, ` +
    `knock-outcriteria, gunningscriteria, competenties), voeg op '${sheetNames.candidates}' een kolom ` +
    `per criterium toe (kolomkop zoals in de kolom Kolomkop) en beoordeel met: awardscore score ${file}`,
} as const;

/** The Dutch terminal summary of a scoring. */
export const summaryTexts = {
  heading: (id: string, title: string, organisation: string) =>
    `Aanvraag ${id} — ${title}${organisation ? ` (${organisation})` : ""}`,
  /** `dates`: {@link referenceDateTexts.line}. */
  reference: (dates: string, topN: number) => `${dates} · top ${topN}`,
  counts: (received: number, eligible: number, knockedOut: number, incomplete: number) =>
    `Kandidaten: ${received} — ${eligible} geschikt, ${knockedOut} ${knockedOut === 1 ? "valt" : "vallen"} af, ${incomplete} onvolledig`,
  knockoutsHeading: "Knock-outs per criterium:",
  knockoutLine: (id: string, count: number, description: string) =>
    `  ${id.padEnd(4)}${String(count).padStart(3)}×  ${description}`,
  noKnockouts: "Knock-outs: geen",
  /** CV requirements (E…) have their own heading: they are no knock-outs, and the request decides what failing one does. */
  cvRequirementsHeading: (policy: CvRequirementPolicy) =>
    policy === "exclude"
      ? `CV-eisen niet gehaald (CV-eisen: ${cvRequirementWords.exclude}, dus valt af):`
      : `CV-eisen niet gehaald (CV-eisen: ${cvRequirementWords.report}, telt niet mee):`,
  noCvRequirements: "CV-eisen niet gehaald: geen",
  topHeading: (topN: number, count: number) =>
    count === 0 ? `Top ${topN}: nog niemand` : `Top ${topN}:`,
  /** Issue 17 §3: the top is final only with no candidate incomplete and no draw pending. */
  notFinal: (incomplete: number, needsDraw: number, unnamed: number) =>
    `De top is nog niet definitief (${[
      incomplete > 0 ? `${incomplete} onvolledig` : "",
      needsDraw > 0 ? `${needsDraw} wachten op loting` : "",
      unnamed > 0 ? `${unnamed} ${unnamed === 1 ? "rij" : "rijen"} zonder naam` : "",
    ]
      .filter((part) => part !== "")
      .join(
        ", "
      )}): share maakt nog geen werkmap voor de gemeente en geen brief wordt verstuurd. ` +
    `Beslis eerst de cellen hieronder en beoordeel opnieuw.`,
  topLine: (
    rank: number,
    shared: boolean,
    name: string,
    supplier: string,
    score: number,
    rate: number
  ) =>
    `  ${`${rank}${shared ? "=" : ""}`.padStart(4)}  ${name}${supplier ? ` (${supplier})` : ""} — ` +
    `${formatNumber(score)} punten, ${formatEuro(rate)}`,
  tiesHeading: "Gelijke stand (zelfde score en uurtarief):",
  /** `total`: how many are tied, when `names` holds only the first ones. */
  tieLine: (names: string[], score: number, rate: number, total = names.length) =>
    `  ${joinNames(names, total)}: ${formatNumber(score)} punten, ${formatEuro(rate)}`,
  drawHeading: "Loting nodig:",
  /** `total`: how many need the draw, when `names` holds only the first ones. */
  drawLine: (names: string[], from: number, to: number, total = names.length) =>
    `  ${joinNames(names, total)} ${from === to ? `voor plaats ${to}` : `voor plaats ${from} t/m ${to}`} — vul de kolom Loting in en beoordeel opnieuw`,
  problemsHeading: (count: number) => `Problemen (${count}):`,
  noProblems: "Problemen: geen",
  moreProblems: (count: number) => `  … en nog ${count} (alle problemen staan in --json)`,
} as const;

/** The command line's texts for `share` and `opschonen`. */
export const shareCliTexts = {
  shareOutRequired:
    "Geef met --out aan waar de werkmap voor de gemeente moet komen, bijvoorbeeld --out gemeente.xlsx.",
  shareInRequired:
    "Geef de werkmap met de kandidaten op, bijvoorbeeld: awardscore share aanvraag.xlsx --out gemeente.xlsx",
  privacyInRequired:
    "Geef de werkmap op die opgeschoond moet worden, bijvoorbeeld: awardscore opschonen aanvraag-beoordeeld.xlsx",
  shareWritten: (file: string, top: number) =>
    `Werkmap voor de gemeente: ${file} (${top} ${top === 1 ? "kandidaat" : "kandidaten"} in de top).`,
} as const;

// ---- issue 18: the user's files, handled with care (command line) ----

/** How to save a workbook as `.xlsx`, in Excel and in LibreOffice (part of several messages). */
const saveAsXlsx =
  "Sla het op als .xlsx: in Excel met Opslaan als → Excel-werkmap (*.xlsx), in LibreOffice met " +
  "Opslaan als → Excel 2007-365 (*.xlsx).";

/** Which error was raised, for a message: reading or writing. */
export type FileAction = "read" | "write";

/**
 * Issue 18: the command's texts about the user's files: never overwriting without `--force`,
 * `--json` apart from the workbooks, file-system errors with the path and what to do, other
 * spreadsheet formats and their conversion by LibreOffice, `--version` and each command's help.
 */
export const fileTexts = {
  jsonIsWorkbook: (file: string, role: "in" | "out") =>
    `--json '${file}' is hetzelfde bestand als de ${role === "in" ? "invoer" : "uitvoer"}: de JSON zou ` +
    `de werkmap vervangen. Er is niets geschreven. Kies een andere naam voor --json, bijvoorbeeld --json uitslag.json.`,
  /** `defaultOf`: the name is that command's default output name (not given with --out). */
  exists: (file: string, defaultOf?: "score" | "opschonen") =>
    `'${file}' bestaat al en wordt niet overschreven${defaultOf ? " (het is de standaardnaam voor de uitvoer)" : ""}. ` +
    `Er is niets geschreven. Kies een andere naam met --out, of gebruik --force om het bestand te vervangen.` +
    (defaultOf === "score"
      ? ` Hebt u in '${file}' zelf iets ingevuld (zoals de Loting), beoordeel dan dat bestand.`
      : ""),
  /**
   * A file-system error `code` (ENOENT, EACCES, …) in Dutch, with the path and what to do.
   * `folder` is the folder the file goes to (for a missing folder).
   */
  fileSystem: (action: FileAction, file: string, code: string, folder: string): string => {
    const cannot = `Kan '${file}' niet ${action === "read" ? "lezen" : "schrijven"}`;
    switch (code) {
      case "ENOENT":
        return action === "read"
          ? `Bestand niet gevonden: '${file}'.`
          : `${cannot}: de map '${folder}' bestaat niet. Maak de map eerst aan, of kies een andere plek.`;
      case "ENOTDIR":
        return `${cannot}: een deel van het pad is geen map. Controleer het pad, of kies een andere plek.`;
      case "EACCES":
      case "EPERM":
        return (
          `${cannot}: geen toegang (geen rechten op het bestand of de map, of het bestand is ` +
          `geopend in een ander programma). Sluit het bestand in Excel als het daar open is, of ` +
          `kies een ${action === "read" ? "kopie op een plek" : "map"} waar u wel rechten hebt.`
        );
      case "EBUSY":
      case "ETXTBSY":
        return (
          `${cannot}: het bestand is in gebruik door een ander programma, bijvoorbeeld geopend in Excel. ` +
          `Sluit het bestand daar en probeer het opnieuw.`
        );
      case "ENOSPC":
      case "EDQUOT":
        return `${cannot}: de schijf is vol. Maak ruimte vrij of kies een plek op een andere schijf, en probeer het opnieuw.`;
      case "EISDIR":
        return `${cannot}: dat is een map, geen bestand. Geef de naam van een bestand op.`;
      case "EROFS":
        return `${cannot}: de schijf is alleen-lezen. Kies een plek waar u kunt schrijven.`;
      case "EMFILE":
      case "ENFILE":
        return `${cannot}: er staan te veel bestanden tegelijk open. Sluit andere programma's en probeer het opnieuw.`;
      case "ENAMETOOLONG":
        return `${cannot}: de naam of het pad is te lang. Kies een kortere naam of een map hoger op de schijf.`;
      case "EIO":
        return `${cannot}: de schijf of de netwerkverbinding gaf een fout. Controleer die en probeer het opnieuw.`;
      default:
        return `${cannot} (systeemfout ${code}). Controleer het bestand en de map en probeer het opnieuw.`;
    }
  },
  /** The input is not a zip package at all (a CSV, a text, a PDF, a damaged file). */
  notZip: (file: string) =>
    `'${file}' is geen leesbare .xlsx-werkmap: het is geen Excel-bestand (misschien een CSV-, tekst- of ` +
    `pdf-bestand, of een beschadigd of onvolledig bestand). Open het in Excel of LibreOffice en ${saveAsXlsx.charAt(0).toLowerCase()}${saveAsXlsx.slice(1)}`,
  ods: (file: string) =>
    `'${file}' is een OpenDocument-rekenblad (.ods), geen Excel-werkmap, en LibreOffice is hier niet ` +
    `geïnstalleerd om het om te zetten. Open het in LibreOffice of Excel. ${saveAsXlsx}`,
  xls: (file: string) =>
    `'${file}' is een oude Excel-werkmap (.xls, Excel 97-2003), en LibreOffice is hier niet geïnstalleerd ` +
    `om het om te zetten. Open het in Excel of LibreOffice. ${saveAsXlsx}`,
  encrypted: (file: string) =>
    `'${file}' is beveiligd met een wachtwoord (versleuteld) en kan niet worden gelezen. Open het in ` +
    `Excel, haal het wachtwoord weg (Bestand → Info → Werkmap beveiligen → Versleutelen met wachtwoord: ` +
    `maak het wachtwoord leeg) en sla het op als Excel-werkmap (*.xlsx).`,
  xlsb: (file: string) =>
    `'${file}' is een binaire Excel-werkmap (.xlsb) en kan niet worden gelezen. ${saveAsXlsx}`,
  /** The format's name in the conversion notice. */
  formatName: { ods: "een OpenDocument-rekenblad (.ods)", xls: "een oude Excel-werkmap (.xls)" },
  converted: (file: string, format: string) =>
    `'${file}' is ${format} en is omgezet met LibreOffice; het resultaat is een .xlsx-werkmap ` +
    `(de invoer zelf blijft ongewijzigd).`,
  conversionFailed: (file: string, format: string, reason: string) =>
    `'${file}' is ${format}; omzetten met LibreOffice is mislukt (${reason}). Open het in LibreOffice of ` +
    `Excel. ${saveAsXlsx}`,
  conversionTimedOut: "LibreOffice deed er langer dan 60 seconden over",
  conversionNoResult: "LibreOffice maakte geen .xlsx",
  conversionExitCode: (code: number) => `LibreOffice stopte met foutcode ${code}`,
  conversionError: (code: string) => `LibreOffice kon niet worden gestart: systeemfout ${code}`,
  /** An unexpected exception: our fault (exit 1). */
  internalError: (message: string) =>
    `Interne fout (een fout in awardscore, niet in uw bestand): ${message}. ` +
    `Meld dit graag; met AWARDSCORE_DEBUG=1 toont de opdracht de details.`,
  /** stdout or stderr failed for another reason than a reader that stopped early. */
  outputFailed: (code: string) =>
    `Kan de uitvoer niet wegschrijven (systeemfout ${code}). Controleer waar de uitvoer naartoe gaat.`,
  version: (version: string) => `awardscore ${version}`,
  /** Each command's own help (`awardscore <command> --help`). */
  help: {
    template: [
      "Gebruik: awardscore template --out BESTAND.xlsx [--preset ID] [--force]",
      "",
      "Maakt een nieuwe aanvraagwerkmap (Aanvraag, Kandidaten, Werkervaring, Ranking).",
      "",
      "  --out BESTAND.xlsx  waar de nieuwe werkmap komt (verplicht)",
      "  --preset ID         de aanvraag waarmee de werkmap begint (beschikbaar: 17040); zonder",
      "                      --preset een lege aanvraag: vul het blad Aanvraag zelf in",
      "  --force             vervangt BESTAND.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  -h, --help          deze uitleg",
    ].join("\n"),
    score: [
      "Gebruik: awardscore score IN.xlsx [--out UIT.xlsx] [--force] [--json PAD|-] [--preset ID] [--peildatum dd-mm-jjjj]",
      "",
      "Beoordeelt de kandidaten in IN.xlsx en schrijft UIT.xlsx; IN.xlsx zelf blijft ongewijzigd.",
      "Een .ods of .xls wordt eerst met LibreOffice omgezet naar .xlsx, als LibreOffice is geïnstalleerd.",
      "",
      "  --out UIT.xlsx      waar de beoordeelde werkmap komt (standaard IN-beoordeeld.xlsx)",
      "  --force             vervangt UIT.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  --json PAD          schrijft de uitslag ook als JSON naar PAD (nooit IN of UIT);",
      "                      --json - schrijft de JSON naar stdout en de samenvatting naar stderr",
      "  --preset ID         de aanvraag als de werkmap geen blad Aanvraag heeft (beschikbaar: 17040)",
      "  --peildatum dd-mm-jjjj  telt de ervaring tot en met deze datum in plaats van de peildatum uit de aanvraag",
      "  -h, --help          deze uitleg",
      "",
      "Exitcode: 0 beoordeeld (ook met problemen in cellen), 2 onbruikbare invoer of een bestand dat",
      "niet geschreven kan worden (met een melding), 1 een interne fout.",
    ].join("\n"),
    share: [
      "Gebruik: awardscore share IN.xlsx --out UIT.xlsx [--force] [--preset ID] [--peildatum dd-mm-jjjj]",
      "",
      "Maakt de werkmap voor de gemeente (Voorblad, Top N, Stap 3, Stap 4): alleen de top, als waarden.",
      "Scoort eerst; zolang de top niet definitief is, schrijft de opdracht niets. IN.xlsx blijft ongewijzigd.",
      "",
      "  --out UIT.xlsx      waar de werkmap voor de gemeente komt (verplicht)",
      "  --force             vervangt UIT.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  --preset ID         de aanvraag als de werkmap geen blad Aanvraag heeft (beschikbaar: 17040)",
      "  --peildatum dd-mm-jjjj  telt de ervaring tot en met deze datum",
      "  -h, --help          deze uitleg",
    ].join("\n"),
    opschonen: [
      "Gebruik: awardscore opschonen IN.xlsx [--out UIT.xlsx] [--force] [--preset ID]",
      "",
      "Vervangt na de gunning de namen van de niet-geselecteerde kandidaten door een pseudoniem",
      "(Kandidaat 07) en wist hun werkervaring en contactgegevens. IN.xlsx blijft ongewijzigd.",
      "",
      "  --out UIT.xlsx      waar de opgeschoonde werkmap komt (standaard IN-opgeschoond.xlsx)",
      "  --force             vervangt UIT.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  --preset ID         de aanvraag als de werkmap geen blad Aanvraag heeft (beschikbaar: 17040)",
      "  -h, --help          deze uitleg",
    ].join("\n"),
    verify: [
      "Gebruik: awardscore verify BEOORDEELD.xlsx",
      "",
      "Rekent elke uitslag van een beoordeelde werkmap na uit de eigen invoer, bij de peildatum van",
      "het blad Verantwoording. Schrijft niets.",
      "",
      "  -h, --help          deze uitleg",
      "",
      "Exitcode: 0 als alles klopt, 2 met elk verschil per cel.",
    ].join("\n"),
    cv: [
      "Gebruik: awardscore cv IN.xlsx CV…|MAP [--kandidaat NAAM] [--out UIT.xlsx] [--json PAD|-] [--overnemen] [--force] [--preset ID]",
      "         awardscore cv IN.xlsx --overnemen [--kandidaat NAAM] [--out UIT.xlsx] [--force]",
      "",
      "Leest cv's (PDF en Word .docx; een map: de .pdf-, .docx- en .doc-bestanden erin) en zet per",
      "voorstel een rij op het blad Voorstellen: CV-eisen (E1 pagina's, E2 Nederlands, E3 referenties),",
      "perioden voor Werkervaring met wat ze mogen tellen (Telt voor), en Ja voor ja/nee-criteria,",
      "elk met bestand, pagina en regel waar het vandaan komt. Alles gebeurt op deze computer.",
      "Een nieuwe run voor een kandidaat vervangt alleen diens rijen. IN.xlsx blijft ongewijzigd.",
      "",
      "Typ Ja (of x) in Overnemen bij wat klopt en neem het over met --overnemen zonder cv's: de",
      "perioden komen in Werkervaring, de waarden in de lege cellen van de kandidaat op Kandidaten.",
      "Een waarde die u zelf typte (ook 0 of Nee) wordt nooit overschreven; de Status zegt waarom.",
      "",
      "  --kandidaat NAAM    de kandidaat van deze cv's (zoals op Kandidaten); zonder: elke",
      "                      bestandsnaam noemt één kandidaat ('CV_Ans-de-Vries.pdf': Ans de Vries)",
      "  --out UIT.xlsx      waar de werkmap komt (standaard IN-voorstellen.xlsx)",
      "  --json PAD|-        ook de voorstellen als JSON (- is stdout)",
      "  --overnemen         met cv's: neem meteen over wat het cv zelf zegt (pagina's, taal, referenties,",
      "                      perioden; dat is de bevestiging). Een Ja voor een ja/nee-criterium, een",
      "                      geschat aantal pagina's en een Nee blijven Voorgesteld: die neemt u zelf",
      "                      over met Ja. Zonder cv's: neem de rijen met Ja in Overnemen over",
      "  --force             vervangt UIT.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  --preset ID         de aanvraag als de werkmap geen blad Aanvraag heeft (beschikbaar: 17040)",
      "  -h, --help          deze uitleg",
      "",
      "Een cv dat niet te lezen is (beveiligd, een scan zonder tekst, een oud .doc) noemt het bestand;",
      "dan wordt niets geschreven (exitcode 2).",
    ].join("\n"),
  },
} as const;
// ---- end issue 18 (command line) ----

/** What `awardscore opschonen` prints of the clean-up it did. */
export const privacyCliTexts = {
  done: (count: number, periods: number, kept: number) =>
    `Opgeschoond: ${count} ${count === 1 ? "naam" : "namen"} vervangen door een pseudoniem, ` +
    `${periods} ${periods === 1 ? "periode" : "perioden"} werkervaring gewist; ` +
    `${kept} ${kept === 1 ? "kandidaat" : "kandidaten"} in de top ongewijzigd.`,
  nothing: "Er was niets op te schonen: alle kandidaten zitten in de top.",
  /** The mentions replaced besides the name cells, by where; null when there were none. */
  traces: (counts: {
    cells: number;
    formulas: number;
    notes: number;
    headersFooters: number;
    validations: number;
    properties: number;
  }) => {
    const parts = [
      [counts.cells, "in cellen"],
      [counts.formulas, "in formules"],
      [counts.notes, counts.notes === 1 ? "in een notitie" : "in notities"],
      [counts.headersFooters, "in kop- en voetteksten"],
      [counts.validations, "in gegevensvalidatie"],
      [counts.properties, "in documenteigenschappen"],
    ].filter(([n]) => (n as number) > 0);
    if (parts.length === 0) return null;
    const total = parts.reduce((sum, [n]) => sum + (n as number), 0);
    return (
      `Ook ${total} ${total === 1 ? "vermelding" : "vermeldingen"} van die namen vervangen: ` +
      `${joinList(parts.map(([n, where]) => `${n} ${where}`))}.`
    );
  },
  formulaNames: (count: number) =>
    count === 1
      ? "1 naamcel met een formule bevat nu het pseudoniem als waarde."
      : `${count} naamcellen met een formule bevatten nu het pseudoniem als waarde.`,
  contacts: (count: number, columns: string[]) =>
    `${count} ${count === 1 ? "cel" : "cellen"} met contactgegevens gewist ` +
    `(${columns.length === 1 ? "kolom" : "kolommen"} ${joinList(columns.map((c) => `'${c}'`))}).`,
} as const;

/** The command line's texts for `awardscore verify`: its usage and its verdict. */
export const verifyCliTexts = {
  inRequired:
    "Geef de beoordeelde werkmap op, bijvoorbeeld: awardscore verify aanvraag-beoordeeld.xlsx",
  noRecord: (file: string) =>
    `'${file}' heeft geen blad '${recordTexts.sheet}': de werkmap is niet beoordeeld met deze ` +
    `versie van AwardScore, of het blad is verwijderd. Beoordeel eerst met: awardscore score ${file}`,
  agree: (candidates: number, digest: string) =>
    `In orde: de invoer is ongewijzigd (digest ${digest.slice(0, 12)}…) en de uitslag van alle ` +
    `${candidates} ${candidates === 1 ? "kandidaat" : "kandidaten"} klopt met de herberekening.`,
  differ: (count: number) =>
    `${count} ${count === 1 ? "verschil" : "verschillen"} tussen de werkmap en de herberekening:`,
} as const;

// ---- end issue 19 ----

// ---- Issue 20 (helper W): `awardscore cv` ----

/** The command line's texts for `awardscore cv`. */
export const cvCliTexts = {
  inRequired:
    'Geef de werkmap en de cv\'s op, bijvoorbeeld: awardscore cv aanvraag.xlsx cv-ans.pdf --kandidaat "Ans de Vries"',
  cvsRequired:
    "Geef een of meer cv's (of een map met cv's) op, of --overnemen om de voorstellen met Ja over te nemen.",
  emptyCandidate: "--kandidaat heeft een naam nodig, zoals die op het blad Kandidaten staat.",
  emptyFolder: (folder: string) =>
    `In de map '${folder}' staan geen cv's (.pdf, .docx of .doc). Er is niets geschreven.`,
  noCandidateForFile: (file: string, name: string) =>
    `'${file}': de naam noemt geen (of meer dan één) kandidaat van het blad Kandidaten ('${name}'). Noem het bestand naar de kandidaat ` +
    `(bijvoorbeeld 'Ans de Vries.pdf') of geef de kandidaat op met --kandidaat. Er is niets geschreven.`,
  unreadable: (count: number) =>
    `${count === 1 ? "Een cv is" : `${count} cv's zijn`} niet te lezen; er is niets geschreven:`,
  proposed: (candidate: string, count: number, files: string[]) =>
    `${candidate}: ${count} ${count === 1 ? "voorstel" : "voorstellen"} uit ${files.join(", ")}.`,
  nothingFound: (candidate: string) =>
    `${candidate}: geen voorstellen gevonden; vul de gegevens zelf in.`,
  sheetWritten: (rows: number) =>
    `Het blad Voorstellen heeft ${rows} ${rows === 1 ? "rij" : "rijen"}. Typ Ja (of x) in Overnemen bij wat klopt ` +
    `en neem het over met --overnemen.`,
  noneMarked:
    "Er staat geen voorstel met Ja in Overnemen (dat nog niet is overgenomen); er is niets geschreven.",
  applied: (applied: number, total: number, periods: number, cells: number) =>
    `Overgenomen: ${applied} van ${total} ${total === 1 ? "voorstel" : "voorstellen"} ` +
    `(${periods} ${periods === 1 ? "periode" : "perioden"} in Werkervaring, ` +
    `${cells} ${cells === 1 ? "cel" : "cellen"} op Kandidaten).`,
  notApplied: (candidate: string, row: string, status: string) =>
    `  ${candidate}, ${row}: ${status}`,
  /** How a proposal is named in the list of those not applied. */
  what: {
    requirement: (id: string) => id,
    period: (from: string, to: string | null) => `periode ${from} – ${to ?? "heden"}`,
    yes: (ids: string[]) => joinList(ids),
  },
  rerun: "Beoordeel daarna opnieuw met: awardscore score",
  /** What `opschonen` says of `Voorstellen`. */
  proposalsCleared: (rows: number) =>
    `Het blad Voorstellen (voorstellen uit cv's, met regels uit de cv's) is leeggemaakt: ${rows} ${rows === 1 ? "rij" : "rijen"}.`,
} as const;

// ---- end issue 20 (helper W) ----
