import {
  Badge,
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import type { DrawGroup, ResultsView, TopRow } from "../model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  counts: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    "& dd": { margin: 0, textAlign: "end" },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  number: { textAlign: "end" },
  table: { tableLayout: "auto" },
  marks: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

/** Props of {@link Results}. */
export interface ResultsProps {
  strings: Strings;
  results: ResultsView;
  /** Opens the draw dialog for a tied group; disabled while busy. */
  onOpenDraw: (group: DrawGroup) => void;
  busy: boolean;
}

/** The outcome of a scoring: counts per status, knock-outs and CV requirements per criterion, the top with tie and draw marks. */
export function Results({ strings, results, onOpenDraw, busy }: ResultsProps) {
  const styles = useStyles();
  const c = results.counts;
  const counts: Array<[string, number]> = [
    [strings.received, c.received],
    [strings.eligible, c.eligible],
    [strings.knockedOut, c.knockedOut],
    [strings.incomplete, c.incomplete],
    [strings.inTop, c.top],
    [strings.needsDraw, c.needsDraw],
  ];
  return (
    <section className={styles.root} aria-labelledby="results-title">
      <Subtitle2 as="h2" id="results-title">
        {strings.resultsHeading}
      </Subtitle2>
      <dl className={styles.counts}>
        {counts.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Subtitle2 as="h3">{strings.knockoutsPerCriterion}</Subtitle2>
      {results.knockouts.length === 0 ? (
        <Body1>{strings.noKnockouts}</Body1>
      ) : (
        <ul className={styles.list}>
          {results.knockouts.map((k) => (
            <li key={k.id}>
              <Body1>
                {k.id} {k.description}: {k.count}
              </Body1>
            </li>
          ))}
        </ul>
      )}
      {results.cvRequirements.length > 0 && (
        <>
          <Subtitle2 as="h3">
            {strings.cvRequirementsFailed(results.cvRequirementsExclude)}
          </Subtitle2>
          <ul className={styles.list}>
            {results.cvRequirements.map((k) => (
              <li key={k.id}>
                <Body1>
                  {strings.cvRequirement(k.id)} {k.description}: {k.count}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      {results.drawGroups.map((group) => (
        <MessageBar
          key={group.candidates.map((x) => x.row).join("-")}
          intent="warning"
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>{strings.drawNeededTitle}</MessageBarTitle>
            <div>
              {strings.drawNeededText(
                group.candidates.map((x) => x.name),
                group.from,
                group.to
              )}
            </div>
            <Button disabled={busy} onClick={() => onOpenDraw(group)}>
              {strings.recordDraw}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ))}
      <Subtitle2 as="h3" id="top-title">
        {strings.topHeading(results.topN)}
      </Subtitle2>
      {results.top.length === 0 ? (
        <Body1>{strings.topEmpty}</Body1>
      ) : (
        <Table size="small" aria-labelledby="top-title" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.columnRank}</TableHeaderCell>
              <TableHeaderCell>{strings.columnName}</TableHeaderCell>
              <TableHeaderCell>{strings.columnScore}</TableHeaderCell>
              <TableHeaderCell>{strings.columnRate}</TableHeaderCell>
              <TableHeaderCell>{strings.columnMarks}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.top.map((row) => (
              <TableRow key={row.row} data-row={row.row}>
                <TableCell>{row.rank ?? ""}</TableCell>
                <TableCell>{row.name}</TableCell>
                <TableCell className={styles.number}>
                  {row.score === null ? "" : strings.formatNumber(row.score)}
                </TableCell>
                <TableCell className={styles.number}>
                  {row.rate === null ? strings.noRate : strings.formatEuro(row.rate)}
                </TableCell>
                <TableCell>
                  <Marks strings={strings} row={row} className={styles.marks} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function Marks({ strings, row, className }: { strings: Strings; row: TopRow; className: string }) {
  return (
    <span className={className}>
      {row.tie && !row.needsDraw && !row.drawn && (
        <Badge appearance="tint" color="informative">
          {strings.markTie}
        </Badge>
      )}
      {row.needsDraw && (
        <Badge appearance="tint" color="warning">
          {strings.markNeedsDraw}
        </Badge>
      )}
      {row.drawn && (
        <Badge appearance="tint" color="success">
          {strings.markDrawn}
        </Badge>
      )}
    </span>
  );
}
