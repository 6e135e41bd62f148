/**
 * The sandbox's test cards: what a charge of a token made from each answers. Any other valid
 * number succeeds. Like a real provider's test mode, the outcome is chosen by the card number,
 * so a test (or a person trying the patient page) picks the case by typing the card.
 */
export type CardBehaviour =
  | { outcome: 'succeeded' }
  | { outcome: 'declined'; declineCode: string }
  /** The charge succeeds at the provider, but its answer comes only after `timeoutDelayMs`. */
  | { outcome: 'timeout' };

export const TEST_CARDS: Readonly<Record<string, CardBehaviour>> = {
  '4242424242424242': { outcome: 'succeeded' },
  '4000000000000002': { outcome: 'declined', declineCode: 'card_declined' },
  '4000000000009995': { outcome: 'declined', declineCode: 'insufficient_funds' },
  '4000000000000119': { outcome: 'timeout' },
};

export function cardBehaviour(cardNumber: string): CardBehaviour {
  return TEST_CARDS[cardNumber] ?? { outcome: 'succeeded' };
}

export function cardBrand(cardNumber: string): string {
  if (cardNumber.startsWith('4')) return 'visa';
  if (/^5[1-5]/.test(cardNumber)) return 'mastercard';
  if (/^3[47]/.test(cardNumber)) return 'amex';
  return 'card';
}
