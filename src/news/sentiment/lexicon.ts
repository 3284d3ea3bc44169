// Word lists for the direction-aware financial sentiment rules. Written by hand from financial reporting
// conventions (what a rising or falling quantity means to a shareholder), not fitted to any labelled corpus.

/** Words that move a quantity up (+1) or down (-1). */
export const DIRECTION: ReadonlyMap<string, 1 | -1> = new Map<string, 1 | -1>([
  ...words<1 | -1>(1, `rise rose risen rises rising increase increased increases increasing grow grew grown grows growing
    growth climb climbed climbs climbing jump jumped jumps surge surged surges surging soar soared soars gain gained
    gains improve improved improves improving improvement improvements up higher boost boosted boosts double doubled
    doubles triple tripled rebound rebounded rebounds recover recovered recovery strengthen strengthened strengthens
    expand expanded expands expanding expansion advance advanced advances raise raised raises raising lift lifted
    lifts hike hiked hikes accelerate accelerated accelerating spike spiked rally rallied rallies widen widens widened
    widening upgrade upgraded upgrades upped beat beats exceed exceeded exceeds exceeding top topped tops surpass
    surpassed outperform outperformed increment highs skyrocket skyrockets skyrocketed`),
  ...words<1 | -1>(-1, `fall fell fallen falls falling decrease decreased decreases decreasing decline declined declines
    declining drop dropped drops dropping slump slumped slumps plunge plunged plunges tumble tumbled tumbles slide
    slid slides sink sank sunk sinks down lower lowered lowers lowering reduce reduced reduces reducing reduction
    reductions cut cuts cutting shrink shrank shrunk shrinks contracted contraction weaken weakened weakens
    weakening deteriorate deteriorated deterioration worsen worsened worsening narrow narrowed narrows narrowing miss
    missed misses trim trimmed trims slash slashed slashes downgrade downgraded downgrades dip dipped dips slow slowed
    slowing slowdown halve halved erode eroded erosion plummet plummeted plummets retreat retreated decelerate
    decelerated diminish diminished shed slipped slip slips lows crater craters cratered nosedive nosedived
    eliminate eliminates eliminated eliminating axe axes axed`),
]);

/** Quantities a shareholder wants higher (+1) or lower (-1). */
export const METRIC: ReadonlyMap<string, 1 | -1> = new Map<string, 1 | -1>([
  ...words<1 | -1>(1, `profit profits profitability earnings income sales revenue revenues turnover eps ebit ebitda ebita
    margin margins order orders backlog dividend dividends guidance outlook forecast forecasts result results
    cashflow value volume volumes demand share shares stock stocks price prices target rating deliveries production
    output traffic passengers subscribers customers users bookings performance capacity productivity return returns
    roe occupancy efficiency jobs positions roles staff workforce employees personnel headcount payroll market valuation estimates
    expectations consensus growth liquidity solvency equity assets deposits loans lending premiums ratings
    investment investments spending exports quarter year`),
  ...words<1 | -1>(-1, `loss losses cost costs expense expenses debt debts indebtedness layoffs unemployment deficit
    impairment impairments charge charges writedown writedowns provisions provision liabilities risk risks churn
    delinquencies defaults arrears overheads inventories inventory gearing leverage damages fines emissions
    redundancies claims`),
]);

/** Words that look like a metric but carry no direction of their own when they are the subject (kept neutral). */
export const NEGATION: ReadonlySet<string> = new Set(
  `not no never without nor failed fail fails neither cannot unable n't`.split(/\s+/),
);

/** Stand-alone cues: events and evaluative words that carry a sign without a metric. */
export const CUE: ReadonlyMap<string, number> = new Map<string, number>([
  ...weighted(1, `record strong stronger strongest robust successful success successfully pleased win wins won
    awarded award breakthrough favorable favourable upbeat optimistic confident solid healthy profitable approval
    approved outperform overweight excellent positive better best attractive boom booming beat topped momentum
    upside bullish tailwind tailwinds winning winner surpassed exceeded buyback repurchase accretive satisfied
    succeeded excited proud efficient competitiveness pleased delighted`),
  ...weighted(0.6, `order orders contract contracts deal agreement partnership selected chosen invest investing
    expand expanding expansion opens opening launches launched strengthen strengthens enhance enhances improve
    improves boosts gains benefit benefits benefited`),
  ...weighted(-1, `weak weaker weakest weakness difficult poor unfavorable unfavourable layoff layoffs redundancies
    bankrupt bankruptcy insolvency insolvent lawsuit lawsuits sue sued sues fined penalty penalties recall recalls
    recalled warning warns warned downgrade downgraded underperform underweight negative worse worst decline crisis
    problem problems concern concerns halt halted suspend suspended suspends suspension delay delayed delays shutdown
    strike strikes dispute disputes investigation probe fraud default defaulted impairment writedown writedowns deficit
    shortfall disappointing disappointed disappoint hurt hurts pressure pressured slowdown recession terminate
    terminated termination cancel cancelled canceled cancels dismissed dismiss closure closures bearish headwind
    headwinds plunge tumble slump losses unprofitable downturn lose loses lost losing struggle struggles struggling
    sanctions violation violations subpoena dilution dilutive miss missed`),
]);

/** Two-word cues, looked up as `first second`. */
export const PHRASE: ReadonlyMap<string, number> = new Map<string, number>([
  ['laid off', -1.5], ['lay off', -1.5], ['lays off', -1.5], ['job cuts', -1.5], ['cut jobs', -1.5],
  ['profit warning', -2], ['going concern', -1.5], ['price target', 0], ['all-time high', 1], ['record high', 1],
  ['fell short', -1.5], ['falls short', -1.5], ['below expectations', -1.5], ['below estimates', -1.5],
  ['above expectations', 1.5], ['above estimates', 1.5], ['ahead of', 0.5], ['turned profitable', 1.5],
  ['back to', 0.3], ['temporary layoffs', -1], ['chapter 11', -2], ['net loss', -1], ['operating loss', -1],
  ['pretax loss', -1], ['pre-tax loss', -1], ['loss per', -1], ['in line', 0], ['strong buy', 1], ['to buy', 0.5],
  ['to sell', -0.5], ['market perform', 0], ['cost savings', 1], ['well positioned', 1], ['buy recommendation', 1.5], ['buy rating', 1.5],
  ['sell recommendation', -1.5], ['sell rating', -1.5], ['cost saving', 1], ['savings program', 0.3],
]);

/** Words that introduce the earlier figure in "X, compared with Y" comparisons. */
export const COMPARATOR: ReadonlySet<string> = new Set(
  `compared comparison versus vs against from year-on-year corresponding previous`.split(/\s+/),
);

/** Multipliers for figures written with a unit. */
export const UNIT_SCALE: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['k', 1e3], ['mn', 1e6], ['m', 1e6], ['mln', 1e6], ['million', 1e6], ['millions', 1e6],
  ['bn', 1e9], ['b', 1e9], ['billion', 1e9], ['billions', 1e9], ['tn', 1e12], ['trillion', 1e12],
]);

function words<T>(value: T, list: string): Array<[string, T]> {
  return list
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => [w, value]);
}

function weighted(value: number, list: string): Array<[string, number]> {
  return words(value, list);
}
