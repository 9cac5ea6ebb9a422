import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this file in src/app and in dist/app alike. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GOVUK_DIST = path.join(ROOT, 'node_modules', 'govuk-frontend', 'dist');
/** Templates stay in src/ (tsc does not copy them); dist code reads them from there. */
export const VIEW_DIRS = [path.join(ROOT, 'src', 'views'), path.join(ROOT, 'src', 'app', 'web'), GOVUK_DIST];
export const PUBLIC_DIR = path.join(ROOT, 'src', 'app', 'public');
