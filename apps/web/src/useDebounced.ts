import { useEffect, useState } from 'react';

/** `value`, but only after it has stopped changing for `ms` (e.g. a live count while ticking filters). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
