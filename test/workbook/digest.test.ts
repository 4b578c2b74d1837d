/** The digest of the inputs: the canonical form the README documents, and SHA-256 as anyone computes it. */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import {
  ENGINE_VERSION,
  request17040,
  type CandidateInput,
  type PeriodInput,
} from "../../src/engine";
import { canonicalJson, DIGEST_FORMAT, inputDigest } from "../../src/workbook/digest";

describe("canonicalJson", () => {
  test("sorts keys by code unit, drops undefined keys, writes dates as Excel serials", () => {
    expect(
      canonicalJson({
        b: 1.5,
        a: [true, null, undefined, new Date(Date.UTC(2024, 7, 26))],
        Z: 'Zoë "q"',
        gone: undefined,
        e: { error: "#N/B" },
      })
    ).toBe('{"Z":"Zoë \\"q\\"","a":[true,null,null,45530],"b":1.5,"e":{"error":"#N/B"}}');
  });

  test("keys that look like array indexes sort as text too (RFC 8785), not as JavaScript orders them", () => {
    expect(canonicalJson({ b: { "9": 1, "10": [new Date(Date.UTC(1899, 11, 31))], a: 0 } })).toBe(
      '{"b":{"10":[1],"9":1,"a":0}}'
    );
  });

  test("a date and the serial Excel's API gives for it canonicalise alike", () => {
    expect(canonicalJson([new Date(Date.UTC(2019, 5, 1))])).toBe(canonicalJson([43617]));
  });
});

describe("inputDigest", () => {
  const candidates: CandidateInput[] = [
    { row: 2, name: "Ans", rate: "€ 72,50", supplier: "Zelfstandig", values: { K1: "Ja", K3: 3 } },
  ];
  const periods: PeriodInput[] = [
    {
      row: 2,
      candidate: "Ans",
      role: null,
      countsFor: "K3",
      from: new Date(Date.UTC(2020, 0, 1)),
      to: null,
    },
  ];

  test("is the SHA-256 (Node's own) of the documented canonical text", () => {
    const text = canonicalJson({
      format: DIGEST_FORMAT,
      request: request17040,
      candidates,
      periods,
    });
    expect(text.startsWith('{"candidates":[{"name":"Ans","rate":"€ 72,50","row":2,')).toBe(true);
    expect(inputDigest(request17040, candidates, periods)).toBe(
      createHash("sha256").update(text, "utf8").digest("hex")
    );
  });

  test("changes with any input: a cell, a period, a rule", () => {
    const base = inputDigest(request17040, candidates, periods);
    expect(inputDigest(request17040, candidates, periods)).toBe(base);
    const cell = [{ ...candidates[0], values: { K1: "Ja", K3: 4 } }];
    expect(inputDigest(request17040, cell, periods)).not.toBe(base);
    expect(inputDigest(request17040, candidates, [{ ...periods[0], to: "31-12-2023" }])).not.toBe(
      base
    );
    expect(inputDigest({ ...request17040, maxRate: 80 }, candidates, periods)).not.toBe(base);
  });
});

test("the engine version is package.json's", () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
  expect(ENGINE_VERSION).toBe(pkg.version);
});
