import { z } from 'zod';
import { command, query } from '../define';
import { Id, Localised, PersonName } from '../schemas';

/** A file's name on every host: the lowercase hex SHA-256 of its bytes. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'sha256' });
export const ResourceKind = z.enum(['pdf', 'image', 'audio', 'video', 'html5']);
export type ResourceKind = z.infer<typeof ResourceKind>;
export const ResourceScope = z.enum(['school', 'personal']);
const ResourceLanguage = z.enum(['kk', 'ru', 'en']);
const Grade = z.number().int().min(1).max(12);
const Title = z.string().trim().min(1).max(300);

/** What a host answers for an uploaded file (POST /files). */
export const FileInfo = z.object({ sha256: Sha256, size: z.number().int().nonnegative(), mime: z.string(), kind: ResourceKind });
export type FileInfo = z.infer<typeof FileInfo>;

/** An entry of the library (ЦОР): the school's or the caller's own, naming its file by hash. */
export const Resource = z.object({
  id: Id,
  scope: ResourceScope,
  title: z.string(),
  fileName: z.string(),
  kind: ResourceKind,
  mime: z.string(),
  size: z.number().int(),
  sha256: Sha256,
  subject: z.object({ id: Id, code: z.string(), name: Localised }).nullable(),
  grade: z.number().int().nullable(),
  topic: z.string().nullable(),
  language: ResourceLanguage.nullable(),
  owner: PersonName,
  /** The caller added it (or manages the school's library): they may change or remove it. */
  editable: z.boolean(),
  updatedAt: z.string(),
  rowVersion: z.number().int(),
});
export type Resource = z.infer<typeof Resource>;

/** A resource as a lesson plan keeps it: enough to show and fetch it on a computer that holds no library. */
export const PlanResource = z.object({ resourceId: Id, sha256: Sha256, title: Title, kind: ResourceKind, mime: z.string().max(100), size: z.number().int().nonnegative() });
export type PlanResource = z.infer<typeof PlanResource>;

export const LessonStage = z.object({
  title: z.string().trim().min(1).max(200),
  minutes: z.number().int().min(1).max(90),
  /** What the teacher does and says: the presenter view shows it. */
  notes: z.string().trim().max(2000).nullable(),
});

/** A lesson plan: the learning objectives, the stages with their minutes, the resources shown, notes. */
export const LessonPlan = z.object({
  objectives: z.array(z.string().trim().min(1).max(500)).max(10),
  stages: z.array(LessonStage).max(12),
  resources: z.array(PlanResource).max(30),
  notes: z.string().trim().max(4000).nullable(),
});
export type LessonPlan = z.infer<typeof LessonPlan>;

/** The annotated board saved to a lesson: its pages as a PDF, the current page as a PNG. */
export const BoardFile = z.object({
  sha256: Sha256,
  format: z.enum(['png', 'pdf']),
  size: z.number().int().positive(),
  pages: z.number().int().min(1).max(500),
  savedAt: z.string(),
});
export type BoardFile = z.infer<typeof BoardFile>;

const ResourceFilter = z.object({
  scope: z.enum(['school', 'personal', 'all']).optional(),
  subjectId: Id.optional(),
  grade: Grade.optional(),
  language: ResourceLanguage.optional(),
  kind: ResourceKind.optional(),
  text: z.string().trim().min(1).max(100).optional(),
}).strict();

const ResourceFields = {
  title: Title,
  scope: ResourceScope,
  subjectId: Id.nullable().optional(),
  grade: Grade.nullable().optional(),
  topic: z.string().trim().min(1).max(500).nullable().optional(),
  language: ResourceLanguage.nullable().optional(),
};

/** The resource library's and the lesson plan's operations (spread into operations.ts). */
export const resourcesOperations = {
  'resources.list': query({
    summary: "The library's resources the caller may see (the school's, and their own personal ones), filtered by subject, grade, language, kind or words of the title and topic",
    input: ResourceFilter,
    output: z.object({ resources: z.array(Resource) }),
    access: { permission: 'resources.read' },
    server: true,
  }),
  'resources.add': command({
    summary: 'A file already uploaded (POST /files) is added to the school library or the caller\'s personal one, with its title and tags',
    input: z.object({ sha256: Sha256, fileName: z.string().trim().min(1).max(255), ...ResourceFields }).strict(),
    output: Resource,
    access: { permission: 'resources.upload' },
    server: true,
  }),
  'resources.update': command({
    summary: "A resource's title, tags or library changed by whoever added it, or by the school library's keepers",
    input: z.object({ resourceId: Id, ...ResourceFields, title: Title.optional(), scope: ResourceScope.optional() }).strict(),
    output: Resource,
    access: { permission: 'resources.upload' },
    server: true,
  }),
  'resources.remove': command({
    summary: 'A resource leaves the library (lessons that show it keep their copy of the file)',
    input: z.object({ resourceId: Id }).strict(),
    output: z.object({ resourceId: Id }),
    access: { permission: 'resources.upload' },
    server: true,
  }),
  'lesson.plan': query({
    summary: "A lesson's plan (objectives, stages, resources, notes) and the board saved to it, for its teacher and the journal's readers",
    input: z.object({ lessonId: Id }).strict(),
    output: z.object({
      lessonId: Id,
      topic: z.string().nullable(),
      plan: LessonPlan.nullable(),
      boardFiles: z.array(BoardFile),
      writable: z.boolean(),
      rowVersion: z.number().int(),
    }),
    access: { permission: 'journal.read' },
  }),
  'lesson.setPlan': command({
    summary: 'A teacher writes the plan of a lesson they teach (works offline: it travels with the lesson)',
    input: z.object({ lessonId: Id, plan: LessonPlan }).strict(),
    output: z.object({ lessonId: Id, rowVersion: z.number().int() }),
    access: { permission: 'lesson.writeOwn' },
  }),
  'lesson.saveBoard': command({
    summary: 'A teacher saves the annotated board to a lesson they teach (files already written with POST /files): the pupils, absent ones too, find it in their diary',
    input: z.object({ lessonId: Id, files: z.array(BoardFile).min(1).max(2) }).strict()
      .refine((v) => new Set(v.files.map((f) => f.format)).size === v.files.length, { path: ['files'], error: 'duplicate' }),
    output: z.object({ lessonId: Id, boardFiles: z.array(BoardFile), rowVersion: z.number().int() }),
    access: { permission: 'lesson.writeOwn' },
  }),
};
