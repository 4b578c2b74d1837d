/**
 * The Dutch texts of the extractor (src/cv/extract): the notes beside each proposal that tell
 * the evaluator why it is proposed. Reading's own messages are in src/cv/texts.ts.
 */
import { formatDate } from "../../engine";
import type { Precision } from "./dates";

/** Pages, language, references. */
export const extractTexts = {
  pages: (pages: number, source: "pdf" | "properties" | "estimate") =>
    source === "pdf"
      ? `${plural(pages, "pagina", "pagina's")} (PDF)`
      : source === "properties"
        ? `${plural(pages, "pagina", "pagina's")} (volgens de documenteigenschappen)`
        : `geschat: ${plural(pages, "pagina", "pagina's")} (uit pagina-einden en lengte; controleer dit)`,
  /** Several files for one candidate: which one the page count is from. */
  mainFile: (file: string, others: string[]) =>
    `; uit ${file}, het cv met de meeste werkervaring van ${others.length + 1} bestanden (ook: ${others.join(", ")})`,
  dutch: "de tekst is Nederlands (taalherkenning)",
  notDutch: (language: string) => `de tekst is niet Nederlands maar ${language} (taalherkenning)`,
  references: (count: number, heading: string) =>
    `${plural(count, "referentie", "referenties")} onder "${heading}"`,
  referencesOnRequest: (heading: string) =>
    `referenties "op aanvraag": geen genoemd onder "${heading}"`,
} as const;

/** Language names for {@link extractTexts.notDutch}, by ISO 639-3 code. */
export const languageNames: Record<string, string> = {
  eng: "Engels",
  deu: "Duits",
  fra: "Frans",
  spa: "Spaans",
  ita: "Italiaans",
  por: "Portugees",
  pol: "Pools",
  tur: "Turks",
};

/** A period's dates and suggestions. */
export const periodTexts = {
  from: (precision: Precision, date: string) =>
    precision === "month"
      ? `Van: alleen maand en jaar in het cv, de eerste dag van de maand genomen (${formatDate(date)})`
      : precision === "year"
        ? `Van: alleen het jaar in het cv, 1 januari genomen (${formatDate(date)})`
        : null,
  to: (precision: Precision | null, date: string | null, openWord?: string) =>
    precision === null
      ? openWord === "-"
        ? "Tot leeg: na het streepje staat geen einddatum; loopt de periode nog? Vink dit zelf aan"
        : `Tot leeg: loopt nog ("${openWord ?? "heden"}")`
      : precision === "month" && date
        ? `Tot: alleen maand en jaar in het cv, de laatste dag van de maand genomen (${formatDate(date)})`
        : precision === "year" && date
          ? `Tot: alleen het jaar in het cv, 31 december genomen (${formatDate(date)})`
          : null,
  countsFor: (id: string, words: string) => `telt mogelijk voor ${id}: "${words}" genoemd`,
  employer: (word: string) => `bij een ${word}`,
  noSuggestion: "Telt voor: geen voorstel, kies zelf",
  role: (role: string) => (role ? "" : "functie niet gevonden: vul Functie zelf in"),
} as const;

/** The yes proposals. */
export const yesTexts = {
  education: (id: string, words: string) =>
    `Ja voor ${id}: opleiding "${words}" (controleer of die is afgerond)`,
  period: (id: string, words: string, from: string, to: string | null, window?: number) =>
    `Ja voor ${id}: "${words}" genoemd bij de periode ${formatDate(from)} – ${
      to ? formatDate(to) : "heden"
    }${window ? `, binnen de laatste ${plural(window, "jaar", "jaar")}` : ""}`,
} as const;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
