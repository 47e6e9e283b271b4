import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-core/contract/operations';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';

export type Journals = OutputOf<'journal.list'>['journals'];

const NONE: { journals: Journals; error: ApiError | null } = { journals: [], error: null };

/**
 * The journals the user may open (class × subject), asked only when they may read journals: the subjects and
 * grades they teach, the classes a plan can be laid onto. A librarian, who reads none, gets an empty list.
 */
export function useJournals(allowed: boolean): { journals: Journals; error: ApiError | null } {
  const api = useApi();
  const [answer, setAnswer] = useState(NONE);
  useEffect(() => {
    if (!allowed) return;
    let current = true;
    api.invoke('journal.list', {}).then(
      (out) => { if (current) setAnswer({ journals: out.journals, error: null }); },
      (err: unknown) => { if (current) setAnswer({ journals: [], error: err instanceof ApiError ? err : unreachable() }); },
    );
    return () => { current = false; };
  }, [api, allowed]);
  return allowed ? answer : NONE;
}
