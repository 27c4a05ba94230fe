/**
 * Zod compiles its object parsers with `new Function` where the page allows it, probing once to find out. The
 * renderer's CSP forbids eval (DESIGN §5), so the probe would only be a refused eval on every start: told up front,
 * zod never tries. Imported first by each renderer entry (the page and the core worker).
 */
import { z } from 'zod';

z.config({ jitless: true });
