// Check-digit code written for the tests from the standards' text, not imported from src/: the
// generators are judged by it, so it must not share their code.

/** ISO 7064 MOD 11-2 over 18 characters (GB 11643-1999 §5.2): Σ a_i·W_i ≡ 1 (mod 11), W_i = 2^(i-1) mod 11, i counted from the right, X = 10. */
export function mod112Valid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 1; i <= 18; i++) {
    const c = id[18 - i]!;
    sum += (c === 'X' ? 10 : Number(c)) * (2 ** (i - 1) % 11);
  }
  return sum % 11 === 1;
}
