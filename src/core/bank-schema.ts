/**
 * The question bank: the zod schema is the single source of truth for the TypeScript
 * types, the validator (src/bank/) and the published JSON Schema (`cxray schema bank`).
 * Pure: no I/O.
 */
import { z } from './zod.js';
import { SHORT_LABEL_WIDTH } from './dimension-short.js';
import { CHANNELS, DATA_CATEGORIES, SYSTEM_KINDS } from './vocabulary.js';

declare module 'zod' {
  interface GlobalMeta {
    /**
     * What a field holds, as the validator's messages say it after "add it" or "use"
     * (src/bank/validate/schema-issues.ts). Left out of the published JSON Schema.
     */
    hint?: string;
  }
}

/** The hint in a field's `.meta()` (inherited by copies made with `.describe()`), if any. */
export function hintOf(schema: z.ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.hint;
}

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens, starting with a letter or digit')
  .max(80)
  .meta({ hint: 'lowercase letters, digits and hyphens, e.g. ticket-notes' });

const semver = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'use a semantic version such as 1.0.0')
  .meta({ hint: 'a semantic version such as 1.0.0' });

export const FRAMEWORKS = ['GDPR', 'ISO27001', 'NIST-CSF', 'PCI-DSS', 'SOC2'] as const;

/** A framework control cited by a question: framework, control id and a short title. */
export const ReferenceSchema = z.strictObject({
  framework: z.enum(FRAMEWORKS),
  control: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
});

/** An action an option calls for, with the share of the answer's risk it removes. */
export const ActionShareSchema = z.strictObject({
  id,
  share: z
    .number()
    .gt(0)
    .max(1)
    .meta({ description: 'The share of the answer\'s risk this action removes: more than 0, at most 1, three decimals at most.', hint: 'a number more than 0 and at most 1, e.g. 0.75' }),
});

/** One entry of an option's `actions`: an action id (equal shares) or `{ id, share }`. */
export const OptionActionSchema = z.union([id, ActionShareSchema]);

/** One way a question can be answered, from well controlled (0) to fully exposed (4). */
export const OptionSchema = z.strictObject({
  id,
  label: z.string().min(1).max(300),
  level: z
    .number()
    .int()
    .min(0)
    .max(4)
    .meta({ description: 'Exposure: 0 well controlled, 1-3 in between, 4 fully exposed.', hint: 'a whole number from 0 (well controlled) to 4 (fully exposed)' }),
  actions: z
    .array(OptionActionSchema)
    .default([])
    .meta({
      description: 'The actions (under `actions`) this answer calls for: ids, which share the risk equally, or { id, share } objects whose shares sum to 1.',
      hint: 'a list of action ids, or of { id, share } objects whose shares sum to 1',
    }),
  formerly: z
    .array(id)
    .min(1)
    .optional()
    .meta({
      description: 'Ids this option had in earlier versions of the bank: answers given with them are moved onto this option.',
      hint: 'a list of option ids this option replaces',
    }),
});

/**
 * When a question applies to a journey. Every key given must match (AND); within a
 * key, any listed value matches (OR). No conditions: the question applies everywhere.
 */
export const ConditionsSchema = z.strictObject({
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  systemKinds: z.array(z.enum(SYSTEM_KINDS)).min(1).optional(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1).optional(),
});

/** journey: answered per journey (the default); organisation: answered once for the assessment. */
export const SCOPES = ['journey', 'organisation'] as const;

export const QuestionSchema = z.strictObject({
  id,
  scope: z.enum(SCOPES).optional().meta({
    description: 'organisation: answered once for the whole assessment, a journey may override it; journey (the default): answered per journey.',
    hint: 'journey or organisation',
  }),
  /** Asked in a short session; changes no figure. */
  core: z.boolean().optional().meta({ description: 'true: asked in a short (core) session. Changes no figure.', hint: 'true or false' }),
  dimension: id.meta({ description: 'The id of one of the bank\'s dimensions.', hint: "the id of one of the bank's dimensions" }),
  prompt: z.string().min(1).max(500),
  help: z.string().max(4000).optional(),
  weight: z.literal([1, 2, 3]).meta({ description: 'How much the question counts within its dimension: 1, 2 or 3.', hint: '1, 2 or 3' }),
  options: z.array(OptionSchema).min(2).max(8).meta({ hint: 'a list of 2 to 8 options, each with id, label and level' }),
  /** Action proposed when the answer is "We don't know". */
  discovery: id.optional().describe('The id of the action proposed when the answer is "we don\'t know".'),
  appliesTo: ConditionsSchema.optional(),
  references: z.array(ReferenceSchema).default([]),
  /** How many days an answer stays trustworthy before it counts as stale. */
  lifetimeDays: z.number().int().min(1).max(3650).optional().describe('Days an answer stays trustworthy before it counts as stale.'),
});

