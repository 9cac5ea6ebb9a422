import { DISCIPLINES, TIERS } from '../../../analysis/briefing/types.js';
import { REVIEW_TYPES } from '../../../ingestion/metadata.js';
import { ENGLISH_REGIONS, NATIONS } from '../../../ingestion/places.js';
import { AGE_BANDS } from '../../../services/review-metadata.js';
import { TREND_MEASURES } from '../../../services/figures-service.js';
import { VERSION } from '../../../version.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', description: 'stable, machine-readable' },
        message: { type: 'string', description: 'for people' },
        details: { type: 'object' },
      },
    },
  },
};

const reviewSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    type: { type: 'string', enum: [...REVIEW_TYPES] },
    nation: { type: ['string', 'null'] },
    region: { type: ['string', 'null'] },
    body: { type: ['string', 'null'], description: 'publishing body' },
    area: { type: ['string', 'null'] },
    published: { type: ['string', 'null'], description: 'YYYY, YYYY-MM or YYYY-MM-DD' },
    subject: { type: ['string', 'null'], enum: ['child', 'adult', null] },
    visibility: { type: 'string' },
    status: { type: 'string' },
  },
};

const upload = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'imported', 'skipped', 'failed'] },
    fileName: { type: 'string' },
    sizeBytes: { type: 'integer' },
    reviewId: { type: ['string', 'null'] },
    code: { type: ['string', 'null'] },
    message: { type: ['string', 'null'] },
  },
};

const many = (name: string, values: readonly string[], description: string) => ({
  name,
  in: 'query',
  description: `${description} Repeat to allow several.`,
  schema: { type: 'array', items: { type: 'string', enum: [...values] } },
  style: 'form',
  explode: true,
});

const manyText = (name: string, description: string) => ({
  name,
  in: 'query',
  description: `${description} Repeat to allow several.`,
  schema: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 20 },
  style: 'form',
  explode: true,
});

/** The filters lists and searches share. */
const filterParameters = [
  many('type', REVIEW_TYPES, 'Review type.'),
  many('nation', NATIONS, 'Nation.'),
  many('region', ENGLISH_REGIONS, 'English region.'),
  many('subject', ['child', 'adult'], 'Whom the review is about.'),
  many('age', AGE_BANDS, 'Age band of the child or adult.'),
  manyText('area', 'Publishing area (local authority area), e.g. Leeds.'),
  manyText('agency', 'An agency involved, e.g. police.'),
  manyText(
    'theme',
    'A key theme slug, e.g. domestic-abuse (see /api/v1/themes); suggested and confirmed codes count, rejected ones do not.',
  ),
  {
    name: 'from',
    in: 'query',
    description: 'Earliest year of publication.',
    schema: { type: 'integer', minimum: 1900, maximum: 2100 },
  },
  {
    name: 'to',
    in: 'query',
    description: 'Latest year of publication.',
    schema: { type: 'integer', minimum: 1900, maximum: 2100 },
  },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];

const facetList = {
  type: 'array',
  items: { type: 'object', properties: { value: { type: 'string' }, count: { type: 'integer' } } },
};
const searchResponse = {
  type: 'object',
  properties: {
    total: {
      type: 'integer',
      description: 'reviews (view=reviews) or paragraphs (view=passages) that match',
    },
    totalCapped: {
      type: 'boolean',
      description: 'counting stopped at total (view=passages, a very common word): at least that many match',
    },
    estimated: {
      type: 'boolean',
      description:
        'so many reviews match that the facet counts are estimated from a fixed sample of one review in sixteen, and rounded',
    },
    totalEstimated: {
      type: 'boolean',
      description: 'total (view=reviews) is such an estimate too: so many reviews match under the filters',
    },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    view: { type: 'string', enum: ['reviews', 'passages'] },
    understood: {
      type: 'array',
      items: { type: 'string' },
      description: 'the words searched for, after spelling and acronym expansion',
    },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          type: { type: 'string' },
          published: { type: ['string', 'null'] },
          score: { type: 'number' },
          matchingPassages: { type: 'integer' },
          snippets: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                text: { type: 'string' },
                highlights: {
                  type: 'array',
                  items: { type: 'array', items: { type: 'integer' } },
                  description: '[start, end) of the matching words',
                },
                section: { type: ['string', 'null'] },
                paragraph: { type: ['string', 'null'] },
                page: { type: ['integer', 'null'] },
                passageId: { type: 'integer' },
              },
            },
          },
        },
      },
    },
    facets: {
      type: 'object',
      description: "counts per value for the current words, under every filter but the facet's own",
      properties: Object.fromEntries(
        ['type', 'subject', 'age', 'nation', 'region', 'area', 'agency', 'theme'].map((f) => [f, facetList]),
      ),
    },
  },
};

