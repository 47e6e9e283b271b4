import { describe, expect, it } from 'vitest';
import type { PlanResource } from '../../../src-core/contract/ops/resources';
import { deckReducer, initialDeck, pdfName } from '../../../src-renderer/roles/teacher/present/present';
import { boardMessage, channelIdOf, presenterMessage, presenterRoute } from '../../../src-renderer/roles/teacher/present/presenter-link';
import {
  failedSlide, mediaTime, slidesOfResource, slideTitle, stageAt, stageTimings, textSlideFontSize, timerStart, wrapText,
} from '../../../src-renderer/roles/teacher/present/slides';

const resource = (over: Partial<PlanResource> = {}): PlanResource => ({
  resourceId: '00000000-0000-4000-8000-000000000001', sha256: 'a'.repeat(64), title: 'Бөлшектер', kind: 'pdf', mime: 'application/pdf', size: 1000, ...over,
});

describe('slides from the lesson plan\'s resources', () => {
  it('makes one slide per PDF page, in order, and one for anything else', () => {
    const pages = slidesOfResource(resource(), 3);
    expect(pages.map((s) => (s.kind === 'pdf' ? [s.page, s.pages] : null))).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(slidesOfResource(resource({ kind: 'video', mime: 'video/webm' }))).toEqual([
      { kind: 'video', resource: { resourceId: resource().resourceId, sha256: 'a'.repeat(64), title: 'Бөлшектер', mime: 'video/webm' } },
    ]);
    // A PDF with no pages (or not read) is a slide that says it is damaged, not nothing.
    expect(slidesOfResource(resource(), 0)).toEqual([failedSlide(resource(), 'present.slide.corrupt')]);
  });

  it('names a slide by its resource, with the page of a PDF', () => {
    expect(slideTitle(slidesOfResource(resource(), 2)[1]!)).toEqual({ title: 'Бөлшектер', page: 2 });
    expect(slideTitle(slidesOfResource(resource({ kind: 'image' }))[0]!)).toEqual({ title: 'Бөлшектер', page: null });
    expect(slideTitle({ kind: 'text', text: 'x' })).toBeNull();
  });

  it('wraps a text slide\'s words to the width, keeps the teacher\'s line breaks and cuts a word too long', () => {
    const measure = (s: string) => s.length * 10;
    expect(wrapText('one two three four', 100, measure)).toEqual(['one two', 'three four']);
    expect(wrapText('one two three four', 90, measure)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('a\n\nb', 100, measure)).toEqual(['a', '', 'b']);
    expect(wrapText('abcdefghijkl', 50, measure)).toEqual(['abcde', 'fghij', 'kl']);
    for (const line of wrapText('Бүгінгі тақырып: бөлшектерді қосу және азайту', 120, measure)) expect(measure(line)).toBeLessThanOrEqual(120);
  });

  it('sets a text slide in large type, smaller for long text, never under 24 px', () => {
    const short = textSlideFontSize('Тақырып', 1600, 900);
    expect(short).toBeGreaterThanOrEqual(80);
    expect(textSlideFontSize('x'.repeat(500), 1600, 900)).toBeLessThan(short);
    expect(textSlideFontSize('x', 200, 100)).toBe(24);
  });

  it('writes media times as m:ss, h:mm:ss past an hour, and --:-- when unknown', () => {
    expect(mediaTime(0)).toBe('0:00');
    expect(mediaTime(75.9)).toBe('1:15');
    expect(mediaTime(3723)).toBe('1:02:03');
    expect(mediaTime(Number.NaN)).toBe('--:--');
    expect(mediaTime(Infinity)).toBe('--:--');
  });
});

