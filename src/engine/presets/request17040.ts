import type { Request } from "../request";

/**
 * Request 17040 "Klantmanager Inkomen", gemeente Pijnacker-Nootdorp: the first preset.
 * Every figure comes from the request's own text as the marketplace published it
 * (test/fixtures/request-17040.txt; test/engine/requestText.test.ts checks the quoted
 * facts and competencies against it); the README's "The rules of request 17040" lists
 * the criteria. The presets are listed by number in ./index.ts.
 */
export const request17040: Request = {
  id: "17040",
  title: "Klantmanager Inkomen",
  organisation: "Gemeente Pijnacker-Nootdorp",
  // The request's reactietermijn (26-08-2024 09:00) is the moment CVs were judged at:
  // the peildatum and the closing moment. The listing's "Einde inschrijfdatum
  // 04-10-2024 11:25" falls after the interviews; it is shown, never used to judge.
  referenceDate: "2024-08-26",
  closingMoment: "2024-08-26T09:00",
  listingClosingMoment: "2024-10-04T11:25",
  maxRate: 75,
  topN: 10,
  hoursPerWeek: { min: 28, max: 32 },
  termWeeks: 13,
  extensions: { count: 2, weeks: 13 },
  contractValueIncludesExtensions: false,
  feePerHour: 2.25,
  cvRequirements: "exclude",
  knockouts: [
    {
      id: "K1",
      header: "K1 Waadi-registratie",
      description:
        "Indien de leverancier personeel ter beschikking stelt: ingeschreven onder de Waadi",
      valueKind: "yesNoNotApplicable",
      rule: { kind: "yes" },
      optional: false,
    },
    {
      id: "K2",
      header: "K2 Eigen laptop en telefoon",
      description: "Bring your own device (telefoon met abonnement, laptop)",
      valueKind: "yesNo",
      rule: { kind: "yes" },
      optional: false,
    },
    {
      id: "K3",
      header: "K3 Jaren klantmanager inkomen (laatste 5 jaar)",
      description: "Minimaal 2 jaar ervaring als klantmanager inkomen in de afgelopen 5 jaar",
      valueKind: "years",
      rule: { kind: "atLeast", value: 2 },
      windowYears: 5,
      optional: false,
    },
    {
      id: "K4",
      header: "K4 Civision-ervaring (laatste 3 jaar)",
      description: "Ervaring met de software Civision in de afgelopen 3 jaar",
      valueKind: "yesNo",
      rule: { kind: "yes" },
      optional: false,
    },
    {
      id: "K5",
      header: "K5 Participatiewet-ervaring (laatste 3 jaar)",
      description: "Ervaring met de Participatiewet in de afgelopen 3 jaar",
      valueKind: "yesNo",
      rule: { kind: "yes" },
      optional: false,
    },
    {
      id: "K6",
      header: "K6 Hbo-bachelor",
      description: "Afgeronde hbo-bachelor",
      valueKind: "yesNo",
      rule: { kind: "yes" },
      optional: false,
    },
    {
      id: "K7",
      header: "K7 Verzekerd bedrag",
      description: "Aansprakelijkheidsverzekering die ten minste de opdrachtwaarde dekt",
      valueKind: "amount",
      rule: { kind: "coversContractValue" },
      optional: false,
    },
    {
      id: "K8",
      header: null,
      description: "Uurtarief maximaal € 75,00 excl. btw (incl. reiskosten en platformfee)",
      valueKind: "amount",
      rule: { kind: "maxRate" },
      optional: false,
    },
    {
      id: "E1",
      header: "E1 CV-pagina's",
      description: "CV van maximaal 5 pagina's",
      valueKind: "count",
      rule: { kind: "atMost", value: 5 },
      optional: true,
    },
    {
      id: "E2",
      header: "E2 CV in het Nederlands",
      description: "CV in het Nederlands",
      valueKind: "yesNo",
      rule: { kind: "yes" },
      optional: true,
    },
    {
      id: "E3",
      header: "E3 Aantal referenties",
      description: "Minimaal 2 referenties",
      valueKind: "count",
      rule: { kind: "atLeast", value: 2 },
      optional: true,
    },
  ],
  awards: [
    {
      id: "G9",
      header: "G9 Jaren allround inkomensconsulent gemeente (laatste 15 jaar)",
      description:
        "Minimaal 10 jaar ervaring in de afgelopen 15 jaar als allround inkomensconsulent binnen een gemeente",
      valueKind: "years",
      points: 50,
      scoring: { kind: "allOrNothing", threshold: 10 },
      windowYears: 15,
    },
    {
      id: "G10",
      header: "G10 Opleiding richting klantmanager inkomen of SJD",
      description: "Hbo-bachelor in de richting klantmanager inkomen of SJD",
      valueKind: "yesNo",
      points: 30,
      scoring: { kind: "allOrNothing" },
    },
    {
      id: "G11",
      header: "G11 Jaren Civision (laatste 3 jaar)",
      description: "Minimaal 1 jaar ervaring met Civision in de afgelopen 3 jaar",
      valueKind: "years",
      points: 20,
      scoring: { kind: "allOrNothing", threshold: 1 },
      windowYears: 3,
    },
  ],
  competencyGate: {
    competencies: [
      "Plannen en Organiseren",
      "Klantgericht",
      "Resultaatgericht",
      "Goed kunnen samenwerken",
      "Schriftelijke vaardigheid",
      "Vakgericht",
    ],
    scale: ["onvoldoende", "voldoende", "goed"],
    passFrom: "voldoende",
    minAssessors: 2,
  },
  // The request's own words; dated facts (its planning) are shown in date order on the Voorblad.
  // The reactietermijn is `closingMoment`, not a fact: one source for the date.
  facts: [
    { label: "Looptijd", value: "3 maanden, met 2 opties tot verlenging van elk 3 maanden" },
    { label: "Uren per week", value: "28–32" },
    { label: "Soort aanvraag", value: "DAS" },
    { label: "Niveau", value: "hbo" },
    { label: "Regio", value: "Zuid-Holland" },
    { label: "Fee", value: "€ 2,25 per gewerkt uur" },
    {
      label: "VOG",
      value: "De gemeente zal om een Verklaring Omtrent het Gedrag (VOG) verzoeken.",
    },
    {
      label: "CV-eisen in de aanvraag",
      value: "Maximaal 5 pagina’s, opgesteld in het Nederlands, minimaal 2 referenties.",
    },
    {
      label: "Aanwezigheid",
      value:
        "Van de klantmanagers wordt verwacht dat ze voor het volledig aantal uren werkzaam zijn op kantoor.",
    },
    { label: "Vragen indienen tot", value: "22-08-2024 09:00" },
    { label: "Antwoorden gepubliceerd", value: "23-08-2024" },
    { label: "Bericht over uitnodiging uiterlijk", value: "28-08-2024" },
    { label: "Selectiegesprekken", value: "29-08-2024 en 30-08-2024" },
  ],
};
