// Research firms whose rating changes and price targets make headlines, by the names desks write them with.
// Two analyst actions on one stock are one story only when the same firm made them; most firms are not
// listed companies (Wedbush, Needham, Bernstein), so the symbol dictionary cannot tell them apart.

const FIRMS: readonly (readonly [id: string, names: string])[] = [
  ['goldman', 'Goldman Sachs|Goldman'],
  ['morgan-stanley', 'Morgan Stanley'],
  ['jpmorgan', 'JPMorgan|J\\.P\\. Morgan|JP Morgan|JPMorgan Chase'],
  ['bofa', 'BofA Securities|BofA|Bank of America|Merrill Lynch'],
  ['citi', 'Citigroup|Citi'],
  ['wells-fargo', 'Wells Fargo'],
  ['barclays', 'Barclays'],
  ['ubs', 'UBS'],
  ['deutsche', 'Deutsche Bank'],
  ['hsbc', 'HSBC'],
  ['bernstein', 'Bernstein|AllianceBernstein|Societe Generale'],
  ['jefferies', 'Jefferies'],
  ['evercore', 'Evercore ISI|Evercore'],
  ['piper', 'Piper Sandler|Piper'],
  ['raymond-james', 'Raymond James'],
  ['rbc', 'RBC Capital Markets|RBC Capital|RBC'],
  ['bmo', 'BMO Capital Markets|BMO Capital|BMO'],
  ['td-cowen', 'TD Cowen|Cowen|TD Securities'],
  ['keybanc', 'KeyBanc|KeyBanc Capital Markets'],
  ['truist', 'Truist Securities|Truist'],
  ['mizuho', 'Mizuho'],
  ['nomura', 'Nomura|Instinet'],
  ['macquarie', 'Macquarie'],
  ['oppenheimer', 'Oppenheimer'],
  ['needham', 'Needham'],
  ['wedbush', 'Wedbush'],
  ['stifel', 'Stifel|Keefe,? Bruyette|KBW'],
  ['baird', 'Baird|Robert W\\. Baird'],
  ['william-blair', 'William Blair'],
  ['guggenheim', 'Guggenheim'],
  ['cantor', 'Cantor Fitzgerald|Cantor'],
  ['btig', 'BTIG'],
  ['loop', 'Loop Capital'],
  ['rosenblatt', 'Rosenblatt'],
  ['da-davidson', 'D\\.A\\. Davidson|DA Davidson'],
  ['benchmark', 'Benchmark Co|Benchmark'],
  ['wolfe', 'Wolfe Research'],
  ['melius', 'Melius Research|Melius'],
  ['redburn', 'Redburn Atlantic|Redburn'],
  ['hc-wainwright', 'H\\.C\\. Wainwright|HC Wainwright'],
  ['roth', 'Roth MKM|Roth Capital'],
  ['northland', 'Northland'],
  ['craig-hallum', 'Craig-Hallum'],
  ['canaccord', 'Canaccord Genuity|Canaccord'],
  ['telsey', 'Telsey Advisory|Telsey'],
  ['argus', 'Argus'],
  ['cfra', 'CFRA'],
  ['morningstar', 'Morningstar'],
  ['seaport', 'Seaport Research|Seaport'],
  ['citizens-jmp', 'Citizens JMP|JMP Securities'],
  ['ladenburg', 'Ladenburg Thalmann'],
  ['maxim', 'Maxim Group'],
  ['lake-street', 'Lake Street'],
  ['clsa', 'CLSA'],
  ['daiwa', 'Daiwa'],
  ['bnp', 'BNP Paribas|Exane'],
  ['erste', 'Erste Group'],
  ['phillip', 'Phillip Securities'],
  ['susquehanna', 'Susquehanna'],
  ['scotiabank', 'Scotiabank'],
  ['tigress', 'Tigress Financial'],
];

const FIRM_RES: readonly (readonly [string, RegExp])[] = FIRMS.map(([id, names]) => [id, new RegExp(`\\b(?:${names})(?![\\w-])`, 'i')]);
const ANY_FIRM = new RegExp(FIRM_RES.map(([, re]) => re.source).join('|'), 'i');

/**
 * The research firms a headline names, as stable ids in sorted order ("goldman", "td-cowen"); empty when none.
 * All of them, not a guess at which one made the call: "Citigroup upgraded at Goldman" names both, and so does
 * every copy of that story.
 */
export function researchFirmsOf(text: string): string[] {
  if (!ANY_FIRM.test(text)) return [];
  return FIRM_RES.filter(([, re]) => re.test(text))
    .map(([id]) => id)
    .sort();
}