describe('the lesson plan\'s stages in the presenter view', () => {
  const stages = [{ minutes: 5 }, { minutes: 20 }, { minutes: 15 }];
  it('finds the stage of a moment by the stages\' minutes, staying on the last past the end', () => {
    expect(stageAt(stages, 0)).toEqual({ index: 0, startsAt: 0, endsAt: 5 });
    expect(stageAt(stages, 4.99)?.index).toBe(0);
    expect(stageAt(stages, 5)?.index).toBe(1);
    expect(stageAt(stages, 30)).toEqual({ index: 2, startsAt: 25, endsAt: 40 });
    expect(stageAt(stages, 90)?.index).toBe(2);
    expect(stageAt([], 3)).toBeNull();
    expect(stageTimings(stages).map((s) => [s.startsAt, s.endsAt])).toEqual([[0, 5], [5, 25], [25, 40]]);
  });

  it('counts the lesson timer from the lesson\'s start while it is on, else from when the board opened it', () => {
    const starts = '2026-11-23T04:00:00.000Z', ends = '2026-11-23T04:45:00.000Z';
    const during = Date.parse('2026-11-23T04:10:00Z'), opened = during - 60_000;
    expect(timerStart(starts, ends, opened, during)).toBe(Date.parse(starts));
    const later = Date.parse('2026-11-24T10:00:00Z');
    expect(timerStart(starts, ends, later - 5000, later)).toBe(later - 5000);
  });
});

describe('the deck with slides', () => {
  it('adds a resource\'s slides after the last page, the first of them current, with fresh ids', () => {
    let d = deckReducer(initialDeck(), { type: 'add', background: 'grid' });
    d = deckReducer(d, { type: 'go', index: 0 });
    d = deckReducer(d, { type: 'addSlides', slides: slidesOfResource(resource(), 2) });
    expect(d.pages).toHaveLength(4);
    expect(d.current).toBe(2);
    expect(d.pages.slice(2).map((p) => p.slide?.kind)).toEqual(['pdf', 'pdf']);
    expect(new Set(d.pages.map((p) => p.id)).size).toBe(4);
    expect(deckReducer(d, { type: 'addSlides', slides: [] })).toBe(d);
  });

  it('adds a text page after the current one and changes only a text page\'s text', () => {
    let d = deckReducer(initialDeck(), { type: 'addText' });
    expect(d.current).toBe(1);
    expect(d.pages[1]!.slide).toEqual({ kind: 'text', text: '' });
    const id = d.pages[1]!.id;
    d = deckReducer(d, { type: 'setText', id, text: 'Тақырып' });
    expect(d.pages[1]!.slide).toEqual({ kind: 'text', text: 'Тақырып' });
    // The same text, or a page that is not a text page: nothing changes.
    expect(deckReducer(d, { type: 'setText', id, text: 'Тақырып' })).toBe(d);
    expect(deckReducer(d, { type: 'setText', id: d.pages[0]!.id, text: 'x' })).toBe(d);
  });

  it('names the board\'s PDF after the lesson', () => {
    expect(pdfName('Алгебра · 7А')).toBe('Алгебра-·-7А.pdf');
    expect(pdfName('a/b:c')).toBe('a-b-c.pdf');
  });
});

describe('the presenter view\'s channel', () => {
  it('takes only page turns it knows from the view', () => {
    expect(presenterMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(presenterMessage({ type: 'bye' })).toEqual({ type: 'bye' });
    expect(presenterMessage({ type: 'go', index: 3 })).toEqual({ type: 'go', index: 3 });
    expect(presenterMessage({ type: 'step', by: -1 })).toEqual({ type: 'step', by: -1 });
    for (const bad of [null, 'go', { type: 'go', index: -1 }, { type: 'go', index: 1.5 }, { type: 'step', by: 5 }, { type: 'state' }]) {
      expect(presenterMessage(bad)).toBeNull();
    }
  });

  it('reads the board\'s state only in the shape the view shows', () => {
    const state = { locale: 'kk', title: 'A', subtitle: 'B', current: 0, total: 2, labels: ['1', '2'], pupils: [], absentIds: [], timerFrom: 1, currentThumb: null, nextThumb: null, plan: null };
    expect(boardMessage({ type: 'state', state })).toEqual({ type: 'state', state });
    expect(boardMessage({ type: 'closed' })).toEqual({ type: 'closed' });
    expect(boardMessage({ type: 'state', state: { ...state, locale: 'de' } })).toBeNull();
    expect(boardMessage({ type: 'state', state: { ...state, current: '0' } })).toBeNull();
  });

  it('puts the channel\'s id in the view\'s address and reads it back, refusing anything else', () => {
    const id = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect(presenterRoute(id)).toBe(`presenter.html#${id}`);
    expect(channelIdOf(`#${id}`)).toBe(id);
    expect(channelIdOf('#')).toBeNull();
    expect(channelIdOf('#<script>')).toBeNull();
  });
});
