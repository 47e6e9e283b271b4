import type { Rng } from './rng';

/**
 * Names of people in a Kazakh school. Kazakh names are kept in Kazakh spelling; Russian-medium Kazakh families
 * write them in Russian spelling (Нұрсұлтан → Нурсултан), which `ruSpelling` derives letter by letter.
 *
 * Name styles:
 *  - 'kk'   Kazakh spelling, patronymic Серікұлы / Серікқызы (most Kazakh-medium families);
 *  - 'ruKz' Kazakh names in Russian spelling, patronymic Серикович / Сериковна;
 *  - 'ru'   Russian names, patronymic Сергеевич / Сергеевна.
 */
export type NameStyle = 'kk' | 'ruKz' | 'ru';

export const KZ_MALE = [
  'Нұрсұлтан', 'Әлихан', 'Ерлан', 'Серік', 'Нұрлан', 'Асқар', 'Бауыржан', 'Дәурен', 'Ержан', 'Қайрат', 'Мұрат',
  'Бақытжан', 'Талғат', 'Ғалым', 'Арман', 'Айдос', 'Азамат', 'Бекзат', 'Дамир', 'Ерасыл', 'Жандос', 'Ислам',
  'Қуаныш', 'Мирас', 'Нұрдәулет', 'Рауан', 'Санжар', 'Темірлан', 'Алмас', 'Аян', 'Берік', 'Болат', 'Дархан',
  'Ербол', 'Жанболат', 'Қанат', 'Марат', 'Мейрам', 'Нұржан', 'Олжас', 'Руслан', 'Самат', 'Тимур', 'Әділет',
  'Әмір', 'Ақжол', 'Алинұр', 'Аслан', 'Ернар', 'Ілияс', 'Абылай', 'Айбек', 'Бекжан', 'Дулат', 'Нұрислам',
  'Айсұлтан', 'Бекарыс', 'Арсен', 'Ерқанат', 'Жасұлан',
] as const;

export const KZ_FEMALE = [
  'Айгерім', 'Әсел', 'Аружан', 'Дана', 'Жансая', 'Аяулым', 'Мөлдір', 'Гүлназ', 'Ақбота', 'Айдана', 'Динара',
  'Жанар', 'Гүлмира', 'Сәуле', 'Меруерт', 'Назерке', 'Томирис', 'Інжу', 'Камила', 'Аиша', 'Айым', 'Балнұр',
  'Ділназ', 'Әйгерім', 'Жұлдыз', 'Зарина', 'Қарлығаш', 'Мадина', 'Нұрай', 'Сабина', 'Салтанат', 'Толғанай',
  'Ұлжан', 'Шынар', 'Айнұр', 'Раушан', 'Гүлнар', 'Алтынай', 'Ботагөз', 'Маржан', 'Асем', 'Дильназ', 'Мерей',
  'Жібек', 'Айзере', 'Ақмарал', 'Әлия', 'Фариза',
] as const;

/** Kazakh surnames, male form (the female form adds -а). */
export const KZ_SURNAMES = [
  'Ахметов', 'Жұмабаев', 'Нұрмаханов', 'Серікбаев', 'Оспанов', 'Құдайбергенов', 'Әбдірахманов', 'Ермеков',
  'Тұрсынов', 'Байжанов', 'Қасымов', 'Мұхамеджанов', 'Есенов', 'Сапаров', 'Жақсылықов', 'Омаров', 'Исаев',
  'Төлеуов', 'Сүлейменов', 'Нұрланов', 'Әлиев', 'Бекмұратов', 'Қалиев', 'Сәрсенбаев', 'Смағұлов', 'Тәжібаев',
  'Ыдырысов', 'Дүйсенов', 'Жүсіпов', 'Мақсұтов', 'Рахымжанов', 'Шәріпов', 'Әбенов', 'Үмбетов', 'Ибрагимов',
  'Қожахметов', 'Баймұханов', 'Айтбаев', 'Кенжебаев', 'Абдуллаев', 'Жолдасбаев', 'Ержанов', 'Мырзахметов',
  'Тоқтаров', 'Бейсенов', 'Алдабергенов', 'Құрманов', 'Садықов', 'Ізбасаров', 'Сейітов', 'Тасболатов',
  'Әміров', 'Жаңабергенов', 'Мәліков', 'Оразбаев', 'Сыздықов', 'Исмаилов', 'Көшербаев', 'Ахмедияров', 'Байұзақов',
] as const;

