import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorPage } from './pages/error-page.js';
import { HomePage } from './pages/home-page.js';
import { follow, goesToNewPage, isFocused, tabTo } from './pages/navigation.js';
import { PublicationPage } from './pages/publication-page.js';
import { ReviewsListPage } from './pages/reviews-list-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { UploadPage } from './pages/upload-page.js';
import { UploadStatusPage } from './pages/upload-status-page.js';
import { expectNoAxeViolations } from './support/axe.js';
import { launchBrowser, newPage } from './support/browser.js';
import { startTestServer } from './support/server.js';
import type { TestServer } from './support/server.js';

const SETUP_TIMEOUT_MS = 180_000;
/** A journey visits up to six pages, each checked with axe (several seconds on a busy two-core machine). */
const JOURNEY_TIMEOUT_MS = 120_000;

/** The demo corpus: the fictional reviews demo/manifest.json lists, 20 to a page. */
const DEMO = JSON.parse(fs.readFileSync(new URL('../demo/manifest.json', import.meta.url), 'utf8')) as Array<{
  type: string;
}>;
const DEMO_REVIEWS = DEMO.length;
const DEMO_SARS = DEMO.filter((r) => r.type === 'sar').length;

/**
 * A small review in Markdown, fictional like the demo corpus, with what the importer looks for: a
 * title naming the type of review, a publishing body and date, numbered paragraphs and a numbered
 * list under "Recommendations".
 */
function fictionalReview(subject: string): string {
  return [
    `# Safeguarding Adults Review: ${subject}`,
    '',
    'Published by the Cornwall Safeguarding Adults Board, May 2023',
    '',
    `FICTIONAL TEST DOCUMENT. ${subject} and everything in this review were invented for a browser test.`,
    '',
    '## 1. Introduction',
    '',
    `1.1 This review looks at the support given to ${subject}, a man of seventy who lived alone in a rural village.`,
    '',
    '1.2 Agencies shared chronologies and met at a learning event in early 2023.',
    '',
    '## 2. Findings',
    '',
    '2.1 Information about his falls was not shared between the GP practice and adult social care.',
    '',
    '2.2 Nobody held the whole picture of his self-neglect, so each concern was treated as new.',
    '',
    '## 3. Recommendations',
    '',
    '1. The Board should agree how information about falls is shared between primary care and adult social care.',
    '2. Adult social care should review how concerns about self-neglect are escalated.',
    '3. The Board should seek assurance within twelve months that these changes have been made.',
    '',
  ].join('\n');
}

