import { useEffect, useState } from 'react';
import { useApi } from '../../../api/ApiContext';
import type { SchoolSubjects } from './model';

type Answer = { subjects: SchoolSubjects | null; failed: boolean };

const WAITING: Answer = { subjects: null, failed: false };
const NOT_ASKED: Answer = { subjects: null, failed: true };

/**
 * The school's subjects (school.subjects), asked when the user may read the school's structure: what a resource
 * may be tagged with, whether or not the user reads journals (a librarian reads none). `subjects` is null until
 * they come; `failed` says they will not (the call failed, or the user may not ask), and the caller offers what it
 * knows otherwise.
 */
export function useSchoolSubjects(allowed: boolean): Answer {
  const api = useApi();
  const [answer, setAnswer] = useState(WAITING);
  useEffect(() => {
    if (!allowed) return;
    let current = true;
    api.invoke('school.subjects', {}).then(
      (out) => { if (current) setAnswer({ subjects: out.subjects, failed: false }); },
      () => { if (current) setAnswer({ subjects: null, failed: true }); },
    );
    return () => { current = false; };
  }, [api, allowed]);
  return allowed ? answer : NOT_ASKED;
}
