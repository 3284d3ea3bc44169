// Companies the sample feeds talk about. Names as a newswire writes them; CIKs as the SEC lists them.

export interface SimCompany {
  /** Full name as Benzinga prints it before the ticker: "Alibaba Group Holding Ltd BABA". */
  name: string;
  /** Short name used in running text: "Alibaba". */
  short: string;
  ticker: string;
  exchange: 'NYSE' | 'Nasdaq';
  /** SEC filer name, upper-case as EDGAR shows it. */
  filer: string;
  cik: number;
  /** Rough share price, for plausible price-action lines. */
  price: number;
  /** Files 6-K (foreign private issuer) instead of 8-K. */
  foreign?: boolean;
}

export const companies: readonly SimCompany[] = [
  { name: 'Alibaba Group Holding Ltd', short: 'Alibaba', ticker: 'BABA', exchange: 'NYSE', filer: 'Alibaba Group Holding Ltd', cik: 1577552, price: 72.13, foreign: true },
  { name: 'Apple Inc', short: 'Apple', ticker: 'AAPL', exchange: 'Nasdaq', filer: 'Apple Inc.', cik: 320193, price: 212.4 },
  { name: 'NVIDIA Corp', short: 'Nvidia', ticker: 'NVDA', exchange: 'Nasdaq', filer: 'NVIDIA CORP', cik: 1045810, price: 131.1 },
  { name: 'Tesla Inc', short: 'Tesla', ticker: 'TSLA', exchange: 'Nasdaq', filer: 'Tesla, Inc.', cik: 1318605, price: 248.5 },
  { name: 'Microsoft Corp', short: 'Microsoft', ticker: 'MSFT', exchange: 'Nasdaq', filer: 'MICROSOFT CORP', cik: 789019, price: 447.2 },
  { name: 'Amazon.com Inc', short: 'Amazon', ticker: 'AMZN', exchange: 'Nasdaq', filer: 'AMAZON COM INC', cik: 1018724, price: 186.3 },
  { name: 'Meta Platforms Inc', short: 'Meta', ticker: 'META', exchange: 'Nasdaq', filer: 'Meta Platforms, Inc.', cik: 1326801, price: 512.8 },
  { name: 'Advanced Micro Devices Inc', short: 'AMD', ticker: 'AMD', exchange: 'Nasdaq', filer: 'ADVANCED MICRO DEVICES INC', cik: 2488, price: 158.6 },
  { name: 'The Boeing Co', short: 'Boeing', ticker: 'BA', exchange: 'NYSE', filer: 'BOEING CO', cik: 12927, price: 176.4 },
  { name: 'Ford Motor Co', short: 'Ford', ticker: 'F', exchange: 'NYSE', filer: 'FORD MOTOR CO', cik: 37996, price: 12.31 },
  { name: 'Pfizer Inc', short: 'Pfizer', ticker: 'PFE', exchange: 'NYSE', filer: 'PFIZER INC', cik: 78003, price: 28.7 },
  { name: 'JPMorgan Chase & Co', short: 'JPMorgan', ticker: 'JPM', exchange: 'NYSE', filer: 'JPMORGAN CHASE & CO', cik: 19617, price: 201.5 },
  { name: 'Walmart Inc', short: 'Walmart', ticker: 'WMT', exchange: 'NYSE', filer: 'Walmart Inc.', cik: 104169, price: 68.9 },
  { name: 'Netflix Inc', short: 'Netflix', ticker: 'NFLX', exchange: 'Nasdaq', filer: 'NETFLIX INC', cik: 1065280, price: 655.2 },
  { name: 'Intel Corp', short: 'Intel', ticker: 'INTC', exchange: 'Nasdaq', filer: 'INTEL CORP', cik: 50863, price: 30.6 },
  { name: 'Moderna Inc', short: 'Moderna', ticker: 'MRNA', exchange: 'Nasdaq', filer: 'Moderna, Inc.', cik: 1682852, price: 118.4 },
  { name: 'Palantir Technologies Inc', short: 'Palantir', ticker: 'PLTR', exchange: 'Nasdaq', filer: 'Palantir Technologies Inc.', cik: 1321655, price: 24.8 },
  { name: 'NIO Inc', short: 'NIO', ticker: 'NIO', exchange: 'NYSE', filer: 'NIO Inc.', cik: 1736541, price: 4.52, foreign: true },
  { name: 'Coinbase Global Inc', short: 'Coinbase', ticker: 'COIN', exchange: 'Nasdaq', filer: 'Coinbase Global, Inc.', cik: 1679788, price: 226.1 },
  { name: 'Carnival Corp', short: 'Carnival', ticker: 'CCL', exchange: 'NYSE', filer: 'CARNIVAL CORP', cik: 815097, price: 16.9 },
  { name: 'Eli Lilly and Co', short: 'Eli Lilly', ticker: 'LLY', exchange: 'NYSE', filer: 'ELI LILLY & Co', cik: 59478, price: 871.3 },
  { name: 'Delta Air Lines Inc', short: 'Delta', ticker: 'DAL', exchange: 'NYSE', filer: 'DELTA AIR LINES, INC.', cik: 27904, price: 48.2 },
  { name: 'Uber Technologies Inc', short: 'Uber', ticker: 'UBER', exchange: 'NYSE', filer: 'Uber Technologies, Inc', cik: 1543151, price: 71.3 },
  { name: 'Walt Disney Co', short: 'Disney', ticker: 'DIS', exchange: 'NYSE', filer: 'Walt Disney Co', cik: 1744489, price: 99.7 },
  { name: 'GameStop Corp', short: 'GameStop', ticker: 'GME', exchange: 'NYSE', filer: 'GameStop Corp.', cik: 1326380, price: 23.4 },
  { name: 'Huntington Ingalls Industries Inc', short: 'HII', ticker: 'HII', exchange: 'NYSE', filer: 'HUNTINGTON INGALLS INDUSTRIES, INC.', cik: 1501585, price: 251.3 },
  { name: 'Taiwan Semiconductor Manufacturing Co Ltd', short: 'TSMC', ticker: 'TSM', exchange: 'NYSE', filer: 'TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD', cik: 1046179, price: 172.9, foreign: true },
  { name: 'Novo Nordisk A/S', short: 'Novo Nordisk', ticker: 'NVO', exchange: 'NYSE', filer: 'NOVO NORDISK A S', cik: 353278, price: 131.6, foreign: true },
  { name: 'Shopify Inc', short: 'Shopify', ticker: 'SHOP', exchange: 'Nasdaq', filer: 'SHOPIFY INC.', cik: 1594805, price: 64.2, foreign: true },
];

export function companyByTicker(ticker: string): SimCompany {
  const found = companies.find((c) => c.ticker === ticker);
  if (found === undefined) throw new Error(`no sim company ${ticker}`);
  return found;
}
