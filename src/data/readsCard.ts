import type { ImageRules } from './types.ts';

/** Whether an API reads a card of this name (its `card`, or one of `alsoReads`). */
export function readsCard(rules: ImageRules, card: string): boolean {
  return card === rules.card || (rules.alsoReads?.includes(card as NonNullable<ImageRules['card']>) ?? false);
}
