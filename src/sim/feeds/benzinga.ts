// A Benzinga-style news brief feed: companies named as "Alibaba Group Holding Ltd BABA" in the text, each brief
// ending with a price-action line, Drupal-style guids (`<node id> at https://www.benzinga.com`).
import { companyByTicker, companies, type SimCompany } from './companies.js';
import { minutesBefore, pick, priceActionLine, type FeedEntry } from './entry.js';

interface Brief {
  ticker: string;
  minutesAgo: number;
  changePct: number;
  title: (c: SimCompany) => string;
  lead: (c: SimCompany) => string;
}

const briefs: readonly Brief[] = [
  { ticker: 'BABA', minutesAgo: 3, changePct: -0.29, title: (c) => `${c.short} Shares Slip As Cloud Unit Cuts Full-Year Growth Outlook`, lead: (c) => `${c.name} ${c.ticker} lowered its cloud intelligence revenue growth forecast for the fiscal year, citing weaker enterprise demand in China.` },
  { ticker: 'NVDA', minutesAgo: 6, changePct: 2.41, title: (c) => `${c.short} Unveils Next-Generation AI Chip, Names Three New Hyperscale Customers`, lead: (c) => `${c.name} ${c.ticker} announced its next data-center GPU platform on Tuesday and said three cloud providers have signed multi-year supply agreements.` },
  { ticker: 'TSLA', minutesAgo: 9, changePct: -3.12, title: (c) => `${c.short} Recalls 120,000 Vehicles Over Seat Belt Warning Software Issue`, lead: (c) => `${c.name} ${c.ticker} is recalling about 120,000 vehicles in the U.S. because a software error may stop the seat belt warning chime, according to a NHTSA filing.` },
  { ticker: 'AAPL', minutesAgo: 12, changePct: 0.84, title: (c) => `${c.short} Announces $110 Billion Share Buyback, Raises Dividend 4%`, lead: (c) => `${c.name} ${c.ticker} authorized a new $110 billion share repurchase program and raised its quarterly dividend to 26 cents per share.` },
  { ticker: 'PFE', minutesAgo: 15, changePct: 4.65, title: (c) => `${c.short} Gets FDA Approval For Hemophilia Gene Therapy`, lead: (c) => `${c.name} ${c.ticker} said the U.S. Food and Drug Administration approved its gene therapy for adults with moderate to severe hemophilia B.` },
  { ticker: 'BA', minutesAgo: 18, changePct: -1.77, title: (c) => `${c.short} Delivers 27 Jets In June, Down From A Year Ago`, lead: (c) => `${c.name} ${c.ticker} delivered 27 commercial airplanes in June, compared with 60 a year earlier, as production of the 737 MAX remains capped.` },
  { ticker: 'JPM', minutesAgo: 21, changePct: 1.12, title: (c) => `${c.short} Q2 Earnings Beat: EPS $4.40 Vs $4.19 Estimate, Revenue $50.2 Billion`, lead: (c) => `${c.name} ${c.ticker} reported second-quarter earnings per share of $4.40, beating the analyst consensus estimate of $4.19. Revenue came in at $50.2 billion.` },
  { ticker: 'F', minutesAgo: 24, changePct: -2.05, title: (c) => `${c.short} Cuts Full-Year EBIT Guidance On Higher Warranty Costs`, lead: (c) => `${c.name} ${c.ticker} now expects adjusted EBIT of $7 billion to $8.5 billion for the year, down from $10 billion to $12 billion, citing elevated warranty expenses.` },
  { ticker: 'MRNA', minutesAgo: 27, changePct: -6.48, title: (c) => `${c.short} Halts Late-Stage Flu Vaccine Trial After Interim Analysis`, lead: (c) => `${c.name} ${c.ticker} said it stopped a Phase 3 trial of its seasonal flu vaccine candidate after an interim analysis showed it was unlikely to meet its primary endpoint.` },
  { ticker: 'AMD', minutesAgo: 31, changePct: 1.95, title: (c) => `Morgan Stanley Upgrades ${c.short} To Overweight, Raises Price Target To $195`, lead: (c) => `Morgan Stanley analyst upgraded ${c.name} ${c.ticker} to Overweight from Equal-Weight and raised the price target to $195 from $160.` },
  { ticker: 'NFLX', minutesAgo: 35, changePct: 7.31, title: (c) => `${c.short} Shares Jump After Subscriber Growth Tops Expectations`, lead: (c) => `${c.name} ${c.ticker} added 8.1 million paid memberships in the quarter, well above the 4.9 million analysts expected, and raised its full-year revenue guidance.` },
  { ticker: 'INTC', minutesAgo: 40, changePct: -4.22, title: (c) => `${c.short} To Cut 15% Of Workforce In Restructuring Plan`, lead: (c) => `${c.name} ${c.ticker} plans to reduce headcount by about 15% as part of a $10 billion cost reduction plan announced alongside its quarterly results.` },
  { ticker: 'COIN', minutesAgo: 45, changePct: 3.38, title: (c) => `${c.short} Wins Dismissal Of SEC Lawsuit Over Staking Program`, lead: (c) => `A federal judge dismissed the Securities and Exchange Commission's lawsuit against ${c.name} ${c.ticker} over its staking program.` },
  { ticker: 'DAL', minutesAgo: 50, changePct: -0.91, title: (c) => `${c.short} Trims Q3 Outlook As Domestic Fares Soften`, lead: (c) => `${c.name} ${c.ticker} guided third-quarter earnings per share of $1.70 to $2.00, below the $2.04 consensus, citing softer domestic pricing.` },
  { ticker: 'WMT', minutesAgo: 55, changePct: 0.47, title: (c) => `${c.short} To Acquire Smart TV Maker Vizio For $2.3 Billion`, lead: (c) => `${c.name} ${c.ticker} agreed to acquire Vizio Holding Corp for $11.50 per share in cash, valuing the television maker at about $2.3 billion.` },
  { ticker: 'PLTR', minutesAgo: 60, changePct: 5.12, title: (c) => `${c.short} Awarded $480 Million Army Contract`, lead: (c) => `${c.name} ${c.ticker} was awarded a five-year, $480 million contract by the U.S. Army to expand its Maven Smart System.` },
  { ticker: 'NIO', minutesAgo: 70, changePct: 2.66, title: (c) => `${c.short} July Deliveries Rise 98% Year-Over-Year`, lead: (c) => `${c.name} ${c.ticker} delivered 20,498 vehicles in July, up 98% from a year earlier, the Chinese electric-vehicle maker said.` },
  { ticker: 'CCL', minutesAgo: 80, changePct: 8.75, title: (c) => `${c.short} Raises Annual Profit Forecast On Record Bookings`, lead: (c) => `${c.name} ${c.ticker} raised its full-year adjusted net income forecast to about $1.7 billion, citing record booking volumes and higher onboard spending.` },
  { ticker: 'LLY', minutesAgo: 90, changePct: 1.39, title: (c) => `${c.short}'s Weight-Loss Drug Meets Main Goal In Sleep Apnea Study`, lead: (c) => `${c.name} ${c.ticker} said tirzepatide reduced the severity of obstructive sleep apnea by up to 63% in two late-stage trials.` },
  { ticker: 'GME', minutesAgo: 120, changePct: -11.4, title: (c) => `${c.short} Files To Sell Up To 75 Million Shares In At-The-Market Offering`, lead: (c) => `${c.name} ${c.ticker} filed to sell up to 75 million shares from time to time through an at-the-market equity offering program.` },
  { ticker: 'MSFT', minutesAgo: 1500, changePct: 0.35, title: (c) => `${c.short} Expands Partnership With OpenAI, Adds Data-Center Capacity`, lead: (c) => `${c.name} ${c.ticker} said it will add data-center capacity in three regions under an expanded agreement with OpenAI.` },
];

