// Words that are real tickers (or look like them) but are far more often ordinary words or
// abbreviations in news text. A bare occurrence is never a ticker; explicit forms ($AI, NYSE: AI,
// "C3.ai Inc AI", a feed tag) still are.
export const DEFAULT_STOP_LIST: readonly string[] = [
  // one-letter tickers are all words or initials in text
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''),
  // common English words that are listed tickers
  'AI', 'IT', 'ALL', 'ARE', 'ON', 'NOW', 'FOR', 'CAN', 'GO', 'SO', 'BE', 'HAS', 'LOVE', 'REAL', 'FUN', 'OPEN',
  'CASH', 'TRUE', 'PLAY', 'GOOD', 'WELL', 'EAT', 'CAR', 'KEY', 'FAST', 'LOW', 'SEE', 'BIO', 'TECH', 'AM', 'PM',
  'ET', 'OR', 'AN', 'BY', 'UP', 'HE', 'OUT', 'NICE', 'EDIT', 'ELSE', 'JOB', 'LIFE', 'RUN', 'SAFE', 'BEAT', 'DD',
  'AT', 'AS', 'IS', 'IN', 'OF', 'TO', 'NO', 'DO', 'WE', 'ME', 'MY', 'US', 'OK', 'HI', 'PAY', 'BIG', 'NEW', 'ONE',
  'TWO', 'BEST', 'MOST', 'MORE', 'NEXT', 'LAST', 'NEAR', 'HOPE', 'CARE', 'GAIN', 'WIN', 'WOW', 'YOU', 'ANY',
  'ACT', 'AGO', 'AIR', 'ARM', 'ART', 'BAR', 'BIT', 'BOX', 'CUT', 'DAY', 'EVER', 'EYE', 'FLY', 'FREE', 'GOLD',
  'HOME', 'HOT', 'INFO', 'LAND', 'LIVE', 'LIKE', 'MAN', 'MAIN', 'MIND', 'NET', 'OLD', 'PEAK', 'PLUS', 'POST',
  'PRO', 'RARE', 'RE', 'RIDE', 'ROCK', 'SAVE', 'SKY', 'SUN', 'TEAM', 'TOP', 'TRIP', 'VERY', 'WAVE', 'WIRE', 'WORK',
  'ZONE', 'CEO', 'CFO', 'COO', 'CTO', 'IPO', 'EPS', 'GDP', 'CPI', 'PPI', 'PCE', 'SEC', 'FDA', 'FTC', 'DOJ', 'FED',
  'FOMC', 'ECB', 'BOJ', 'IMF', 'OPEC', 'ETF', 'ETFS', 'ETN', 'NYSE', 'AMEX', 'OTC', 'USD', 'EUR', 'GBP', 'JPY',
  'CNY', 'EU', 'UK', 'USA', 'UAE', 'UN', 'NATO', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'FY', 'YOY', 'QOQ', 'TTM',
  'EST', 'EDT', 'PST', 'GMT', 'UTC', 'NEWS', 'INC', 'LLC', 'LTD', 'PLC', 'CORP', 'CO', 'AG', 'SA', 'NV', 'SE',
  'EV', 'EVS', 'API', 'APP', 'APPS', 'CEOS', 'M&A', 'R&D', 'PE', 'VC', 'IRS', 'ESG', 'DEI', 'LLM', 'GPU', 'CPU',
  'AR', 'VR', 'TV', 'PC', 'PCS', 'HR', 'PR', 'IR', 'ID', 'DNA', 'RNA', 'COVID', 'NFL', 'NBA', 'MLB', 'NHL',
  'WTI', 'LNG', 'YTD', 'MTD', 'ATH', 'AUM', 'NAV', 'ROI', 'ROE', 'EBIT', 'EBITDA', 'GAAP', 'ADR', 'ADS', 'SPAC',
  'REIT', 'BDC', 'MLP', 'NASDAQ', 'DOW', 'SP', 'TSX', 'LSE', 'HKEX', 'FX', 'IMO', 'FAQ', 'CEO’S', 'TBD', 'TBA',
  'AMA', 'ASAP', 'FYI', 'DIY', 'USB', 'GPS', 'SUV', 'SUVS', 'CES', 'WWDC', 'FIFA', 'NCAA', 'PGA', 'UFC', 'WWE',
  'NY', 'LA', 'DC', 'SF', 'TX', 'CA', 'FL', 'NJ', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XL',
  // crypto assets written like tickers ("ETH Tops $4,000" is Ether, not Ethan Allen)
  'ETH', 'SOL', 'XRP', 'DOGE', 'ADA', 'DOT', 'AVAX', 'LINK', 'SHIB', 'LTC', 'BNB', 'USDT', 'USDC',
];
