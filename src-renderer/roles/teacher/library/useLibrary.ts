import { useEffect, useState } from 'react';
import type { Resource } from '../../../../src-core/contract/ops/resources';
import { useOperation } from '../../../api/ApiContext';
import { listInput, type LibraryFilter } from './model';

/** A value that follows `value` once it has stayed the same for `ms` (words typed into a search field). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const NO_RESOURCES: Resource[] = [];

/** The library's resources for the filters; the search words are sent once the typing pauses. */
export function useLibrary(filter: LibraryFilter) {
  const text = useSettled(filter.text, 300);
  const list = useOperation('resources.list', listInput({ ...filter, text }));
  return { ...list, resources: list.data?.resources ?? NO_RESOURCES, settled: text === filter.text };
}