const NODE_ID_BASE = 42_104_000;

function entryFor(company: SimCompany, title: string, lead: string, changePct: number, published: Date, id: number): FeedEntry {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  const y = String(published.getUTCFullYear()).slice(2);
  const m = String(published.getUTCMonth() + 1).padStart(2, '0');
  return {
    guid: `${id} at https://www.benzinga.com`,
    guidIsPermaLink: false,
    title,
    link: `https://www.benzinga.com/news/${y}/${m}/${id}/${slug}`,
    description: `<p>${lead}</p><p><strong>${priceActionLine(company, changePct, published)}</strong></p>`,
    published,
    categories: [{ text: 'News' }],
    author: 'Benzinga Newsdesk',
  };
}

/** The feed as it looks at server start: about 20 briefs from the last two hours, plus one from yesterday. */
export function benzingaEntries(start: Date): FeedEntry[] {
  return briefs.map((b, i) => {
    const company = companyByTicker(b.ticker);
    return entryFor(company, b.title(company), b.lead(company), b.changePct, minutesBefore(start, b.minutesAgo), NODE_ID_BASE + i);
  });
}

const liveTemplates: ReadonlyArray<(c: SimCompany, pct: number) => { title: string; lead: string }> = [
  (c, pct) => ({ title: `${c.short} Shares Are Trading ${pct >= 0 ? 'Higher' : 'Lower'}: What's Going On?`, lead: `${c.name} ${c.ticker} shares are moving on heavy volume after the company presented at an industry conference.` }),
  (c) => ({ title: `${c.short} Reports Q2 Results Above Street Estimates`, lead: `${c.name} ${c.ticker} reported quarterly revenue and earnings per share ahead of analyst consensus estimates.` }),
  (c) => ({ title: `Goldman Sachs Downgrades ${c.short} To Neutral`, lead: `Goldman Sachs analyst downgraded ${c.name} ${c.ticker} to Neutral from Buy and lowered the price target.` }),
  (c) => ({ title: `${c.short} Announces CEO Transition`, lead: `${c.name} ${c.ticker} said its chief executive will step down at the end of the year and named a successor.` }),
  (c) => ({ title: `${c.short} Raises Full-Year Guidance`, lead: `${c.name} ${c.ticker} raised its full-year revenue outlook, citing stronger-than-expected demand.` }),
];

/** A new brief for the live stream of the demo. */
export function nextBenzingaEntry(rng: () => number, at: Date, seq: number): FeedEntry {
  const company = pick(rng, companies);
  const pct = Math.round((rng() * 12 - 6) * 100) / 100;
  const { title, lead } = pick(rng, liveTemplates)(company, pct);
  return entryFor(company, title, lead, pct, at, NODE_ID_BASE + 1000 + seq);
}

