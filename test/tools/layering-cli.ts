/** `npm run layering`: prints every import that breaks the layering rules and exits 1 if there is any. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayering, formatViolation } from './layering';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const violations = checkLayering(root);
for (const violation of violations) console.error(formatViolation(violation));
console.log(violations.length === 0 ? 'layering: every import follows DESIGN.md §6' : `layering: ${violations.length} forbidden import(s)`);
process.exitCode = violations.length === 0 ? 0 : 1;
