import { useState } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import { useOperation } from '../api/ApiContext';

type DayOperation = 'timetable.teacherDay' | 'timetable.studentDay' | 'family.myChildren';

/**
 * A query about one school day. No date means "today" as the server counts it (the school's time zone); the
 * school's today is learnt from that first answer so that the navigator can mark it.
 */
export function useDayOperation<N extends DayOperation & OperationName>(name: N, dateOf: (out: OutputOf<N>) => string | null) {
  const [date, setDate] = useState<string | undefined>(undefined);
  const [today, setToday] = useState<string | null>(null);
  const op = useOperation(name, (date ? { date } : {}) as InputOf<N>);
  const shown = op.data ? dateOf(op.data) ?? date ?? null : null;
  if (date === undefined && !op.loading && shown && today !== shown) setToday(shown);
  return { ...op, shown, today, setDate };
}
