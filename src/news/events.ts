// Event classification: what kind of corporate event a story reports. Ordered rules over the headline first, then
// the lead; the first rule that matches wins, so the more specific and more market-moving families come first.

export type EventType =
  | 'trading_halt'
  | 'sec_filing'
  | 'bankruptcy'
  | 'fda_decision'
  | 'merger_acquisition'
  | 'earnings_beat'
  | 'earnings_miss'
  | 'earnings'
  | 'earnings_date'
  | 'guidance_raised'
  | 'guidance_cut'
  | 'guidance'
  | 'analyst_upgrade'
  | 'analyst_downgrade'
  | 'price_target_raised'
  | 'price_target_cut'
  | 'analyst_initiation'
  | 'offering'
  | 'buyback'
  | 'dividend'
  | 'litigation'
  | 'regulation'
  | 'executive_change'
  | 'business_suspension'
  | 'stake_sale'
  | 'pricing'
  | 'product_launch'
  | 'contract_win'
  | 'clinical_trial'
  | 'layoffs'
  | 'recall'
  | 'operating_update'
  | 'index_change'
  | 'short_report'
  | 'ipo'
  | 'stock_split';

export interface EventMatch {
  type: EventType;
  /** Finer detail: the 8-K item, halt code, FDA outcome, deal stage… */
  detail?: string;
  /** The sign the event itself carries for the shareholder (+1 good, -1 bad, 0 depends). */
  prior: -1 | 0 | 1;
}

interface Rule {
  type: EventType;
  re: RegExp;
  /** The rule does not apply to a text this matches. */
  unless?: RegExp;
  prior: -1 | 0 | 1;
  detail?: (m: RegExpExecArray, text: string) => string | undefined;
}

const EIGHT_K_ITEMS: Record<string, string> = {
  '1.01': 'material agreement', '1.02': 'agreement terminated', '1.03': 'bankruptcy', '1.05': 'cybersecurity incident',
  '2.01': 'acquisition or disposition completed', '2.02': 'results of operations', '2.03': 'new obligation',
  '2.04': 'obligation accelerated', '2.05': 'exit costs', '2.06': 'impairment', '3.01': 'delisting notice',
  '3.02': 'unregistered equity sale', '4.01': 'auditor change', '4.02': 'non-reliance on financials',
  '5.01': 'change in control', '5.02': 'officer or director change', '5.07': 'shareholder vote', '7.01': 'Regulation FD',
  '8.01': 'other events', '9.01': 'exhibits',
};
const BAD_8K = new Set(['1.02', '1.03', '1.05', '2.04', '2.05', '2.06', '3.01', '4.02']);
// EDGAR captions often give an item's title without its number ("8-K: Departure of Directors or Certain Officers").
const ITEM_CAPTIONS: readonly [string, RegExp][] = [
  ['1.01', /\bentry into a material definitive agreement\b/i],
  ['1.03', /\bbankruptcy or receivership\b/i],
  ['1.05', /\bmaterial cybersecurity incidents?\b/i],
  ['2.01', /\bcompletion of acquisition or disposition\b/i],
  ['2.02', /\bresults of operations and financial condition\b/i],
  ['2.05', /\bcosts associated with exit or disposal\b/i],
  ['5.02', /\bdeparture of (?:directors|certain officers|(?:the )?chief)\b/i],
  ['5.07', /\bsubmission of matters to a vote\b/i],
];
function itemOfCaption(text: string): string | undefined {
  return ITEM_CAPTIONS.find(([, re]) => re.test(text))?.[0];
}
// What a filing is about, where its item says: an officer change, results, a bankruptcy, restructuring costs, a
// completed deal. The story the filing tells is the event news outlets report.
const ITEM_EVENTS: Readonly<Record<string, EventType>> = {
  '1.01': 'merger_acquisition', '1.03': 'bankruptcy', '2.01': 'merger_acquisition', '2.02': 'earnings', '2.05': 'layoffs', '5.02': 'executive_change',
};
const FORM = /\b(?:form\s+)?(?:8-K|6-K|20-F|10-K|10-Q|40-F)\b/gi;

const UP = String.raw`rais(?:es|ed|ing)|boost(?:s|ed)?|lift(?:s|ed)?|hik(?:es|ed)|increas(?:es|ed)|ups|upped|reaffirm\w*|beats?|reinstat(?:es|ed)|restor(?:es|ed)`;
const DOWN = String.raw`cut(?:s|ting)?|lower(?:s|ed)?|reduc(?:es|ed)|slash(?:es|ed)?|trim(?:s|med)?|withdraw(?:s|n)?|pull(?:s|ed)|suspend(?:s|ed)`;

