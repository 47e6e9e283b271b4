import { part } from './part';

/** Messages of the class journal (kk, ru, en). */
export const journal = part({
  'error.journal_locked': 'Сабақтың ({date}) түзету мерзімі ({days} күн) өтті: ұяшықтар жабық. Директор орынбасары ашуы мүмкін',
  'error.mark_out_of_range': 'Қалыптастырушы баға {min}-ден {max}-ге дейін болады',
  'error.no_summative_in_lesson': 'Бұл сабақта {kind} жоқ: алдымен жұмысты және оның ең жоғары балын қосыңыз',
  'error.score_above_max': 'Балл ең жоғары балдан ({max}) аспауы керек',
  'error.summative_has_scores': 'Бұл жұмыс бойынша баллдар қойылған (ең жоғарысы {top}): оның түрін өзгертуге немесе ең жоғары балын азайтуға болмайды',
  'error.unlock_in_past': 'Ашу мерзімі бүгіннен ({today}) ерте болмауы керек',
  'error.journal_not_yours': 'Бұл журнал сіздікі емес: сіз бұл сыныпта бұл пәннен сабақ бермейсіз',
  'error.no_marking_period': 'Бұл оқу жылында мұндай тоқсан (жартыжылдық) жоқ',
  'error.history_needs_server': 'Ұяшық тарихы серверде сақталады: желіге қосылғанда қайталаңыз',
}, {
  'error.journal_locked': 'Срок исправлений урока ({date}) — {days} дн. — истёк: ячейки закрыты. Открыть их может заместитель директора',
  'error.mark_out_of_range': 'Формативная оценка — от {min} до {max}',
  'error.no_summative_in_lesson': 'На этом уроке нет {kind}: сначала добавьте работу и её максимальный балл',
  'error.score_above_max': 'Балл не может быть выше максимального ({max})',
  'error.summative_has_scores': 'За эту работу уже выставлены баллы (наибольший {top}): нельзя сменить её вид или уменьшить максимум',
  'error.unlock_in_past': 'Срок открытия не может быть раньше сегодняшнего дня ({today})',
  'error.journal_not_yours': 'Это не ваш журнал: вы не ведёте этот предмет в этом классе',
  'error.no_marking_period': 'В этом учебном году нет такой четверти (полугодия)',
  'error.history_needs_server': 'История ячейки хранится на сервере: повторите, когда появится связь',
}, {
  'error.journal_locked': 'The editing period of this lesson ({date}, {days} days) is over: its cells are locked. A deputy director can unlock them',
  'error.mark_out_of_range': 'A formative mark is from {min} to {max}',
  'error.no_summative_in_lesson': 'This lesson has no {kind}: add the work and its maximum score first',
  'error.score_above_max': 'The score cannot be above the maximum ({max})',
  'error.summative_has_scores': 'This work already has scores (the highest is {top}): its kind cannot change nor its maximum go below them',
  'error.unlock_in_past': 'The unlock cannot end before today ({today})',
  'error.journal_not_yours': 'This is not your journal: you do not teach this subject in this class',
  'error.no_marking_period': 'This school year has no such term (or half-year)',
  'error.history_needs_server': 'The history of a cell is kept on the server: try again when the network is back',
});
