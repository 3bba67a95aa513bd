/**
 * The check types: one evaluator per type, each in its own module. A new check type is a module here,
 * one line in this table, its JSON Schema in schemas/rules.schema.json and its type in @nianbao/template.
 */
import type { Check } from '@nianbao/template';
import type { Evaluator } from '../raw.js';
import { characters } from './characters.js';
import { compare } from './compare.js';
import { deadline } from './deadline.js';
import { forbiddenText } from './forbiddenText.js';
import { mentions } from './mentions.js';
import { notNull } from './notNull.js';
import { pattern } from './pattern.js';
import { periodCoversYear } from './periodCoversYear.js';
import { punctuation } from './punctuation.js';
import { range } from './range.js';
import { statedCount } from './statedCount.js';
import { substantive } from './substantive.js';
import { unifiedSocialCreditCode } from './unifiedSocialCreditCode.js';

export const CHECKS: { [T in Check['type']]: Evaluator<Extract<Check, { type: T }>> } = {
  notNull,
  compare,
  range,
  pattern,
  unifiedSocialCreditCode,
  periodCoversYear,
  deadline,
  mentions,
  substantive,
  statedCount,
  forbiddenText,
  characters,
  punctuation,
};
