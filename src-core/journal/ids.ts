import { parse as parseUuid, v5 as uuidv5 } from 'uuid';

// Fixed namespaces: every device derives the same id for the same lesson × pupil cell. Parsed once and names
// encoded natively (uuid would parse the namespace string on every call): the same ids, faster.
const ATTENDANCE = parseUuid('6f1c2a40-7d3e-5b8a-9c1f-2e4d6a8b0c11');
const MARK = parseUuid('8a2d4c60-1e5f-5a7b-8d2e-3f5a7b9c1d22');
const REMARK = parseUuid('4b7e9d20-3c6a-5f1b-9e4d-5a8c2f6b3e33');
const UTF8 = new TextEncoder();

export const attendanceId = (lessonId: string, studentId: string) => uuidv5(UTF8.encode(`${lessonId}:${studentId}`), ATTENDANCE);
export const remarkId = (lessonId: string, studentId: string) => uuidv5(UTF8.encode(`${lessonId}:${studentId}`), REMARK);
export const markId = (lessonId: string, studentId: string, kind: string) => uuidv5(UTF8.encode(`${lessonId}:${studentId}:${kind}`), MARK);
