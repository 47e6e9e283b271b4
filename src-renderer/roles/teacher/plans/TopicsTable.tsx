import { useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';
import { hoursText, parseHours, planTotals, startsSection, type PlanTopic } from './model';

interface Props {
  planId: string;
  topics: readonly PlanTopic[];
  /** The caller wrote the plan: a cell opens for editing on a click, Enter or leaving it saves, Escape cancels. */
  editable: boolean;
  onSaved: (topic: PlanTopic) => void;
}

type Field = 'section' | 'title' | 'hours';
/** The cell open for editing; `token` tells this opening from a later one (Enter, then the blur that follows). */
interface Editing { position: number; field: Field; text: string; token: number }
type RowNote = { error: { key: string; params: Record<string, string | number> } } | { saved: Field };

/** The plan's topics in order: section, topic, hours, СОР/СОЧ; totals at the foot. */
export function TopicsTable({ planId, topics, editable, onSaved }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [notes, setNotes] = useState<Record<number, RowNote>>({});
  const opened = useRef(0);
  const totals = planTotals(topics);

  const start = (topic: PlanTopic, field: Field) => {
    if (!editable || busy !== null) return;
    const text = field === 'hours' ? hoursText(topic.hours, locale) : field === 'section' ? topic.section ?? '' : topic.title;
    opened.current += 1;
    setEditing({ position: topic.position, field, text, token: opened.current });
  };
  const cancel = () => {
    opened.current += 1;
    setEditing(null);
  };

  const commit = async () => {
    if (!editing || editing.token !== opened.current) return;
    opened.current += 1;
    const topic = topics.find((x) => x.position === editing.position);
    setEditing(null);
    if (!topic) return;
    const note = (n: RowNote | undefined) => setNotes((all) => {
      const next = { ...all };
      if (n) next[topic.position] = n; else delete next[topic.position];
      return next;
    });
    const input: { planId: string; position: number; title?: string; hours?: number; section?: string | null } = { planId, position: topic.position };
    const text = editing.text.trim();
    if (editing.field === 'title') {
      if (!text) { note({ error: { key: 'plans.screen.topicRequired', params: {} } }); return; }
      if (text === topic.title) return;
      input.title = text.slice(0, 500);
    } else if (editing.field === 'hours') {
      const hours = parseHours(text);
      if (hours === null) { note({ error: { key: 'plans.screen.hoursInvalid', params: { value: text } } }); return; }
      if (hours === topic.hours) return;
      input.hours = hours;
    } else {
      const section = text ? text.slice(0, 300) : null;
      if (section === topic.section) return;
      input.section = section;
    }
    setBusy(topic.position);
    try {
      const saved = await api.invoke('plans.setTopic', input);
      onSaved({ id: saved.id, position: saved.position, section: saved.section, title: saved.title, hours: saved.hours, sor: saved.sor, soch: saved.soch });
      note({ saved: editing.field });
    } catch (err) {
      const e = err instanceof ApiError ? err : unreachable();
      note({ error: { key: e.messageKey, params: e.params } });
    } finally {
      setBusy(null);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') { e.preventDefault(); void commit(); }
    if (e.key === 'Escape') { e.preventDefault(); cancel(); }
  };

  const cell = (topic: PlanTopic, field: Field, shown: string, label: string) => {
    if (editing && editing.position === topic.position && editing.field === field) {
      return (
        <input className={`plans-cell-input ${field}`} autoFocus aria-label={label} value={editing.text} inputMode={field === 'hours' ? 'decimal' : undefined}
          maxLength={field === 'title' ? 500 : field === 'section' ? 300 : 5}
          onChange={(e) => setEditing({ ...editing, text: e.target.value })} onKeyDown={onKey} onBlur={() => void commit()}
          data-testid={`topic-input-${field}`} />
      );
    }
    if (!editable) return <span className={`plans-cell-text ${field}`}>{shown}</span>;
    return (
      <button type="button" className={`plans-cell ${field}`} aria-label={`${label}: ${shown || t('plans.screen.empty')}`} disabled={busy === topic.position}
        onClick={() => start(topic, field)} data-testid={`topic-${field}`}>
        {shown || <span className="muted">—</span>}
      </button>
    );
  };

  return (
    <div className="table-wrap plans-topics-wrap">
      <table className="table plans-topics" data-testid="plan-topics">
        <thead>
          <tr>
            <th scope="col" className="num">{t('plans.screen.number')}</th>
            <th scope="col">{t('plans.section')}</th>
            <th scope="col">{t('plans.topic')}</th>
            <th scope="col" className="num">{t('plans.hours')}</th>
            <th scope="col">{t('plans.screen.summative')}</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic, i) => {
            const note = notes[topic.position];
            return (
              <tr key={topic.position} className={startsSection(topics, i) ? 'plans-section-start' : undefined} data-testid="topic-row" data-position={topic.position}>
                <td className="num muted">{topic.position}</td>
                <td className="plans-section-cell">
                  {editable || startsSection(topics, i)
                    ? cell(topic, 'section', topic.section ?? '', t('plans.section'))
                    : null}
                </td>
                <td className="plans-title-cell">
                  {cell(topic, 'title', topic.title, t('plans.topic'))}
                  {note && 'error' in note && <p className="field-error" role="alert" data-testid="topic-error">{t(note.error.key, note.error.params)}</p>}
                  {note && 'saved' in note && <span className="plans-saved" role="status" data-testid="topic-saved">{t('plans.screen.saved')}</span>}
                </td>
                <td className="num">{cell(topic, 'hours', hoursText(topic.hours, locale), t('plans.hours'))}</td>
                <td>
                  {topic.sor && <span className="tag">{t('plans.sor')}</span>}
                  {topic.soch && <span className="tag warn">{t('plans.soch')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row" colSpan={2} className="plans-total-label">{t('plans.screen.total', { topics: totals.topics })}</th>
            <td className="num strong" data-testid="topics-hours">{hoursText(totals.hours, locale)}</td>
            <td className="muted">{t('plans.screen.summativeCount', { sor: totals.sor, soch: totals.soch })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
