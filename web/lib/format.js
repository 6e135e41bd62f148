/** Small formatting and input rules shared by the screens. */

/** Duration accepted by `extendBy` (same rule as api/schemas.ts durationText). */
export function isDuration(text) {
  return /^[1-9][0-9]{0,3}(ms|s|m|h|d)$/.test(text);
}

/** "3 min ago", "in 2 h": a rough distance from `now` for an ISO time. */
export function relativeTime(iso, now = Date.now()) {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  const [amount, unit] =
    abs < 60
      ? [abs, 's']
      : abs < 3600
        ? [Math.round(abs / 60), 'min']
        : abs < 86_400
          ? [Math.round(abs / 3600), 'h']
          : [Math.round(abs / 86_400), 'd'];
  return seconds >= 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`;
}

/** Money in cents as dollars. */
export function dollars(cents) {
  return typeof cents === 'number' ? `$${(cents / 100).toFixed(2)}` : '';
}
