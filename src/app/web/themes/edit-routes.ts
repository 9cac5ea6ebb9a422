import { hostname } from 'node:os';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../services/index.js';
import { AppError, NotFoundError } from '../../../shared/errors.js';
import { authorise } from '../../shared/authorise.js';

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const formSchema = z.object({
  slug: z.string().max(80).default(''),
  label: z.string().max(200).default(''),
  definition: z.string().max(2000).default(''),
  group: z.string().max(20).default(''),
  applies: list,
  remove: list,
  match: z.enum(['any', 'all', 'exact', 'regex']).default('exact'),
  indicator: z.string().max(500).default(''),
  strength: z.enum(['strong', 'weak']).default('strong'),
});
type ThemeForm = z.infer<typeof formSchema>;

/** Which field a message from the taxonomy's checks is about. */
function fieldOf(message: string): string {
  for (const [field, cue] of [
    ['slug', /slug|exists already/i],
    ['indicator', /indicator|pattern|regular expression|regex/i],
    ['definition', /definition/i],
    ['label', /label/i],
    ['applies', /applies/i],
    ['group', /group/i],
  ] as const)
    if (cue.test(message)) return field;
  return 'label';
}

/** Analysts edit the taxonomy on the web: every save is a new version; re-coding runs as a job. */
export function themeEditPages(app: FastifyInstance, services: Services): void {
  const { themes } = services;

  const page = async (
    reply: FastifyReply,
    slug: string | null,
    values: Record<string, unknown>,
    extra: { errors?: Record<string, string>; notice?: string } = {},
    status = 200,
  ) => {
    const theme = slug ? (await themes.themes()).find((t) => t.slug === slug) : undefined;
    if (slug && !theme) throw new NotFoundError();
    const errors = extra.errors ?? {};
    const progress = await themes.recodeProgress();
    return reply.page(
      'themes/edit-theme.njk',
      {
        pageTitle: slug ? `Edit ${theme?.label ?? slug}` : 'Add a theme',
        slug,
        values,
        indicators: (theme?.indicators ?? []).map((i) => ({
          value: i.text,
          text: `${i.text} (${i.match}, ${i.strength})`,
        })),
        history: slug ? await themes.history(slug) : [],
        progress: progress.total > progress.done ? progress : null,
        errors,
        errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
        notice: extra.notice,
        csrfToken: reply.csrfToken(),
      },
      status,
    );
  };

  const save = async (request: FastifyRequest, reply: FastifyReply, slug: string | null) => {
    const person = authorise(request, 'codeThemes');
    const parsed = formSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw new AppError('invalid_request', 'The form could not be read', 400);
    const f: ThemeForm = parsed.data;
    const target = slug ?? f.slug.trim();
    const input = {
      slug: target,
      ...(f.label.trim() ? { label: f.label.trim() } : {}),
      ...(f.definition.trim() ? { definition: f.definition.trim() } : {}),
      ...(f.group === 'harm' || f.group === 'protection' ? { group: f.group } : {}),
      ...(f.applies.length ? { applies: f.applies } : {}),
      ...(f.indicator.trim()
        ? { addIndicators: [{ match: f.match, text: f.indicator.trim(), strength: f.strength }] }
        : {}),
      ...(f.remove.length ? { removeIndicators: f.remove } : {}),
    };
    try {
      const saved = await themes.saveTheme(input, person.email, slug ? 'edit' : 'add');
      await services.audit.record(request.principal, {
        action: 'theme.change',
        target: { type: 'theme', id: saved.slug },
        detail: { version: saved.version, mode: slug ? 'edit' : 'add' },
        from: request.ip,
      });
      return reply.redirect(`/themes/${saved.slug}/edit?saved=${saved.version}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 404) throw err;
      return page(
        reply,
        slug,
        { ...f, slug: target },
        { errors: { [fieldOf(err.message)]: err.message } },
        400,
      );
    }
  };

  const current = async (slug: string) => {
    const theme = (await themes.themes()).find((t) => t.slug === slug);
    if (!theme) throw new NotFoundError();
    return {
      slug,
      label: theme.label,
      definition: theme.definition,
      group: theme.group,
      applies: theme.applies,
    };
  };

  app.get('/themes/new', async (request, reply) => {
    authorise(request, 'codeThemes');
    return page(reply, null, { group: 'harm', applies: ['child', 'adult', 'domestic'] });
  });
  app.post('/themes/new', async (request, reply) => save(request, reply, null));

  app.get('/themes/:slug/edit', async (request, reply) => {
    authorise(request, 'codeThemes');
    const slug = (request.params as { slug: string }).slug;
    if (!/^[a-z0-9-]{1,60}$/.test(slug)) throw new NotFoundError();
    const saved = (request.query as { saved?: string }).saved;
    return page(reply, slug, await current(slug), {
      ...(saved && /^\d+$/.test(saved)
        ? {
            notice: `Saved as version ${saved}. Re-code the library for the change to reach reviews already coded.`,
          }
        : {}),
    });
  });
  app.post('/themes/:slug/edit', async (request, reply) => {
    const slug = (request.params as { slug: string }).slug;
    if (!/^[a-z0-9-]{1,60}$/.test(slug)) throw new NotFoundError();
    return save(request, reply, slug);
  });

  app.post('/themes/recode', async (request, reply) => {
    authorise(request, 'codeThemes');
    const slug = String((request.body as { slug?: unknown } | undefined)?.slug ?? '');
    const job = await themes.startRecode();
    await services.audit.record(request.principal, {
      action: 'theme.recode',
      detail: { reviews: job.reviews },
      from: request.ip,
    });
    // The queue is shared: this process works through it in the background, and `slh themes recode
    // --join` on other machines can help.
    void themes
      .workRecode(`web-${hostname()}-${process.pid}`)
      .catch((err: unknown) => request.log.error({ err }, 're-coding failed'));
    return reply.redirect(/^[a-z0-9-]{1,60}$/.test(slug) ? `/themes/${slug}/edit` : '/themes', 303);
  });
}