// A deal or a listing called off: a later story than its announcement.
const ENDED = /\b(?:call(?:s|ed|ing)? off|scrap(?:s|ped)?|terminat(?:e|es|ed|ion)|abandon(?:s|ed)?|walks? away)\b/i;

const EARNINGS_BEAT =
  /\b(?:beats?|beating|tops?|topped|exceed(?:s|ed)?|surpass(?:es|ed)?|above|ahead of|past|crush(?:es|ed)?)\b(?:[^.;]|\.(?=\d)){0,30}\b(?:estimates?|expectations|consensus|forecasts?|views?)\b|\b(?:EPS|revenue|sales|FFO|AFFO|EBITDA|profit|earnings)\b(?:[^.;]|\.(?=\d)){0,25}\bbeats? by\b|\b(?:profit|earnings|revenue|sales|results|EPS) (?:beats?|tops?|topped|exceeds?|exceeded|surpass(?:es|ed)?)\b/i;

const RULES: readonly Rule[] = [
  {
    type: 'trading_halt',
    prior: -1,
    re: /\b(?:trading (?:halt(?:ed)?|pause[d]?|suspension|suspended)|halt(?:s|ed)? trading|(?:stock|shares?) (?:halted|halts)|LULD pause|circuit breaker|halt code ([A-Z]{1,4}\d{1,2}))\b/i,
    detail: (m) => m[1] ?? (/news pending/i.test(m.input) ? 'T1' : undefined),
  },
  {
    type: 'sec_filing',
    prior: 0,
    re: /\b(?:form\s+)?(8-K|6-K|20-F|10-K|10-Q|40-F|S-1|F-1|S-3|424B\d?|SC 13[DG]|Schedule 13[DG]|NT 10-[KQ]|Form 4|25-NSE)\b/i,
    detail: (m, text) => {
      const form = (m[1] ?? '').toUpperCase();
      const item = /\bitem\s+(\d\.\d\d)\b/i.exec(text)?.[1] ?? itemOfCaption(text);
      if (item !== undefined) return `${form} item ${item}${EIGHT_K_ITEMS[item] ? ` (${EIGHT_K_ITEMS[item]})` : ''}`;
      return form;
    },
  },
  {
    type: 'bankruptcy',
    prior: -1,
    re: /\b(?:chapter (?:7|11|15)|bankruptcy|insolven(?:t|cy)|going[- ]concern|substantial doubt|administration proceedings|receivership)\b/i,
  },
  {
    // Trial read-outs, unless a regulator's decision is the news ("FDA approves X after phase 3 trial").
    type: 'clinical_trial',
    prior: 0,
    re: /\b(?:(?:late|mid|early)[- ]stage (?:trial|study|studies|data|results)|phase (?:1|2|3|I{1,3})[ab]?(?:\/\d)? (?:\w+ ){0,3}(?:trial|study|data|results)|(?:pivotal|clinical) (?:trial|study)|topline (?:data|results)|(?:primary|main) (?:endpoints?|goals?)|(?:efficacy|effective) in (?:\S+ ){0,3}(?:trial|study)|(?:trial|study) (?:shows?|showed|finds?|found|data))\b/i,
    unless: /\b(?:FDA|EMA|CHMP|approv\w*|complete response|CRL)\b/i,
    detail: (_m, text) =>
      /\b(?:fail(?:s|ed)?|miss(?:es|ed)?|did not|does not|doesn't|didn't|negative|halt(?:s|ed)?|discontinu\w*|stops?|scraps?|fall(?:s)? short)\b/i.test(text) ? 'failure'
        : /\b(?:succeed(?:s|ed)?|success(?:ful)?|meets?|met|achiev(?:es|ed)|hits?|positive|beats?|improv(?:es|ed)|effective|efficacy)\b/i.test(text) ? 'success'
          : undefined,
  },
  {
    type: 'fda_decision',
    prior: 0,
    // "Halts shipments at FDA's request": the company's own step is the news.
    unless: /\bat (?:the )?(?:FDA|agency)['’]s request\b/i,
    re: /\b(?:FDA|EMA|CHMP|PDUFA|NDA|BLA|(?:US|U\.S\.|EU|European|regulatory) (?:nod|approval|clearance)|(?:accelerated|conditional) approval|marketing authori[sz]ation|complete response letter|CRL|breakthrough therapy|fast track designation|orphan drug|(?:phase (?:1|2|3|I{1,3})[ab]?) (?:trial|study|data|results))\b/i,
    detail: (_m, text) =>
      /\b(?:approv(?:es|ed|al)|clears|cleared|grants?|granted|OKs|OK's|nod|green light|greenlights?|authori[sz](?:es|ed|ation)|emergency use)\b/i.test(text) ? 'approval'
        : /\b(?:complete response|CRL|reject(?:s|ed)?|declin(?:es|ed)|refus(?:es|ed)|fail(?:s|ed)|halt(?:s|ed)|clinical hold)\b/i.test(text) ? 'rejection'
          : undefined,
  },
  { type: 'price_target_raised', prior: 1, re: new RegExp(String.raw`\b(?:${UP})\b(?:[^.;]|\.(?=\d)){0,40}\bprice target\b|\bprice target\b(?:[^.;]|\.(?=\d)){0,20}\b(?:raised|boosted|lifted|increased)\b`, 'i') },
  { type: 'price_target_cut', prior: -1, re: new RegExp(String.raw`\b(?:${DOWN})\b(?:[^.;]|\.(?=\d)){0,40}\bprice target\b|\bprice target\b(?:[^.;]|\.(?=\d)){0,20}\b(?:cut|lowered|reduced|slashed)\b`, 'i') },
  { type: 'analyst_upgrade', prior: 1, re: /\bupgrad(?:e|es|ed|ing)\b|\bturns? (?:bullish|positive)\b|\b(?:raises|lifts|boosts|ups)\b(?: \S+){1,4} to (?:strong buy|buy|outperform|overweight|accumulate|positive|neutral|hold|equal[- ]weight|market perform|sector perform|peer perform|in[- ]line|underweight|underperform|sell|reduce)\b(?! price)|\b(?:raised|lifted|boosted) to (?:buy|outperform|overweight|strong buy|accumulate|positive)\b/i },
  { type: 'analyst_downgrade', prior: -1, re: /\bdowngrad(?:e|es|ed|ing)\b|\bturns? (?:bearish|negative|cautious)\b|\b(?:cuts|lowers|trims)\b(?: \S+){1,4} to (?:strong buy|buy|outperform|overweight|accumulate|positive|neutral|hold|equal[- ]weight|market perform|sector perform|peer perform|in[- ]line|underweight|underperform|sell|reduce)\b(?! price)|\b(?:cut|lowered|reduced) to (?:neutral|sell|underweight|underperform|hold|equal[- ]weight|market perform|sector perform|in[- ]line|peer perform|reduce)\b/i },
  { type: 'analyst_initiation', prior: 0, re: /\b(?:initiat(?:es|ed)|starts?|started|resum(?:es|ed)) (?:coverage|at (?:buy|sell|hold|neutral|outperform|overweight|underweight|equal[- ]weight|market perform))\b/i },
  {
    type: 'merger_acquisition',
    prior: 0,
    re: /\b(?:acquir(?:e|es|ed|ing)|acquisition|merg(?:e|er|es|ed|ing)|takeover|buyout|tender offer|to buy(?! ?back (?:\$|up to|shares|stock|its|about|more|additional|\d))|buys(?! ?back (?:\$|up to|shares|stock|its|about|more|additional|\d))|bought(?! ?back (?:\$|up to|shares|stock|its|about|more|additional|\d))|agrees? to sell|strikes? (?:\S+ ){0,3}deal (?:for|to buy|with)|bid(?:ding war)? for|(?:go|going|take|taking)[- ]private|combine with|announces? (?:the )?sale of|agree(?:s|d)? to (?:combine|merge)|snaps? up|scoops? up|(?:wins?|takes?|gains?) control of|(?:takes?|taking|builds?|building|acquires?|disclos(?:es|ed)|amass(?:es|ed)|boosts?) (?:a |an |its )?(?:\S+ ){0,3}(?:stake|(?<!short )position) in|activist (?:investor |fund )?(?:\S+ ){0,2}(?:stake|position)|break(?:s|ing)? up into|plans? to separate|to separate (?:into|its)|separation of|split(?:s|ting)? (?:itself )?into|to sell (?:its )?(?:[\w.&'-]+ ){0,3}(?:unit|business|division|arm|subsidiary)|deal to (?:buy|sell|combine)|explor(?:e|es|ing) (?:a )?(?:sale|strategic alternatives)|spin[- ]?off|complet(?:es|ed|ing) (?:the |its )?(?:[\w.&'-]+ ){0,4}(?:deal|purchase|transaction|takeover|combination))\b/i,
    detail: (_m, text) =>
      ENDED.test(text) ? 'ended'
        : /\b(?:complet(?:es|ed)|clos(?:es|ed)|finaliz(?:es|ed)|wraps? up|wrapped up)\b/i.test(text) ? 'completed'
        : /\b(?:agrees?|agreed|definitive agreement|signs?|signed)\b/i.test(text) ? 'agreed'
        : /\b(?:explor|consider|weigh|talks|approach|bid|nears?\b|nearing|mull|eye(?:s|ing)\b|interest in)\w*/i.test(text) ? 'talks'
          : 'agreed',
  },
  { type: 'guidance_raised', prior: 1, re: new RegExp(String.raw`\b(?:${UP})\b(?:[^.;]|\.(?=\d)){0,40}\b(?:guidance|guide|outlook|forecast|full[- ]year (?:view|target)s?|(?:profit|revenue|sales|earnings|margin|EBIT(?:DA)?) (?:target|goal)s?)\b|\b(?:guidance|outlook|forecast)\b(?:[^.;]|\.(?=\d)){0,20}\b(?:raised|boosted|lifted|increased)\b`, 'i') },
  { type: 'guidance_cut', prior: -1, re: new RegExp(String.raw`\b(?:${DOWN})\b(?:[^.;]|\.(?=\d)){0,40}\b(?:guidance|guide|outlook|forecast|full[- ]year (?:view|target)s?|(?:profit|revenue|sales|earnings|margin|EBIT(?:DA)?) (?:target|goal)s?)\b|\b(?:guidance|outlook|forecast)\b(?:[^.;]|\.(?=\d)){0,20}\b(?:cut|lowered|reduced|slashed|withdrawn)\b|\bprofit warning\b|\bwarns? (?:on|of) (?:profit|sales|revenue|earnings)`, 'i') },
  {
    // A date for results is not the results: "to announce second-quarter results", "sets date for Q3 call".
    type: 'earnings_date',
    prior: 0,
    re: /\b(?:to (?:announce|report|release|host|hold|webcast)|will (?:announce|report|release|host)|(?:sets?|schedules?|announces?) (?:the )?(?:date|timing)|date (?:for|of)|ahead of)\b(?:[^.;]|\.(?=\d)){0,60}\b(?:results|earnings (?:call|release|report)|conference call|webcast)\b/i,
  },
  {
    type: 'earnings_miss',
    prior: -1,
    re: /\b(?:miss(?:es|ed)?|fall(?:s)? short of|fell short of|below|lags?|trails?)\b(?:[^.;]|\.(?=\d)){0,30}\b(?:estimates?|expectations|consensus|forecasts?|views?)\b|\b(?:sales|revenue|profit|earnings|results|EPS)\b(?:[^.;]){0,25}\b(?:falls?|fell|comes?|came) short\b|\b(?:EPS|revenue|sales|FFO|AFFO|EBITDA|profit|earnings)\b(?:[^.;]|\.(?=\d)){0,25}\bmiss(?:es|ed)? by\b|\b(?:profit|earnings|revenue|sales|results|EPS|bookings|orders) (?:miss(?:es|ed)?|disappoints?)\b/i,
  },
  { type: 'earnings_beat', prior: 1, re: EARNINGS_BEAT },
  {
    // A forecast for a period is guidance, not results: "forecasts upbeat first-quarter profit", "Guides Q1 EPS".
    type: 'guidance',
    prior: 0,
    re: /\b(?:forecasts?|projects?|expects?|sees|guides?|predicts?)\b(?:[^.;]|\.(?=\d)){0,30}\b(?:Q[1-4]|(?:first|second|third|fourth)[- ]quarter|quarterly|annual|full[- ]year|FY\s?\d*|fiscal|20\d\d)\b(?:[^.;]|\.(?=\d)){0,30}\b(?:profit|loss|revenue|sales|earnings|EPS|results|deliveries)\b/i,
  },
  {
    // Monthly production, deliveries, traffic or sales, quarterly deliveries: a company gives one such update a period.
    type: 'operating_update',
    prior: 0,
    re: /\b(?:January|February|March|April|June|July|August|September|October|November|December|monthly)\b(?! quarter)(?:[^.;]|\.(?=\d)){0,40}\b(?:deliver(?:y|ies)|production|output|operating (?:data|metrics|update)|traffic|deposits|trading volumes?|(?:bitcoin|BTC) (?:mined|holdings)|revenue|sales)\b|\b(?:Q[1-4]|quarterly|(?:first|second|third|fourth)[- ]quarter)\b(?:[^.;]|\.(?=\d)){0,20}\b(?:deliver(?:y|ies)|production)\b|\b(?:deliver(?:y|ies)|production|operating|operations) (?:update|results|data|report)\b(?:[^.;]|\.(?=\d)){0,30}\b(?:January|February|March|April|June|July|August|September|October|November|December)\b/i,
  },
  {
    type: 'earnings',
    prior: 0,
    re: /\b(?:Q[1-4]|quarterly|(?:first|second|third|fourth)[- ]quarter|(?:January|February|March|April|June|July|August|September|October|November|December) quarter|full[- ]year|full fiscal year|annual|interim|half[- ]year)\b(?:[^.;]|\.(?=\d)){0,40}\b(?:results?|earnings|profit|loss|(?:net )?income|revenue|sales|EPS)\b|\b(?:reports?|posts?|reported|posted|announces?)\b(?:[^.;]|\.(?=\d)){0,30}\b(?:(?<!(?:delivery|deliveries|production|operating|traffic) )results|earnings|profit|loss|EPS)\b|\bearnings (?:call|release|report)\b|\b(?:profit|earnings|net income|loss(?:es)?) (?:falls?|fell|rises?|rose|jumps?|jumped|drops?|dropped|slumps?|slumped|surges?|surged|soars?|soared|plunges?|plunged|widens?|widened|narrows?|narrowed|doubles?|doubled|triples?|tripled|climbs?|climbed|declines?|declined|slides?|slid|dips?|dipped)\b/i,
  },
  { type: 'guidance', prior: 0, re: /\b(?:guidance|outlook|reaffirms?|reiterates?|guides?)\b/i },
  // An initial listing: "prices IPO at $22", "raises $318 million in upsized US IPO", "debuts on NYSE".
  { type: 'ipo', prior: 0, re: /\b(?:prices? (?:its |an |upsized |downsized )?(?:U\.?S\.? |Nasdaq |NYSE )?IPO|IPO (?:pric\w+|debut|raises?|opens?)|raises? (?:\S+ ){0,5}in (?:its |an |a )?(?:\S+ ){0,3}(?:IPO|listing)|files? (?:confidentially )?for (?:an |a )?(?:U\.?S\.? )?IPO|initial public offering|go(?:es|ing)? public|(?:trading|market|stock market|Nasdaq|NYSE|public|IPO) debut|(?:debuts?|begins? trading|starts? trading|lists?) (?:\S+ ){0,3}(?:on|at) (?:the )?(?:NYSE|Nasdaq|New York Stock Exchange))\b/i,
    detail: (_m, text) => (ENDED.test(text) ? 'ended' : 'planned') },
  { type: 'stock_split', prior: 1, re: /\b(?:(?:stock|share) split|reverse split|splitting its (?:stock|shares)|(?:\d+|two|three|four|five|ten|twenty|fifty)[- ]for[- ](?:\d+|one|two|three))\b/i },
  // A short seller's report: "Hindenburg takes short position", "short seller alleges".
  { type: 'short_report', prior: -1, re: /\b(?:short[- ]sell(?:er|ing) (?:report|alleges|\w+ )?|short report|short position|bets? against|Hindenburg|Muddy Waters|Citron|Spruce Point|Culper|Grizzly Research|Wolfpack|Fuzzy Panda|Kerrisdale)\b/i },
  { type: 'offering', prior: -1, re: /\b(?:public offering|secondary offering|share offering|stock offering|equity offering|debt offering|bond offering|notes offering|direct offering|registered offering|(?:share|stock|bond|debt) sales?|sells? (?:\S+ ){0,4}(?:of )?(?:bonds|notes|debt)|pricing of (?:\S+ ){0,5}(?:offering|notes)|at[- ]the[- ]market|ATM program|convertible (?:senior )?notes?|taps? (?:the )?(?:debt|bond|equity|convertible|capital) markets?|convertible (?:market|bonds?|debt|offering)|private placement|prices? (?:\$[\d.]+ ?[mb]\w* )?offering|proposed offering|rights issue|share issue)\b/i },
  { type: 'buyback', prior: 1, re: /\b(?:buyback|buy[- ]back|share repurchase|stock repurchase|repurchase (?:program|plan|authori[sz]ation)|repurchases? (?:up to )?\$)/i },
  {
    type: 'dividend',
    prior: 0,
    re: /\b(?:dividend|distribution per (?:share|unit)|special distribution|(?:one-time|special|quarterly|monthly|annual|semi-annual) payout|(?:cuts?|slash\w*|rais\w*|hik\w*|boosts?|suspends?|halves|reinstates?) (?:its |the )?(?:\S+ )?payout)\b/i,
    // The verb acting on the dividend: "slashes dividend, ending decades-long streak of increases" is a cut.
    detail: (m, text) => dividendChange(text.slice(Math.max(0, m.index - 30), m.index + m[0].length)) ?? dividendChange(text),
  },
  { type: 'stake_sale', prior: -1, re: /\b(?:sells?|sold|offloads?|dumps?|trims?|reduces?|unloads?|divests?) (?:its |a |part of its |entire |remaining )?(?:\d[\d.]*% )?(?:[A-Z][\w.&'-]* ){0,3}(?:stake|holding|shares in|position)\b|\bstake sale\b|\bsale of (?:all |its |some )?(?:\S+ ){0,4}shares\b|\bsells? (?:another |more )?(?:\$[\d.]+ \w+ (?:of |in ))?(?:[A-Z][\w&.'-]* ){1,4}shares\b|\bto sell \d+(?:\.\d+)?% (?:stake )?(?:of|in)\b|\bblock (?:trade|sale)\b/i },
  // Prices and fees changed: "Netflix raises prices", "Costco hikes membership fee".
  { type: 'pricing', prior: 0, re: /\b(?:rais(?:es|ed|ing)|hik(?:es|ed|ing)|increas(?:es|ed|ing)|lifts?|cut(?:s|ting)?|lower(?:s|ed|ing)?|slash(?:es|ed|ing)?|reduc(?:es|ed|ing)) (?:\S+ ){0,4}(?:prices?|fees?|fares?|subscription (?:prices?|fees?))\b/i },
  { type: 'litigation', prior: -1, re: /\b(?:lawsuit|sues?|sued|suing|jury (?:orders|finds|awards)|judge (?:rules|blocks|halts|orders|rejects)|court (?:finds|rules|blocks|halts)|accused by|illegally monopoli[sz]\w*|probes?|class action|litigation|subpoena|Wells notice|indict(?:ed|ment)|settle(?:s|d|ment)? (?:with|charges|claims|lawsuit)|antitrust (?:suit|case|probe)|jury (?:verdict|award)|patent infringement|probe|investigation)\b/i },
  { type: 'regulation', prior: -1, re: /\b(?:sanction(?:s|ed)?|export (?:controls?|ban|curbs|restrictions|licen[cs]es?)|entity list|tariffs?|regulator(?:s|y)?|ban(?:s|ned)?|fine[sd]?|penalty|CFIUS|antitrust)\b/i },
  { type: 'executive_change', prior: 0, re: /\b(?:CEO|CFO|COO|CTO|chief executive|chief financial officer|finance chief|chairman|chairwoman|president|director)\b(?:[^.;]|\.(?=\d)){0,40}\b(?:resign(?:s|ed|ation)?|steps? down|stepping down|retire(?:s|d|ment)?|depart(?:s|ure|ing)?|ousted|fired|replaced|appoint(?:s|ed|ment)?|named|successor|succession|transition|to leave|leaves|is out|exits?|to exit)\b|\bleadership (?:transition|change|succession)\b|\bsteps? down\b(?! from (?:the |its )?board)|\b(?:step(?:s|ping)? down|resign(?:s|ed)?|retir(?:es|ed|e)|exit(?:s)?|depart(?:s)?) as (?:\w+ )?(?:CEO|CFO|COO|chief|chair(?:man|woman)?|president)\b|\b(?:appoints?|appointment of|names?|named|hires?|taps?|poach(?:es|ed)?|to succeed|succeeds|to replace|replaces|brings? back|returns?)\b(?:[^.;]|\.(?=\d)){0,50}\b(?:CEO|CFO|COO|chief executive|chief financial officer|chairman|president|chief|boss)\b/i, detail: (_m, text) => roleOf(text) },
  {
    // Joining or leaving a benchmark index: "Set to Join S&P 500", "jump on S&P 500 inclusion".
    type: 'index_change',
    prior: 1,
    re: /\b(?:to join|set to join|joins?|joining|added to|to be added to|inclusion in|removed from|to be removed from|dropped from|to leave)\b(?:[^.;]){0,20}?\b(?:S&P (?:500|MidCap 400|SmallCap 600)|Nasdaq[- ]100|(?:the )?Dow(?: Jones)?(?: Industrial Average)?|Russell (?:1000|2000|3000))|\b(?:S&P 500|Nasdaq[- ]100|index) (?:inclusion|addition|entry|spot|rebalanc\w*)\b/i,
    // "X to join Dow, replacing Y" tells of both.
    detail: (_m, text) => (/\breplac/i.test(text) ? undefined : /\b(?:removed|dropped|to leave|leaves|deletion)\b/i.test(text) ? 'removed' : 'added'),
  },
  { type: 'layoffs', prior: 0, re: /\b(?:lay(?:s|ing)? off|laid off|layoffs?|job cuts?|(?:workforce|headcount|staff) reductions?|reductions? in (?:force|workforce|headcount)|restructuring (?:\S+ ){0,3}affecting (?:\S+ ){0,2}(?:employees|workers|jobs|positions)|(?:cut(?:s|ting)?|eliminat(?:e|es|ing)|shed(?:s|ding)?|slash(?:es|ing)?|axe[sd]?|reduc(?:e|es|ing)) (?:\S+ ){0,4}(?:jobs|roles|positions|workers|employees|staff|workforce|headcount))\b/i },
  { type: 'recall', prior: -1, re: /\b(?:recalls|recalling)\b(?! (?:how|that|when|his|her|the day|being))|\brecall(?:s|ing)?\b(?:[^.;]|\.(?=\d)){0,60}\b(?:vehicles?|cars?|trucks?|evs?|suvs?|units|products|devices|pounds|bottles|packages|lots|food|foods|meat|chicken|beef|pork|nuggets|toys|drugs|tablets|pills|batches|doses|airbags|batteries|heaters)\b|\brecalled\b|\bcalls? back\b(?:[^.;]|\.(?=\d)){0,40}\b(?:vehicles|cars|trucks|evs|suvs|units)\b|\b(?:issues?|expands?|announces?|widens?) (?:a |its )?(?:\S+ ){0,2}recall\b/i },
  { type: 'business_suspension', prior: -1, re: /\b(?:suspend(?:s|ed|ing)?|paus(?:e|es|ed|ing)|halt(?:s|ed|ing)?|shut(?:s|ting)?(?: down)?|shutter(?:s|ed|ing)?|closes?|idl(?:es|ed)|stops?|stopped)\b(?:[^.;]|\.(?=\d)){0,30}\b(?:operations?|production|output|shipments?|sales|services?|plant|factory|mine|deliveries|business)\b/i },
  { type: 'product_launch', prior: 1, re: /\b(?:launch(?:es|ed|ing)?|unveil(?:s|ed)?|introduc(?:es|ed)|debut(?:s|ed)?|rolls? out|rolled out|releases|released|announces? (?:the )?(?:new|next-generation))\b/i },
  { type: 'contract_win', prior: 1, re: /\border(?:s|ed)? (?:\S+ ){0,4}(?:jets|aircraft|planes|airplanes|jetliners|widebodies)\b|\b(?:wins?|won|awarded|awards?|secures?|secured|receives?|received|lands?|landed)\b(?:[^.;]|\.(?=\d)){0,40}\b(?:contract|order|deal|tender)\b/i },
];

const ROLES: readonly [string, RegExp][] = [
  ['ceo', /\b(?:CEO|chief executive)/i],
  ['cfo', /\b(?:CFO|chief financial|finance chief)/i],
  ['coo', /\b(?:COO|chief operating)/i],
  ['cto', /\b(?:CTO|chief technology)/i],
  ['chair', /\bchair(?:man|woman)?\b/i],
  ['president', /\bpresident\b/i],
];

/** The most senior role an executive-change story names: a new CEO and a new COO the same day are two stories. */
function roleOf(text: string): string | undefined {
  return ROLES.find(([, re]) => re.test(text))?.[0];
}


/**
 * The event a filing reports, for comparing it with news: its item's event ("Item 5.02" is an officer change), else
 * the event its caption names once the form is set aside ("6-K: XPeng Announces Vehicle Delivery Results for
 * October"); `undefined` when it says neither. Any other event is its own subject.
 */
export function subjectEvent(event: EventMatch, title: string): Omit<EventMatch, 'prior'> | undefined {
  if (event.type !== 'sec_filing') return event;
  const item = /item (\d\.\d\d)/.exec(event.detail ?? '')?.[1];
  const type = item === undefined ? undefined : ITEM_EVENTS[item];
  if (type !== undefined) {
    const role = type === 'executive_change' ? roleOf(title) : undefined;
    return { type, ...(role !== undefined ? { detail: role } : {}) };
  }
  const told = classifyEvent(title.replace(FORM, ' '));
  return told === null || told.type === 'sec_filing' ? undefined : told;
}

// Rules read up to the end of a sentence; the point of "Adj.", "Inc." or an initial ("James W. Peters") does not end one.
const ABBREVIATION = /\b(adj|est|vs|approx|inc|corp|co|ltd|no|[a-z])\./gi;
function withoutAbbreviationPoints(text: string): string {
  return text.includes('.') ? text.replace(ABBREVIATION, '$1') : text;
}

// "Q1 Adj EPS $2.19 vs $3.07 Est", "EPS $(4.43) vs. $(4.16) est.": the figure against the estimate says beat or miss.
const EPS_VS_EST = /\bEPS (?:of )?(-?)\$?(\()?(\d+(?:\.\d+)?)\)? (?:vs\.?|versus) (?:an? )?(?:est(?:imate)?\.? (?:of )?)?(-?)\$?(\()?(\d+(?:\.\d+)?)\)?(?: est)?/i;
function versusEstimate(text: string): EventMatch | undefined {
  const m = EPS_VS_EST.exec(text);
  if (m === null || !/\best/i.test(m[0] + text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 6))) return undefined;
  const actual = Number(m[3]) * (m[1] === '-' || m[2] === '(' ? -1 : 1);
  const estimate = Number(m[6]) * (m[4] === '-' || m[5] === '(' ? -1 : 1);
  if (actual === estimate) return undefined;
  return actual > estimate ? { type: 'earnings_beat', prior: 1 } : { type: 'earnings_miss', prior: -1 };
}

/** Classifies a story's event; `null` when none of the families fits. */
export function classifyEvent(title: string, text = ''): EventMatch | null {
  const lead = text.length > 400 ? text.slice(0, 400) : text;
  for (const text of lead.length > 0 ? [title, lead] : [title]) {
    const part = withoutAbbreviationPoints(text);
    for (const rule of RULES) {
      const m = rule.re.exec(part);
      if (m === null || rule.unless?.test(part) === true) continue;
      // "EPS Beats, Revenue Misses": mixed results are results, neither a beat nor a miss.
      if (rule.type === 'earnings_miss' && EARNINGS_BEAT.test(part)) return { type: 'earnings', prior: 0 };
      if (rule.type === 'earnings') {
        const told = versusEstimate(part);
        if (told !== undefined) return told;
      }
      const detail = rule.detail?.(m, `${title} ${lead}`);
      return { type: rule.type, prior: priorOf(rule, detail), ...(detail !== undefined ? { detail } : {}) };
    }
  }
  return null;
}

// Events that often share a headline with another ("names new CEO, withdraws forecast", "declares first dividend,
// adds $50 billion to buyback"): a second outlet may lead with either.
const CO_EVENT_TYPES: ReadonlySet<EventType> = new Set(['executive_change', 'dividend', 'buyback', 'layoffs', 'guidance_raised', 'guidance_cut', 'guidance', 'earnings', 'merger_acquisition', 'litigation']);
const CO_RULES: readonly Rule[] = RULES.filter((r) => CO_EVENT_TYPES.has(r.type));

/** The other events a headline also reports, besides `primary` (its own event), among those often told together. */
export function coEvents(title: string, primary: EventType | null): EventType[] {
  // A date for results names the results it will bring: not a second event.
  if (primary === null || primary === 'earnings_date') return [];
  const part = withoutAbbreviationPoints(title);
  const out: EventType[] = [];
  for (const rule of CO_RULES) {
    if (rule.type !== primary && !out.includes(rule.type) && rule.re.test(part) && rule.unless?.test(part) !== true) out.push(rule.type);
  }
  return out;
}

function dividendChange(text: string): 'increased' | 'cut' | undefined {
  const up = /\b(?:rais|increas|hik|boost|reinstat|resum|restor)\w*/i.exec(text)?.index ?? Infinity;
  const down = /\b(?:cut|suspend|eliminat|reduc|omit|slash|halv)\w*/i.exec(text)?.index ?? Infinity;
  return up === down ? undefined : up < down ? 'increased' : 'cut';
}

function priorOf(rule: Rule, detail: string | undefined): -1 | 0 | 1 {
  if (rule.type === 'clinical_trial') return detail === 'success' ? 1 : detail === 'failure' ? -1 : 0;
  if (rule.type === 'fda_decision') return detail === 'approval' ? 1 : detail === 'rejection' ? -1 : 0;
  if (rule.type === 'index_change') return detail === 'removed' ? -1 : 1;
  if (rule.type === 'dividend') return detail === 'increased' ? 1 : detail === 'cut' ? -1 : 0;
  if (rule.type === 'sec_filing' && detail !== undefined) {
    const item = /item (\d\.\d\d)/.exec(detail)?.[1];
    if (item !== undefined && BAD_8K.has(item)) return -1;
    if (/^NT 10/.test(detail)) return -1;
  }
  return rule.prior;
}

/** How much each event family moves a stock, 0..1, before relevance, source and novelty. */
export const EVENT_WEIGHT: Readonly<Record<EventType, number>> = {
  trading_halt: 1, bankruptcy: 1, fda_decision: 0.9, merger_acquisition: 0.9, earnings_beat: 0.85, earnings_miss: 0.85,
  guidance_raised: 0.85, guidance_cut: 0.9, earnings: 0.7, earnings_date: 0.2, guidance: 0.6, analyst_upgrade: 0.6, analyst_downgrade: 0.65,
  price_target_raised: 0.45, price_target_cut: 0.5, analyst_initiation: 0.4, offering: 0.7, buyback: 0.55, dividend: 0.5,
  litigation: 0.6, regulation: 0.65, executive_change: 0.6, business_suspension: 0.75, stake_sale: 0.55,
  sec_filing: 0.5, product_launch: 0.4, contract_win: 0.5, clinical_trial: 0.85, layoffs: 0.5, recall: 0.5, operating_update: 0.4,
  index_change: 0.6, short_report: 0.8, ipo: 0.6, stock_split: 0.5, pricing: 0.4,
};