const errors = {
  '400': {
    description: 'Invalid request',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '404': {
    description: 'Not found (also for reviews the caller may not see)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};

const trendMedians = {
  type: 'object',
  description: 'null when the group has no reviews',
  properties: Object.fromEntries(TREND_MEASURES.map((m) => [m, { type: ['number', 'null'] }])),
};
const trendGroup = {
  type: 'object',
  properties: {
    key: { type: 'string', description: 'the year, or the review type code; "all" for overall' },
    label: { type: 'string' },
    reviews: { type: 'integer' },
    medians: trendMedians,
  },
};
const languageTrends = {
  type: 'object',
  properties: {
    by: { type: 'string', enum: ['year', 'type'] },
    reviews: { type: 'integer', description: 'reviews in the groups' },
    undated: { type: 'integer', description: 'by=year: reviews left out for want of a year' },
    measures: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          label: { type: 'string' },
          unit: { type: 'string', enum: ['score', 'grade', 'share', 'per1000'] },
        },
      },
    },
    groups: { type: 'array', items: trendGroup },
    overall: trendGroup,
  },
};

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and rendered at /api/v1/docs. */
const BRIEFING_PARAMETERS = [
  { name: 'tier', in: 'query', schema: { type: 'string', enum: [...TIERS], default: 'universal' } },
  {
    name: 'discipline',
    in: 'query',
    schema: { type: 'string', enum: [...DISCIPLINES] },
  },
];

