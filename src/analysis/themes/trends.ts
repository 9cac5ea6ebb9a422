/**
 * Is a theme rising or falling? A Poisson regression of the number of reviews coded with the theme
 * each year, with the number of reviews published that year as exposure:
 *
 *   log E[count_y] = log(total_y) + a + b·(y − ȳ)
 *
 * fitted by Newton–Raphson. exp(b) is the yearly rate ratio (1.10 = the theme's share grows 10% a
 * year); the Wald test z = b / se(b) gives a two-sided p-value. Every figure behind a flag is kept,
 * so a dashboard can show why a theme was called rising.
 */
export interface YearCount {
  year: number;
  /** reviews coded with the theme */
  count: number;
  /** reviews published that year (the exposure) */
  total: number;
}

export interface Trend {
  years: number;
  reviews: number;
  coded: number;
  /** yearly rate ratio, exp(b) */
  rateRatio: number;
  slope: number;
  standardError: number;
  z: number;
  p: number;
  direction: 'rising' | 'falling' | 'steady' | 'too little data';
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 via erf; error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const erf =
    1 -
    t *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function poissonTrend(series: YearCount[], alpha = 0.05): Trend {
  const data = series.filter((d) => d.total > 0);
  const coded = data.reduce((n, d) => n + d.count, 0);
  const reviews = data.reduce((n, d) => n + d.total, 0);
  const base = { years: data.length, reviews, coded };
  if (data.length < 3 || coded < 5) {
    return {
      ...base,
      rateRatio: 1,
      slope: 0,
      standardError: Number.NaN,
      z: 0,
      p: 1,
      direction: 'too little data',
    };
  }
  const mean = data.reduce((n, d) => n + d.year, 0) / data.length;
  const xs = data.map((d) => d.year - mean);
  let a = Math.log(coded / reviews);
  let b = 0;
  let info = [0, 0, 0];
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0;
    let gb = 0;
    let iaa = 0;
    let iab = 0;
    let ibb = 0;
    data.forEach((d, i) => {
      const x = xs[i] ?? 0;
      const mu = d.total * Math.exp(a + b * x);
      ga += d.count - mu;
      gb += (d.count - mu) * x;
      iaa += mu;
      iab += mu * x;
      ibb += mu * x * x;
    });
    const det = iaa * ibb - iab * iab;
    if (det <= 0) break;
    const da = (ibb * ga - iab * gb) / det;
    const db = (iaa * gb - iab * ga) / det;
    a += da;
    b += db;
    info = [iaa, iab, ibb];
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  const [iaa = 0, iab = 0, ibb = 0] = info;
  const det = iaa * ibb - iab * iab;
  const standardError = det > 0 ? Math.sqrt(iaa / det) : Number.NaN;
  const z = Number.isFinite(standardError) && standardError > 0 ? b / standardError : 0;
  const p = 2 * (1 - normalCdf(Math.abs(z)));
  const direction = p < alpha ? (b > 0 ? 'rising' : 'falling') : 'steady';
  return { ...base, rateRatio: Math.exp(b), slope: b, standardError, z, p, direction };
}

export interface PairCount {
  a: string;
  b: string;
  /** reviews coded with both */
  both: number;
  /** observed over expected if the two were independent: above 1, they go together */
  lift: number;
}

/** How often themes are coded together in the same review, with lift, most frequent first. */
export function cooccurrence(reviews: string[][], minimum = 2): PairCount[] {
  const n = reviews.length;
  const single = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const themes of reviews) {
    const unique = [...new Set(themes)].sort();
    for (const t of unique) single.set(t, (single.get(t) ?? 0) + 1);
    for (let i = 0; i < unique.length; i++) {
      for (let j = i + 1; j < unique.length; j++) {
        const key = `${unique[i]}|${unique[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  return [...pairs]
    .filter(([, both]) => both >= minimum)
    .map(([key, both]) => {
      const [a = '', b = ''] = key.split('|');
      const expected = ((single.get(a) ?? 0) * (single.get(b) ?? 0)) / n;
      return { a, b, both, lift: expected > 0 ? both / expected : 0 };
    })
    .sort((x, y) => y.both - x.both || y.lift - x.lift || x.a.localeCompare(y.a));
}