export const EFFORTS = ['S', 'M', 'L'] as const;

export const ActionSchema = z.strictObject({
  id,
  title: z.string().min(1).max(200),
  detail: z.string().min(1).max(4000),
  effort: z.enum(EFFORTS).meta({ hint: 'S, M or L' }),
  owner: z.string().min(1).max(80),
  /** Remediation actions that must be in place before this one. */
  requires: z.array(id).optional().meta({ description: 'Ids of remediation actions that must be in place before this one.', hint: 'a list of remediation action ids' }),
});

export const DimensionSchema = z.strictObject({
  id,
  title: z.string().min(1).max(80),
  short: z
    .string()
    .regex(/^\S(?:[^\n\r\t]*\S)?$/, 'use one line of text without leading or trailing spaces')
    .max(SHORT_LABEL_WIDTH)
    .optional()
    .meta({
      description: `A short label for narrow columns and compact tables, at most ${SHORT_LABEL_WIDTH} characters; derived from the title when absent.`,
      hint: `a label of at most ${SHORT_LABEL_WIDTH} characters, e.g. Retention`,
    }),
  description: z.string().min(1).max(400),
});

const scopeName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^\p{L}[\p{L}\p{M}\p{N}' -]*$/u, 'use a word or two, such as team or application')
  .meta({ hint: 'a word or two, such as team' });

/**
 * What the bank assesses, one and several: "journey"/"journeys" when absent. A bare name
 * takes its plural by the usual English rule (team -> teams, policy -> policies).
 */
export const ScopeNamesSchema = z
  .union([scopeName, z.strictObject({ singular: scopeName, plural: scopeName.optional() })])
  .meta({
    description: 'What the bank assesses, as the screens and the report name it: a name (team) or { singular, plural } (person, people). Default: journey.',
    hint: 'a name such as team, or { singular: person, plural: people }',
  });

/** The five exposure levels' names, level 0 (well controlled) first; shown wherever a level is. */
export const LevelNamesSchema = z
  .array(z.string().min(1).max(40).regex(/^[^\n\r\t]+$/, 'use one line of text'))
  .length(5)
  .meta({
    description: 'Names of the five exposure levels, level 0 (well controlled) first and level 4 (fully exposed) last, e.g. for a maturity model the highest maturity first.',
    hint: 'a list of five names, level 0 (least exposed) first',
  });

export const BankSchema = z.strictObject({
  id,
  title: z.string().min(1).max(120).meta({ description: "The bank's title: the report's title comes from it." }),
  scope: ScopeNamesSchema.optional(),
  levels: LevelNamesSchema.optional(),
  version: semver,
  description: z.string().min(1).max(2000),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a language tag such as en or en-GB')
    .meta({ hint: 'a language tag such as en' }),
  dimensions: z.array(DimensionSchema).min(1).meta({ hint: 'a list of dimensions, each with id, title and description' }),
  questions: z.array(QuestionSchema).min(1).meta({ hint: 'a list of questions, each with id, dimension, prompt, weight and options' }),
  actions: z.array(ActionSchema).default([]),
});

export type Reference = z.infer<typeof ReferenceSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type OptionAction = z.infer<typeof OptionActionSchema>;
export type Scope = (typeof SCOPES)[number];
export type Conditions = z.infer<typeof ConditionsSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Dimension = z.infer<typeof DimensionSchema>;
export type Bank = z.infer<typeof BankSchema>;
export type Effort = (typeof EFFORTS)[number];
export type ScopeNamesInput = z.infer<typeof ScopeNamesSchema>;