export function openApiDocument(uploadsEnabled: boolean) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Safeguarding Learning Hub API',
      version: VERSION,
      description:
        'The library of safeguarding case reviews. Every page of the service has its data here. Errors are { error: { code, message, details } }.',
    },
    paths: {
      '/health': {
        get: {
          summary: 'Service health',
          description: 'Database check, backend name and version.',
          responses: { '200': { description: 'Healthy' }, '503': { description: 'Database unreachable' } },
        },
      },
      '/api/v1/reviews': {
        get: {
          summary: 'List reviews',
          description: 'Published reviews the caller may read, newest first, with the total that match.',
          parameters: [
            {
              name: 'q',
              in: 'query',
              description: 'Words that must each appear in the title, publishing body or area.',
              schema: { type: 'string', maxLength: 200 },
            },
            ...filterParameters,
            {
              name: 'sort',
              in: 'query',
              schema: {
                type: 'string',
                enum: ['published-desc', 'published-asc', 'title', 'added-desc'],
                default: 'published-desc',
              },
            },
          ],
          responses: {
            '200': {
              description: 'A page of reviews',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      total: { type: 'integer' },
                      page: { type: 'integer' },
                      pageSize: { type: 'integer' },
                      results: { type: 'array', items: { $ref: '#/components/schemas/ReviewSummary' } },
                    },
                  },
                },
              },
            },
            '400': errors['400'],
          },
        },
        ...(uploadsEnabled
          ? {
              post: {
                summary: 'Upload a review file',
                description:
                  'Multipart form with a "file" part (PDF, DOCX, HTML, Markdown or text) and optional fields title, type, nation, region, body, year, subject, visibility. Waits for the file to be read: 201 imported, 200 already in the library, 422 unreadable (the message says why), 202 still being read (poll the upload).',
                requestBody: {
                  required: true,
                  content: {
                    'multipart/form-data': {
                      schema: {
                        type: 'object',
                        required: ['file'],
                        properties: {
                          file: { type: 'string', format: 'binary' },
                          title: { type: 'string' },
                          type: { type: 'string', enum: [...REVIEW_TYPES] },
                          nation: { type: 'string', enum: [...NATIONS] },
                          region: { type: 'string', enum: [...ENGLISH_REGIONS] },
                          body: { type: 'string' },
                          year: { type: 'integer' },
                          subject: { type: 'string', enum: ['child', 'adult'] },
                          visibility: { type: 'string', enum: ['public', 'registered', 'restricted'] },
                        },
                      },
                    },
                  },
                },
                responses: {
                  '201': {
                    description: 'Imported',
                    content: {
                      'application/json': {
                        schema: {
                          type: 'object',
                          properties: {
                            upload: { $ref: '#/components/schemas/Upload' },
                            links: { type: 'object' },
                          },
                        },
                      },
                    },
                  },
                  '200': {
                    description: 'Already in the library',
                    content: {
                      'application/json': {
                        schema: {
                          type: 'object',
                          properties: { upload: { $ref: '#/components/schemas/Upload' } },
                        },
                      },
                    },
                  },
                  '202': {
                    description: 'Still being read',
                    content: {
                      'application/json': {
                        schema: {
                          type: 'object',
                          properties: { upload: { $ref: '#/components/schemas/Upload' } },
                        },
                      },
                    },
                  },
                  '400': errors['400'],
                  '413': {
                    description: 'File too large',
                    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
                  },
                  '422': {
                    description: 'The file could not be read',
                    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
                  },
                  '429': { description: 'Too many uploads; try again in a minute' },
                },
              },
            }
          : {}),
      },
      '/api/v1/reviews/{id}': {
        get: {
          summary: 'One review',
          description:
            'Metadata (with where each value came from), documents, sections, passages with paragraph numbers and pages, recommendations and related reviews.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The review' }, ...errors },
        },
      },
      '/api/v1/reviews/{id}/similar': {
        get: {
          summary: 'Reviews most like one review',
          description:
            "TF-IDF cosine similarity over each review's most characteristic words, with the words they share.",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Similar reviews, most similar first' }, ...errors },
        },
      },
      '/api/v1/reviews/{id}/readability': {
        get: {
          summary: 'How readable a review is',
          description:
            'Flesch reading ease and Flesch–Kincaid grade, average sentence length, share of sentences over 25 words, share of passive sentences, acronyms per 1,000 words, words and reading time (200 words a minute), for the whole review and for each section with text.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: '{ review: {...}, sections: [{ heading, kind, ... }] }' },
            ...errors,
          },
        },
      },
      '/api/v1/reviews/{id}/briefing': {
        get: {
          summary: 'A 7-minute briefing on a review, at a tier',
          description:
            'Built from the review’s own findings, learning and recommendations (docs/briefings.md): background, why it matters, 3–5 key findings, what to do (for practitioners, managers and strategic leads), questions for reflection and where to find more. Every point carries its citation (review, passage, paragraph, page) and why it was chosen; acronyms are written out at first use. `statements` holds every point with the tiers that show it. For files use the web address /reviews/{id}/briefing?format=pdf|docx|html|json.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            ...BRIEFING_PARAMETERS,
          ],
          responses: {
            '200': {
              description: '{ title, tier, discipline, readability, parts: [...], statements: [...] }',
            },
            ...errors,
          },
        },
      },
      '/api/v1/themes/{slug}/briefing': {
        get: {
          summary: 'A 7-minute briefing on a theme across reviews, at a tier',
          description:
            'The points the reviews coded with the theme make most often (each cited to one review’s passage, with the other reviews that made much the same point), their recommendations grouped by who is to act, and questions; over the reviews the caller may read, filtered by region, review type and years.',
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
            ...BRIEFING_PARAMETERS,
            { name: 'region', in: 'query', schema: { type: 'string' } },
            { name: 'type', in: 'query', schema: { type: 'string' } },
            { name: 'from', in: 'query', schema: { type: 'integer' } },
            { name: 'to', in: 'query', schema: { type: 'integer' } },
          ],
          responses: { '200': { description: 'As for a review briefing' }, ...errors },
        },
      },
      '/api/v1/briefings': {
        get: {
          summary: 'Kept briefings: published ones, and for editors drafts and withdrawn ones',
          responses: {
            '200': {
              description: '{ results: [{ id, kind, title, status, version, publishedVersion, url }] }',
            },
          },
        },
      },
      '/api/v1/briefings/{id}': {
        get: {
          summary: 'A kept briefing (the published version; editors may ask for any version)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            ...BRIEFING_PARAMETERS,
            { name: 'version', in: 'query', schema: { type: 'integer', minimum: 1 } },
          ],
          responses: {
            '200': { description: '{ id, status, version, url, ...as for a review briefing }' },
            ...errors,
          },
        },
      },
      '/api/v1/reviews/{id}/language': {
        get: {
          summary: 'How a review is framed: hindsight and blame against systems language',
          description:
            'Each sentence read by published patterns (docs/language.md) as hindsight, blame, systems or neutral: counts, rates per 1,000 words, and every flagged sentence with the phrase that decided it and its section, paragraph and page.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: '{ summary: {...}, sentences: [...] }' }, ...errors },
        },
      },
      '/api/v1/language/trends': {
        get: {
          summary: 'Readability and framing of reviews by year or by type',
          description:
            "Medians of each review's stored figures (docs/language.md), over the reviews the caller may read that match the filters: Flesch reading ease and Flesch–Kincaid grade, shares of long (over 25 words) and passive sentences (0–1), and hindsight, blame and systems sentences per 1,000 words. by=year gives every year from the first to the last (medians null in a year without reviews; reviews without a year are counted in undated); by=type gives each type of review.",
          parameters: [
            {
              name: 'by',
              in: 'query',
              schema: { type: 'string', enum: ['year', 'type'], default: 'year' },
            },
            many('type', REVIEW_TYPES, 'Review type.'),
            many('nation', NATIONS, 'Nation.'),
            many('region', ENGLISH_REGIONS, 'English region.'),
            {
              name: 'from',
              in: 'query',
              description: 'Earliest year of publication.',
              schema: { type: 'integer', minimum: 1900, maximum: 2100 },
            },
            {
              name: 'to',
              in: 'query',
              description: 'Latest year of publication.',
              schema: { type: 'integer', minimum: 1900, maximum: 2100 },
            },
          ],
          responses: {
            '200': {
              description: 'Medians and counts per group',
              content: { 'application/json': { schema: languageTrends } },
            },
            ...errors,
          },
        },
      },
      '/api/v1/session': {
        get: {
          summary: 'Who is signed in, and a CSRF token',
          description:
            'Send the token in an X-CSRF-Token header with every request that changes anything while signed in.',
          responses: {
            '200': { description: '{ person: {id, email, name, role, partnerships} | null, csrfToken }' },
          },
        },
        post: {
          summary: 'Sign in',
          description:
            'JSON only: {"email", "password"}. Sets the session cookie (HttpOnly, Secure, SameSite=Lax). Five wrong passwords for one address lock it for 15 minutes.',
          responses: {
            '201': { description: '{ person, csrfToken }' },
            '401': { description: 'Wrong email address or password' },
            '415': { description: 'Not sent as application/json' },
            '429': { description: 'Locked, or too many attempts from this address' },
          },
        },
        delete: { summary: 'Sign out', responses: { '204': { description: 'Signed out' } } },
      },
      '/api/v1/themes': {
        get: {
          summary: 'Key themes and their prevalence',
          description:
            'Each theme of the taxonomy (slug, label, group, whom it applies to, definition) with the reviews coded with it (suggested or confirmed), how many an analyst confirmed, counts by year out of the reviews published that year, and a Poisson trend test (rateRatio, slope, standardError, z, p, direction).',
          parameters: [
            many('region', ENGLISH_REGIONS, 'English region.'),
            many('type', REVIEW_TYPES, 'Review type.'),
          ],
          responses: { '200': { description: 'The themes with their figures' }, ...errors },
        },
      },
      '/api/v1/themes/emerging': {
        get: {
          summary: 'Emerging terms',
          description:
            'Words and phrases used sharply more in the last three years of reviews than before (one-sided two-proportion test, p < 0.01, at least twice as often) that no theme covers yet, with the figures and example passages; and the rising terms existing themes already cover.',
          responses: {
            '200': {
              description:
                '{ recentFrom, recentTo, recentTotal, earlierTotal, terms: [...], explained: [...] }',
            },
          },
        },
      },
      '/api/v1/themes/{slug}': {
        get: {
          summary: 'One key theme',
          description:
            'Its figures by year and by region, trend test, the themes coded with it (with lift), and the reviews that carry it with their evidence.',
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
            many('region', ENGLISH_REGIONS, 'English region.'),
            many('type', REVIEW_TYPES, 'Review type.'),
          ],
          responses: { '200': { description: 'The theme' }, ...errors },
        },
      },
      '/api/v1/classify': {
        post: {
          summary: 'Code a text or a file against the themes',
          description:
            'JSON {"text"} or multipart/form-data with a "file" part (PDF, DOCX, HTML, Markdown, text). Nothing is stored. Each theme comes with its confidence and evidence (sentence, section, paragraph, page, reason; "heading": true where the words are the heading of a finding, which has no paragraph).',
          responses: {
            '200': { description: '{"themes":[{"slug","label","confidence","evidence":[...]}]}' },
            '413': { description: 'File too large' },
            ...errors,
          },
        },
      },
      '/api/v1/search': {
        get: {
          summary: 'Search the text of every review',
          description:
            'Words, "exact phrases", -excluded words and OR. English stemming; British and American spellings match; acronyms match their expansions. view=reviews ranks reviews and shows their best paragraphs; view=passages lists every matching paragraph.',
          parameters: [
            {
              name: 'q',
              in: 'query',
              description: 'What to search for.',
              schema: { type: 'string', maxLength: 500 },
            },
            {
              name: 'view',
              in: 'query',
              schema: { type: 'string', enum: ['reviews', 'passages'], default: 'reviews' },
            },
            {
              name: 'sort',
              in: 'query',
              schema: { type: 'string', enum: ['relevance', 'date'], default: 'relevance' },
            },
            ...filterParameters,
          ],
          responses: {
            '200': {
              description: 'A page of results with facet counts',
              content: { 'application/json': { schema: searchResponse } },
            },
            ...errors,
          },
        },
      },
      ...(uploadsEnabled
        ? {
            '/api/v1/uploads/{id}': {
              get: {
                summary: 'An upload and its progress',
                parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
                responses: {
                  '200': {
                    description: 'The upload',
                    content: { 'application/json': { schema: { $ref: '#/components/schemas/Upload' } } },
                  },
                  ...errors,
                },
              },
            },
          }
        : {}),
    },
    components: { schemas: { Error: errorSchema, ReviewSummary: reviewSummary, Upload: upload } },
  };
}
