/**
 * zod, as every schema of cxray uses it: without its JIT. zod compiles a parser for each
 * object shape the first time it parses one; a cxray process parses a workbook or a bank
 * once, so compiling costs more than it saves (measured: `cxray score` on 50 journeys
 * spent about 30% less CPU without it; results are the same). The setting is read when a
 * schema is built, so every schema module imports z from here, never from 'zod' itself
 * (lint enforces it).
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
