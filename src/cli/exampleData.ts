/**
 * The fictitious candidates of examples/aanvraag-17040.xlsx. Names and suppliers
 * are made up. Between them they cover every status, several knock-out reasons
 * (K8 at € 75,01, K3 one day short of 2 years by Werkervaring, K7 too low, K4 Nee,
 * several at once), a tie in the top ten, a tied group straddling place ten (needs
 * a draw), Dutch-written values, missing and unreadable values, a row without a
 * name, and a work history with overlapping and open-ended periods, counted up to
 * the peildatum 26-08-2024 (the reactietermijn).
 */
import type { CellValue } from "../engine";

/** One example row by field: `name`, `supplier`, `rate`, criterion ids, `draw`. */
export type ExampleRow = Record<string, CellValue>;

const pass: ExampleRow = {
  K1: "Ja",
  K2: "Ja",
  K3: 3,
  K4: "Ja",
  K5: "Ja",
  K6: "Ja",
  K7: 1_000_000,
  E1: 4,
  E2: "Ja",
  E3: 2,
};

/** Award values giving a known score: 100, 80, 70, 50, 30, 20 or 0 points. */
const score: Record<number, ExampleRow> = {
  100: { G9: 12, G10: "Ja", G11: 2 },
  80: { G9: 11, G10: "Ja", G11: "0,5" },
  70: { G9: 10, G10: "Nee", G11: "1,5" },
  50: { G9: "10,5", G10: "Nee", G11: 0 },
  30: { G9: 4, G10: "Ja", G11: 0 },
  20: { G9: 3, G10: "Nee", G11: 2 },
  0: { G9: 2, G10: "Nee", G11: 0 },
};

const zzp = "ZZP (eigen onderneming)";

/** The candidate rows, from sheet row 2 on. */
export const exampleCandidates: ExampleRow[] = [
  { name: "Annelies de Boer", supplier: "Flexpool Delft B.V.", rate: 68, ...pass, ...score[100] },
  { name: "Bram Visser", supplier: zzp, rate: "€ 72,50", ...pass, K1: "n.v.t.", ...score[100] },
  { name: "Chantal Bakker", supplier: "Haaglanden Detachering", rate: 65, ...pass, ...score[80] },
  {
    name: "Dirk Mulder",
    supplier: "Interim Zuid BV",
    rate: 70,
    ...pass,
    K7: "€ 1.000.000",
    ...score[80],
  },
  { name: "Esther de Wit", supplier: zzp, rate: 70, ...pass, K1: "nvt", ...score[80] },
  {
    name: "Frank Smit",
    supplier: "Gemeentewerk Interim",
    rate: "69,50",
    ...pass,
    ...score[70],
    G11: "0,5",
  },
  {
    name: "Zoë Huisman",
    supplier: zzp,
    rate: 72,
    ...pass,
    K1: "n.v.t.",
    K2: "ja",
    K3: null,
    ...score[70],
    G9: null,
  },
  { name: "Gerda Meijer", supplier: "Flexpool Delft B.V.", rate: 60, ...pass, ...score[50] },
  { name: "Ilse Bos", supplier: "Haaglanden Detachering", rate: 64, ...pass, E3: 3, ...score[30] },
  { name: "Joost Vos", supplier: "Interim Zuid BV", rate: 66, ...pass, ...score[20] },
  { name: "Karin Peters", supplier: "Gemeentewerk Interim", rate: 66, ...pass, ...score[20] },
  { name: "Lucas Hendriks", supplier: zzp, rate: "66,00", ...pass, K1: "n.v.t.", ...score[20] },
  { name: "Marieke van Leeuwen", supplier: "Flexpool Delft B.V.", rate: 73, ...pass, ...score[20] },
  {
    name: "Niels Dekker",
    supplier: "Haaglanden Detachering",
    rate: 74,
    ...pass,
    K3: "2,5",
    ...score[0],
  },
  { name: "Olga Brouwer", supplier: "Interim Zuid BV", rate: "€ 75,01", ...pass, ...score[100] },
  {
    name: "Pieter de Graaf",
    supplier: zzp,
    rate: 67,
    ...pass,
    K1: "n.v.t.",
    K3: "1,5",
    ...score[80],
  },
  {
    name: "Renate Kok",
    supplier: "Gemeentewerk Interim",
    rate: 70,
    ...pass,
    K7: "€ 25.000",
    ...score[50],
  },
  {
    name: "Sander Jacobs",
    supplier: "Flexpool Delft B.V.",
    rate: 62,
    ...pass,
    K4: "Nee",
    ...score[30],
  },
  {
    name: "Tamara de Haan",
    supplier: "Haaglanden Detachering",
    rate: 80,
    ...pass,
    K2: "nee",
    K6: "Nee",
    ...score[100],
  },
  {
    name: "Ugo Vermeulen",
    supplier: "Interim Zuid BV",
    rate: 63,
    ...pass,
    K1: "Nee",
    E3: 1,
    ...score[20],
  },
  {
    name: "Vera van den Berg",
    supplier: zzp,
    rate: 61,
    ...pass,
    K1: "n.v.t.",
    K5: "nee",
    E1: 7,
    ...score[70],
  },
  {
    name: "Wouter Koster",
    supplier: "Gemeentewerk Interim",
    rate: 69,
    ...pass,
    K6: null,
    ...score[80],
  },
  {
    name: "Yvonne Prins",
    supplier: "Flexpool Delft B.V.",
    rate: 70,
    ...pass,
    K7: "abc",
    ...score[50],
  },
  {
    name: "Hans van Dijk",
    supplier: "Haaglanden Detachering",
    rate: 71,
    ...pass,
    ...score[30],
    G10: "misschien",
  },
  { name: null, supplier: "Interim Zuid BV", rate: 70, ...pass, ...score[20] },
];

/** A date as the UTC Date that a host stores as an Excel date. */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The work history rows (`Werkervaring`), from sheet row 2 on. */
export const examplePeriods: ExampleRow[] = [
  {
    candidate: "Annelies de Boer",
    role: "Allround inkomensconsulent, gemeente Delft",
    countsFor: "G9",
    from: day("2009-01-01"),
    to: day("2016-12-31"),
  },
  {
    candidate: "Annelies de Boer",
    role: "Inkomensconsulent, gemeente Westland",
    countsFor: "G9",
    from: day("2015-06-01"),
    to: null,
  },
  {
    candidate: "Annelies de Boer",
    role: "Klantmanager inkomen, gemeente Westland",
    countsFor: "K3",
    from: "1 juni 2019",
    to: null,
  },
  {
    candidate: "Frank Smit",
    role: "Klantmanager inkomen (Civision), gemeente Rijswijk",
    countsFor: "G11",
    from: day("2022-03-01"),
    to: day("2023-02-28"),
  },
  {
    candidate: "Frank Smit",
    role: "Functioneel beheer Civision, gemeente Rijswijk",
    countsFor: "G11",
    from: day("2022-09-01"),
    to: "31-01-2024",
  },
  {
    // From 28-08-2022 up to the peildatum is 730 days: one day short of 2 years.
    candidate: "Pieter de Graaf",
    role: "Klantmanager inkomen, gemeente Zoetermeer",
    countsFor: "K3",
    from: "28-08-2022",
    to: null,
  },
  {
    candidate: "Zoë Huisman",
    role: "Allround inkomensconsulent, gemeente Pijnacker-Nootdorp",
    countsFor: "K3, G9",
    from: day("2013-02-01"),
    to: null,
  },
];