/** Russian men's names with the patronymics they give (son, daughter). */
export const RU_MALE: readonly (readonly [string, string, string])[] = [
  ['Александр', 'Александрович', 'Александровна'], ['Сергей', 'Сергеевич', 'Сергеевна'],
  ['Дмитрий', 'Дмитриевич', 'Дмитриевна'], ['Андрей', 'Андреевич', 'Андреевна'],
  ['Алексей', 'Алексеевич', 'Алексеевна'], ['Владимир', 'Владимирович', 'Владимировна'],
  ['Николай', 'Николаевич', 'Николаевна'], ['Иван', 'Иванович', 'Ивановна'],
  ['Михаил', 'Михайлович', 'Михайловна'], ['Евгений', 'Евгеньевич', 'Евгеньевна'],
  ['Виктор', 'Викторович', 'Викторовна'], ['Павел', 'Павлович', 'Павловна'],
  ['Артём', 'Артёмович', 'Артёмовна'], ['Максим', 'Максимович', 'Максимовна'],
  ['Игорь', 'Игоревич', 'Игоревна'], ['Олег', 'Олегович', 'Олеговна'],
  ['Денис', 'Денисович', 'Денисовна'], ['Роман', 'Романович', 'Романовна'],
  ['Юрий', 'Юрьевич', 'Юрьевна'], ['Вадим', 'Вадимович', 'Вадимовна'],
  ['Кирилл', 'Кириллович', 'Кирилловна'], ['Никита', 'Никитич', 'Никитична'],
  ['Егор', 'Егорович', 'Егоровна'], ['Даниил', 'Даниилович', 'Данииловна'],
  ['Матвей', 'Матвеевич', 'Матвеевна'], ['Тимофей', 'Тимофеевич', 'Тимофеевна'],
];

export const RU_FEMALE = [
  'Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Екатерина', 'Юлия', 'Анастасия',
  'Дарья', 'Полина', 'Виктория', 'Алина', 'Софья', 'Ксения', 'Вероника', 'Алиса', 'Валерия', 'Маргарита',
  'Людмила', 'Галина', 'Елизавета', 'Кристина',
] as const;

export const RU_SURNAMES = [
  'Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
  'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
  'Романов', 'Воробьёв', 'Сергеев', 'Фролов', 'Ильин', 'Беляев', 'Тарасов', 'Белов', 'Комаров', 'Медведев',
] as const;

const KK_TO_RU: Record<string, string> = {
  'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и',
  'Ә': 'А', 'Ғ': 'Г', 'Қ': 'К', 'Ң': 'Н', 'Ө': 'О', 'Ұ': 'У', 'Ү': 'У', 'Һ': 'Х', 'І': 'И',
};

/** Russian spelling of a Kazakh name: the letters of the Kazakh alphabet that Russian lacks, replaced. */
export function ruSpelling(kk: string): string {
  let out = '';
  for (const ch of kk) out += KK_TO_RU[ch] ?? ch;
  return out;
}

const TRANSLIT: Record<string, string> = {
  'а': 'a', 'ә': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh', 'з': 'z',
  'и': 'i', 'й': 'i', 'к': 'k', 'қ': 'q', 'л': 'l', 'м': 'm', 'н': 'n', 'ң': 'n', 'о': 'o', 'ө': 'o', 'п': 'p',
  'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ұ': 'u', 'ү': 'u', 'ф': 'f', 'х': 'kh', 'һ': 'h', 'ц': 'ts', 'ч': 'ch',
  'ш': 'sh', 'щ': 'sch', 'ъ': '', 'ы': 'y', 'і': 'i', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya',
};

