import { useState } from 'react';

/**
 * True from the first render at which `now` is true, and for good after. For a screen whose code
 * loads when it is first wanted (not with the first frame) and then stays mounted, so its closing
 * (focus going back, the dialog's own state) runs as it always has.
 */
export function useOnceTrue(now: boolean): boolean {
  const [seen, setSeen] = useState(now);
  // Setting state while rendering is React's way to derive it from a prop without an extra commit.
  if (now && !seen) setSeen(true);
  return seen || now;
}
