// An SEC EDGAR "latest filings" Atom sample: 8-K and 6-K current reports, accession numbers in <id>, acceptance
// times in Eastern time, and one filing listed twice (once per filer role) as EDGAR does.
import { companies, companyByTicker, type SimCompany } from './companies.js';
import { minutesBefore, pick, type FeedEntry } from './entry.js';

const ITEMS_8K: Record<string, string> = {
  '1.01': 'Entry into a Material Definitive Agreement',
  '2.02': 'Results of Operations and Financial Condition',
  '5.02': 'Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers',
  '7.01': 'Regulation FD Disclosure',
  '8.01': 'Other Events',
  '9.01': 'Financial Statements and Exhibits',
};

interface Filing {
  ticker: string;
  form: '8-K' | '6-K' | '8-K/A';
  items: string[];
  minutesAgo: number;
  role?: string;
}

const filings: readonly Filing[] = [
  { ticker: 'AAPL', form: '8-K', items: ['2.02', '9.01'], minutesAgo: 2 },
  { ticker: 'BABA', form: '6-K', items: [], minutesAgo: 5 },
  { ticker: 'TSLA', form: '8-K', items: ['5.02'], minutesAgo: 8 },
  { ticker: 'JPM', form: '8-K', items: ['7.01', '9.01'], minutesAgo: 13 },
  { ticker: 'NIO', form: '6-K', items: [], minutesAgo: 19 },
  { ticker: 'WMT', form: '8-K', items: ['1.01', '9.01'], minutesAgo: 25, role: 'Filer' },
  { ticker: 'WMT', form: '8-K', items: ['1.01', '9.01'], minutesAgo: 25, role: 'Subject' },
  { ticker: 'INTC', form: '8-K', items: ['2.02', '9.01'], minutesAgo: 33 },
  { ticker: 'TSM', form: '6-K', items: [], minutesAgo: 41 },
  { ticker: 'F', form: '8-K/A', items: ['8.01'], minutesAgo: 58 },
  { ticker: 'SCGLY', form: '6-K', items: [], minutesAgo: 47 },
  { ticker: 'COIN', form: '8-K', items: ['8.01', '9.01'], minutesAgo: 1700 },
];

// The feed is served in ISO-8859-1: a filer name with accents exercises the charset path.
const societeGenerale: SimCompany = { name: 'Societe Generale SA', short: 'Société Générale', ticker: 'SCGLY', exchange: 'NYSE', filer: 'SOCIÉTÉ GÉNÉRALE', cik: 1238816, price: 5.4, foreign: true };
const filer = (ticker: string): SimCompany => (ticker === societeGenerale.ticker ? societeGenerale : companyByTicker(ticker));

const filerAgent = 1_171_843;

function accession(seq: number): string {
  return `${String(filerAgent).padStart(10, '0')}-26-${String(seq).padStart(6, '0')}`;
}

function entryFor(company: SimCompany, filing: Omit<Filing, 'ticker' | 'minutesAgo'>, published: Date, seq: number): FeedEntry {
  const acc = accession(seq);
  const cik10 = String(company.cik).padStart(10, '0');
  const itemLines = filing.items.map((code) => `<br>Item ${code}: ${ITEMS_8K[code] ?? 'Other Events'}`);
  const date = published.toISOString().slice(0, 10);
  return {
    guid: `urn:tag:sec.gov,2008:accession-number=${acc}`,
    guidIsPermaLink: false,
    title: `${filing.form} - ${company.filer.toUpperCase()} (${cik10}) (${filing.role ?? 'Filer'})`,
    link: `https://www.sec.gov/Archives/edgar/data/${company.cik}/${acc.replace(/-/g, '')}/${acc}-index.htm`,
    // HTML markup; escaped once on output, so the document reads `&lt;b&gt;Filed:&lt;/b&gt;` like the real feed.
    description: ` <b>Filed:</b> ${date} <b>AccNo:</b> ${acc} <b>Size:</b> ${200 + (seq % 700)} KB${itemLines.join('')}`,
    published,
    categories: [{ text: filing.form }],
  };
}

const BASE_SEQ = 4_725;

export function secEdgarEntries(start: Date): FeedEntry[] {
  let seq = BASE_SEQ;
  let previous: Filing | undefined;
  return filings.map((f) => {
    // A second role of the same filing keeps the accession number.
    const sameFiling = previous !== undefined && previous.ticker === f.ticker && previous.minutesAgo === f.minutesAgo;
    if (!sameFiling) seq += 1;
    previous = f;
    return entryFor(filer(f.ticker), f, minutesBefore(start, f.minutesAgo), seq);
  });
}

export function nextSecEdgarEntry(rng: () => number, at: Date, seq: number): FeedEntry {
  const company = pick(rng, companies);
  const form = company.foreign === true ? '6-K' : '8-K';
  const items = form === '6-K' ? [] : [pick(rng, ['2.02', '5.02', '7.01', '8.01', '1.01']), '9.01'];
  return entryFor(company, { form, items }, at, BASE_SEQ + 1000 + seq);
}