/** Lower-case ASCII transliteration of a Kazakh or Russian word, for logins and e-mail addresses. */
export function translit(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const t = TRANSLIT[ch];
    if (t !== undefined) out += t;
    else if (/[a-z0-9]/.test(ch)) out += ch;
  }
  return out;
}

export type Gender = 'm' | 'f';

/** The surname of a family, in the male form of its style's spelling. */
export interface Surname { kk: string; style: NameStyle }

/** A person's name, from which the printed parts are derived. */
export interface NameParts {
  style: NameStyle;
  gender: Gender;
  /** The given name in Kazakh spelling for Kazakh styles, Russian for 'ru'. */
  first: string;
  /** The family surname, male form, Kazakh spelling for Kazakh styles. */
  surname: string;
  /** The father's given name (source of the patronymic). */
  fatherFirst: string;
}

export function lastName(p: NameParts): string {
  const base = p.style === 'ruKz' ? ruSpelling(p.surname) : p.surname;
  return p.gender === 'f' ? feminine(base) : base;
}

export function firstName(p: NameParts): string {
  return p.style === 'ruKz' ? ruSpelling(p.first) : p.first;
}

export function middleName(p: NameParts): string {
  if (p.style === 'kk') return p.fatherFirst + (p.gender === 'm' ? 'ұлы' : 'қызы');
  if (p.style === 'ruKz') return ruSpelling(p.fatherFirst) + (p.gender === 'm' ? 'ович' : 'овна');
  const entry = RU_MALE.find((m) => m[0] === p.fatherFirst);
  if (entry) return p.gender === 'm' ? entry[1] : entry[2];
  return p.fatherFirst + (p.gender === 'm' ? 'ович' : 'овна');
}

export function fullName(p: NameParts): string {
  return `${lastName(p)} ${firstName(p)} ${middleName(p)}`;
}

function feminine(male: string): string {
  if (male.endsWith('ский')) return `${male.slice(0, -4)}ская`;
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  return male;
}

export function randomFirst(rng: Rng, style: NameStyle, gender: Gender): string {
  if (style === 'ru') return gender === 'm' ? rng.pick(RU_MALE)[0] : rng.pick(RU_FEMALE);
  return gender === 'm' ? rng.pick(KZ_MALE) : rng.pick(KZ_FEMALE);
}

/** A father's given name: for Kazakh styles any Kazakh man's name (they all end in a consonant, so -ович works). */
export function randomFatherFirst(rng: Rng, style: NameStyle): string {
  return style === 'ru' ? rng.pick(RU_MALE)[0] : rng.pick(KZ_MALE);
}

export function randomSurname(rng: Rng, style: NameStyle): string {
  return style === 'ru' ? rng.pick(RU_SURNAMES) : rng.pick(KZ_SURNAMES);
}

/** The language a person of this style prefers. */
export function styleLanguage(style: NameStyle): 'kk' | 'ru' {
  return style === 'kk' ? 'kk' : 'ru';
}

const OPERATORS = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'] as const;

/** A Kazakh mobile number, +7 7xx xxx xx xx. */
export function randomPhone(rng: Rng): string {
  const d = (n: number): string => String(rng.int(0, 10 ** n - 1)).padStart(n, '0');
  return `+7 ${rng.pick(OPERATORS)} ${rng.int(2, 9)}${d(2)} ${d(2)} ${d(2)}`;
}

/**
 * A private e-mail address. Demo addresses use the reserved example.com / example.org domains (RFC 2606),
 * so that a notification feature run against demo data can never mail a real person.
 */
export function randomEmail(rng: Rng, p: NameParts): string {
  const user = `${translit(firstName(p))}.${translit(lastName(p))}${rng.int(1, 99)}`;
  return `${user}@${rng.pick(['example.com', 'example.org'])}`;
}
