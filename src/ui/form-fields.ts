/**
 * What a form (components/Form.tsx) is made of: its fields and their values. Types only,
 * in a module of their own so that the form and the helpers it uses
 * (form-customer-data.ts) share them without importing each other.
 */
import type { ChoiceOption } from './components/chip-lines.js';

export type { ChoiceOption };

export type FieldSpec =
  | { kind: 'text'; id: string; label: string; hint?: string }
  | { kind: 'choice'; id: string; label: string; options: readonly ChoiceOption[]; hint?: string }
  | { kind: 'multi'; id: string; label: string; options: readonly ChoiceOption[]; hint?: string; empty?: string };

export type FormValues = Record<string, string | string[]>;