describe.each([true, false])('browser journeys (JavaScript enabled: %s)', (javaScriptEnabled) => {
  const js = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';
  let server: TestServer;
  let browser: Browser;
  let workDir: string;
  let journeyFile: string;
  let keyboardFile: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser({ javaScriptEnabled })]);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slh-e2e-'));
    journeyFile = path.join(workDir, 'mr-test-journey.md');
    fs.writeFileSync(journeyFile, fictionalReview('Mr Test Journey'));
    // A different review (not the same bytes or text), so the library adds it rather than skipping it.
    keyboardFile = path.join(workDir, 'mr-keyboard-only.md');
    fs.writeFileSync(keyboardFile, fictionalReview('Mr Keyboard Only'));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  }, SETUP_TIMEOUT_MS);

  /** A fresh context per journey, so no cookie or history leaks from one to the next. */
  async function journey(run: (page: Page) => Promise<void>): Promise<void> {
    const page = await newPage(browser, { javaScriptEnabled });
    try {
      await run(page);
    } finally {
      await page.context().close();
    }
  }

  const axe = (page: Page, journeyName: string, pageName: string) =>
    expectNoAxeViolations(page, `${journeyName}: ${pageName} (${js})`);

  /** Uploading is for partnership editors: sign in as the test server's editor first. */
  async function signInAsEditor(page: Page): Promise<void> {
    const signIn = new SignInPage(page, server.baseUrl);
    await signIn.goto();
    await signIn.signIn(server.editor.email, server.editor.password);
    expect(new URL(page.url()).pathname).toBe('/account');
  }

  it(
    'signs in (after a wrong password), sees the account page and the upload link, and signs out',
    async () => {
      await journey(async (page) => {
        const name = 'sign in and out';
        const signIn = new SignInPage(page, server.baseUrl);
        await signIn.goto('/upload');
        await axe(page, name, 'sign-in page');
        await signIn.signIn(server.editor.email, 'not the password at all');
        expect(await signIn.errorSummaryLinks()).toEqual(['Enter a correct email address and password']);
        expect(await page.title()).toMatch(/^Error: /);
        await axe(page, name, 'sign-in page with errors');
        await signIn.signIn(server.editor.email, server.editor.password);
        // Back where the person was going.
        expect(new URL(page.url()).pathname).toBe('/upload');
        expect(
          await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Upload' }).count(),
        ).toBe(1);
        await follow(page, page.getByRole('link', { name: 'Your account' }));
        expect(await page.getByRole('main').innerText()).toContain('Partnership editor');
        await axe(page, name, 'account page');
        await follow(page, page.getByRole('button', { name: 'Sign out', exact: true }));
        expect(new URL(page.url()).pathname).toBe('/');
        expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
        await page.goto(`${server.baseUrl}/upload`);
        expect(new URL(page.url()).pathname).toBe('/sign-in');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'reads a 7-minute briefing on a theme at each tier, follows a point to its source, and an editor keeps, edits and publishes one',
    async () => {
      await journey(async (page) => {
        const name = 'briefing';
        expect((await page.goto(`${server.baseUrl}/themes/domestic-abuse`))?.status()).toBe(200);
        await follow(page, page.getByRole('link', { name: '7-minute briefing on this theme' }));
        expect(new URL(page.url()).pathname).toBe('/themes/domestic-abuse/briefing');
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
          '7-minute briefing: Domestic abuse and coercive control',
        );
        for (const part of ['Background', 'What the reviews found', 'What to do', 'Questions for reflection'])
          await expect(page.getByRole('heading', { name: part, exact: true }).count()).resolves.toBe(1);
        // Domestic abuse findings name MARAC, DASH, IDVA and the like: written out, and marked up.
        await expect(page.locator('abbr[title]').count()).resolves.toBeGreaterThan(0);
        await axe(page, name, 'theme briefing, universal');

        await follow(page, page.getByRole('link', { name: 'Specialist and leadership' }));
        await expect(page.getByRole('heading', { name: 'For strategic leads' }).count()).resolves.toBe(1);
        await page.getByLabel('Targeted at a discipline').selectOption('police');
        await follow(page, page.getByRole('button', { name: 'Show for this discipline' }));
        expect(new URL(page.url()).searchParams.get('discipline')).toBe('police');
        await expect(page.getByText('Targeted: Police').count()).resolves.toBeGreaterThan(0);
        await axe(page, name, 'theme briefing, targeted at police');

        // A point's source is the paragraph of the review it came from.
        const source = page.locator('.slh-cite a[href*="#passage-"]').first();
        const anchor = new URL((await source.getAttribute('href'))!, server.baseUrl).hash;
        await follow(page, source);
        await expect(page.locator(anchor).count()).resolves.toBe(1);
        await follow(page, page.getByRole('link', { name: '7-minute briefing on this review' }));
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^7-minute briefing: /);

        await signInAsEditor(page);
        expect((await page.goto(`${server.baseUrl}/themes/neglect/briefing`))?.status()).toBe(200);
        await follow(page, page.getByRole('button', { name: 'Keep and edit this briefing' }));
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Edit the briefing');
        await axe(page, name, 'edit form');
        await page.getByLabel('Title').fill('Neglect: what our reviews keep finding');
        await page.getByLabel('What you changed').fill('A plainer title');
        await follow(page, page.getByRole('button', { name: 'Save as version 2' }));
        await expect(page.getByText('Your changes are saved as a new version.').count()).resolves.toBe(1);
        await follow(page, page.getByRole('button', { name: 'Publish version 2' }));
        await expect(page.getByText('Published', { exact: true }).count()).resolves.toBe(1);
        await axe(page, name, 'published briefing');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'follows a key theme from the themes page to its figures, then to a review and the evidence for it',
    async () => {
      await journey(async (page) => {
        const name = 'follow a theme';
        expect((await page.goto(`${server.baseUrl}/themes`))?.status()).toBe(200);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Key themes');
        await axe(page, name, 'themes page');

        await follow(page, page.getByRole('link', { name: 'Emerging themes and terms' }));
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Emerging themes and terms');
        await axe(page, name, 'emerging themes page');
        await page.goBack();

        await follow(
          page,
          page.getByRole('link', { name: 'Domestic abuse and coercive control', exact: true }).first(),
        );
        expect(new URL(page.url()).pathname).toBe('/themes/domestic-abuse');
        await expect(page.getByRole('img', { name: /Share of reviews coded/ }).count()).resolves.toBe(1);
        await expect(
          page.getByRole('table', { name: 'Reviews by year of publication' }).count(),
        ).resolves.toBe(1);
        await axe(page, name, 'theme page');

        const firstReview = page.locator('a[href$="#themes"]').first();
        const title = await firstReview.innerText();
        await follow(page, firstReview);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
        await expect(page.getByRole('heading', { name: 'Key themes' }).isVisible()).resolves.toBe(true);
        await expect(
          page.locator('#themes').getByText('Domestic abuse and coercive control').count(),
        ).resolves.toBeGreaterThan(0);
        await axe(page, name, 'review page with themes');

        // From the review's readability to the same figures across the library.
        await follow(
          page,
          page.getByRole('link', { name: 'Readability and language of reviews across the library' }),
        );
        expect(new URL(page.url()).pathname).toBe('/language');
        await expect(page.getByRole('img', { name: /Median Flesch reading ease/ }).count()).resolves.toBe(2);
        await expect(
          page.getByRole('table', { name: 'Medians by year of publication' }).count(),
        ).resolves.toBe(1);
        await axe(page, name, 'readability and language page');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'searches the text of every review from the home page, refines by a facet, lists the paragraphs and opens a review',
    async () => {
      await journey(async (page) => {
        const name = 'search the reviews';
        const home = new HomePage(page, server.baseUrl);
        expect((await home.goto())?.status()).toBe(200);
        await axe(page, name, 'home page');

        const search = await home.search('sextortion');
        expect(new URL(page.url()).pathname).toBe('/search');
        expect(search.searchParams().get('q')).toBe('sextortion');
        expect(await search.countText()).toMatch(/^\d+ reviews? found for “sextortion”$/);
        const titles = await search.resultTitles();
        expect(titles[0]).toContain('Toby');
        expect(await search.highlighted()).toContain('sextortion');
        await axe(page, name, 'search results');

        await search.tick('Type of review', 'Child safeguarding practice review');
        await search.apply();
        expect(search.searchParams().getAll('type')).toEqual(['cspr']);
        expect(search.searchParams().get('q')).toBe('sextortion');
        const narrowed = await search.resultTitles();
        expect(narrowed.length).toBeGreaterThan(0);
        expect(narrowed.length).toBeLessThanOrEqual(titles.length);
        await axe(page, name, 'refined by type');

        await search.chooseView('Every matching paragraph');
        await search.apply();
        expect(search.searchParams().get('view')).toBe('passages');
        expect(await search.countText()).toMatch(/paragraphs? found/);
        await axe(page, name, 'every matching paragraph');

        const review = await search.openResult(narrowed[0] ?? '');
        expect(new URL(page.url()).pathname).toMatch(/^\/reviews\/[a-z0-9]+$/);
        expect(await review.title()).toBe(narrowed[0]);
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'filters the list by type and region, keeps the filters in the URL, and removes one',
    async () => {
      await journey(async (page) => {
        const name = 'filter the list';
        const list = new ReviewsListPage(page, server.baseUrl);
        await list.goto();
        expect(await list.countText()).toBe(`Showing 1 to 20 of ${DEMO_REVIEWS} reviews`);
        await axe(page, name, 'all reviews');

        // The demo corpus has several safeguarding adults reviews, one of them in London ("Anthony").
        await list.tick('Type of review', 'Safeguarding adults review');
        await list.tick('English region', 'London');
        await list.applyFilters();
        expect(await list.countText()).toBe('1 review');
        expect(await list.resultTitles()).toEqual(['Safeguarding Adults Review: "Anthony"']);
        for (const details of await list.resultDetails())
          expect(details).toMatch(/^Safeguarding adults review\n/);
        expect(list.searchParams().getAll('type')).toEqual(['sar']);
        expect(list.searchParams().getAll('region')).toEqual(['London']);
        await axe(page, name, 'filtered by type and region');

        await list.removeFilter('Region: London');
        expect(await list.countText()).toBe(`Showing 1 to ${DEMO_SARS} of ${DEMO_SARS} reviews`);
        const details = await list.resultDetails();
        expect(details).toHaveLength(DEMO_SARS);
        for (const d of details) expect(d).toMatch(/^Safeguarding adults review\n/);
        expect(list.searchParams().getAll('type')).toEqual(['sar']);
        expect(list.searchParams().has('region')).toBe(false);
        expect(await list.removeFilterLink('Region: London').count()).toBe(0);
        await axe(page, name, 'filtered by type');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'pages through the unfiltered list with the pagination "Next" link',
    async () => {
      await journey(async (page) => {
        const name = 'page through the list';
        const list = new ReviewsListPage(page, server.baseUrl);
        await list.goto();
        expect(await list.countText()).toBe(`Showing 1 to 20 of ${DEMO_REVIEWS} reviews`);
        const firstPage = await list.resultLinks();
        expect(firstPage).toHaveLength(20);

        await list.nextPage();
        expect(list.searchParams().get('page')).toBe('2');
        expect(await list.countText()).toBe(`Showing 21 to 40 of ${DEMO_REVIEWS} reviews`);
        // Two demo reviews share a title ("Serious Case Review: Child F"), so compare where results lead.
        const secondPage = await list.resultLinks();
        expect(secondPage).toHaveLength(20);
        expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
        await axe(page, name, 'second page');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'reads a review and jumps to its recommendations from the contents',
    async () => {
      await journey(async (page) => {
        const name = 'read a review';
        const list = new ReviewsListPage(page, server.baseUrl);
        await list.goto('q=Rosie');
        const review = await list.openReview('Safeguarding Adults Review: Rosie');
        expect(await review.title()).toBe('Safeguarding Adults Review: Rosie');
        await axe(page, name, 'review page');

        // Numbered paragraphs keep the report's numbers, as anchors and as text.
        const paragraph = review.paragraph('1.1');
        expect(await paragraph.count()).toBe(1);
        expect(await paragraph.innerText()).toMatch(/^1\.1\s/);

        expect(await review.recommendationsLink.innerText()).toMatch(/^Recommendations \(\d+\)$/);
        await review.jumpToRecommendations();
        expect(review.hash()).toBe('#recommendations');
        const first = review.firstRecommendation();
        expect(await first.isVisible()).toBe(true);
        expect(await review.isInViewport(first)).toBe(true);
        await axe(page, name, 'review page at its recommendations');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'shows the recommendations of a report with a numbered list under their own numbers',
    async () => {
      await journey(async (page) => {
        // Reuben's report (demo/reviews/A09.md) numbers its eight recommendations 1. to 8.; a reader
        // quoting "recommendation 3" must be able to find it on the page.
        const list = new ReviewsListPage(page, server.baseUrl);
        await list.goto('q=Reuben');
        const review = await list.openReview('Local Child Safeguarding Practice Review: Reuben');
        expect(await review.recommendationsLink.innerText()).toBe('Recommendations (8)');
        await review.jumpToRecommendations();
        // An ordered list keeps the report's numbers as list numbers, which screen readers announce.
        const first = review.recommendations.locator('ol > li').first();
        expect(await first.getAttribute('value')).toBe('1');
        expect(await first.innerText()).toMatch(/^The Partnership should agree/);
        expect(await review.recommendations.locator('ol > li').count()).toBe(8);
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'uploads a review file, reads it, and finds it in the list',
    async () => {
      await journey(async (page) => {
        const name = 'upload a file';
        await signInAsEditor(page);
        const upload = new UploadPage(page, server.baseUrl);
        expect((await upload.goto())?.status()).toBe(200);
        await axe(page, name, 'upload form');

        const status = await upload.upload(journeyFile);
        expect(new URL(page.url()).pathname).toMatch(/^\/uploads\/[a-z0-9]{10}$/);
        expect(await status.headingText()).toBe('Review added as a draft');
        expect(await page.getByRole('main').innerText()).toContain('mr-test-journey.md');
        expect(await status.readReviewLink.innerText()).toBe(
          'Read Safeguarding Adults Review: Mr Test Journey',
        );
        // The coder's suggestions show at once: the falls "not shared" between the GP and social care.
        expect(await page.locator('#suggested-themes li').allInnerTexts()).toContain('Information sharing');
        await axe(page, name, 'status page');

        const review = await status.readReview();
        expect(await review.title()).toBe('Safeguarding Adults Review: Mr Test Journey');
        expect(await review.detail('Published by')).toBe('Cornwall Safeguarding Adults Board');
        expect(await review.detail('Type')).toBe('Safeguarding adults review');
        expect(await review.recommendationsLink.innerText()).toBe('Recommendations (3)');
        expect(await review.paragraph('2.1').innerText()).toMatch(/^2\.1\s+Information about his falls/);
        await axe(page, name, 'review page');

        const list = new ReviewsListPage(page, server.baseUrl);
        await list.goto('q=Test%20Journey');
        expect(await list.countText()).toBe('1 review');
        expect(await list.resultTitles()).toEqual(['Safeguarding Adults Review: Mr Test Journey']);
        await axe(page, name, 'search results');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'checks a draft for personal details, removes them and publishes the redacted copy',
    async () => {
      await journey(async (page) => {
        const name = 'check and publish';
        await signInAsEditor(page);
        const upload = new UploadPage(page, server.baseUrl);
        await upload.goto();
        // An author forgot to take out the man's name and his postcode.
        const text = fictionalReview('Mr Draft Check').replace(
          'a man of seventy who lived alone',
          'a man of seventy, Desmond Farraday, who lived alone at TR1 2XY',
        );
        const status = await upload.upload({
          name: 'draft-check.md',
          mimeType: 'text/markdown',
          buffer: Buffer.from(text),
        });
        expect(await status.headingText()).toBe('Review added as a draft');
        await follow(page, page.getByRole('link', { name: 'Check it for personal details and publish it' }));
        const publication = new PublicationPage(page);
        expect(await publication.heading.innerText()).toBe('Check and publish');
        await publication.runCheck();
        const titles = await publication.findingTitles();
        expect(titles).toEqual(expect.arrayContaining(['Name: “Desmond Farraday”', 'Postcode: “TR1 2XY”']));
        await axe(page, name, 'publication page with findings');
        expect(await publication.publishButton.count()).toBe(0);
        expect(await publication.removeAll()).toBe(titles.length);
        await publication.publish();
        expect(new URL(page.url()).pathname).toMatch(/^\/reviews\/[a-z0-9]{10}$/);
        const body = await page.getByRole('main').innerText();
        expect(body).toContain('[name removed]');
        expect(body).not.toContain('Farraday');
        expect(body).not.toContain('TR1 2XY');
        await axe(page, name, 'published review');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'shows the error summary when the form is sent with no file',
    async () => {
      await journey(async (page) => {
        const name = 'upload with no file';
        await signInAsEditor(page);
        const upload = new UploadPage(page, server.baseUrl);
        await upload.goto();
        await upload.submit();
        expect(new URL(page.url()).pathname).toBe('/upload');
        expect(await page.title()).toMatch(/^Error: /);
        expect(await upload.errorSummary.isVisible()).toBe(true);
        expect(await upload.errorSummaryLinks()).toEqual(['Select a review file to upload']);
        if (javaScriptEnabled) {
          // GOV.UK Frontend moves focus to the summary so that it is read out first.
          expect(await upload.isErrorSummaryFocused()).toBe(true);
        }
        expect(await upload.fileInputDescription()).toContain('Error: Select a review file to upload');
        await axe(page, name, 'upload form with errors');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'refuses an empty .pdf on the form with the error summary',
    async () => {
      await journey(async (page) => {
        const name = 'upload an empty file';
        await signInAsEditor(page);
        const upload = new UploadPage(page, server.baseUrl);
        await upload.goto();
        await upload.chooseFile({ name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
        await upload.submit();
        expect(new URL(page.url()).pathname).toBe('/upload');
        expect(await upload.errorSummaryLinks()).toEqual(['The selected file is empty']);
        expect(await upload.fileInputDescription()).toContain('Error: The selected file is empty');
        await axe(page, name, 'upload form with errors');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'says why a .pdf that is really text could not be added',
    async () => {
      await journey(async (page) => {
        const name = 'upload a text file named .pdf';
        await signInAsEditor(page);
        const upload = new UploadPage(page, server.baseUrl);
        await upload.goto();
        const status = await upload.upload({
          name: 'not-really.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('FICTIONAL TEST DOCUMENT\nThis is plain text with a .pdf name.\n'),
        });
        expect(new URL(page.url()).pathname).toMatch(/^\/uploads\/[a-z0-9]{10}$/);
        expect(await status.headingText()).toBe('Your file could not be added');
        const problem = await status.problemText();
        expect(problem).toContain('not-really.pdf');
        expect(problem).toMatch(/not a PDF/);
        await axe(page, name, 'status page');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'uploads with the keyboard only: Tab to the file input and the button, Enter to send',
    async () => {
      await journey(async (page) => {
        const name = 'upload with the keyboard';
        await signInAsEditor(page);
        const upload = new UploadPage(page, server.baseUrl);
        await upload.goto();
        await axe(page, name, 'upload form');

        await tabTo(page, upload.fileInput);
        // A test cannot work a browser's native file picker (it is outside the page), so the file is
        // handed to the focused input as the picker would; everything else is keys only.
        await upload.chooseFile(keyboardFile);
        expect(await isFocused(page, upload.fileInput)).toBe(true);

        await tabTo(page, upload.uploadButton);
        const status = new UploadStatusPage(page, server.baseUrl);
        await goesToNewPage(page, () => page.keyboard.press('Enter'));
        expect(await status.waitForResult()).toBe('Review added as a draft');
        expect(await status.readReviewLink.innerText()).toBe(
          'Read Safeguarding Adults Review: Mr Keyboard Only',
        );
        await axe(page, name, 'status page');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'answers an unknown review with "Page not found" and status 404',
    async () => {
      await journey(async (page) => {
        const notFound = new ErrorPage(page, server.baseUrl);
        expect((await notFound.goto('/reviews/doesnotexist'))?.status()).toBe(404);
        expect(await notFound.headingText()).toBe('Page not found');
        await axe(page, 'unknown review', 'page not found');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );
});
