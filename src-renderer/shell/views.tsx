import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Me } from '../../src-core/contract/schemas';

export interface ViewProps {
  me: Me;
}

type View = LazyExoticComponent<ComponentType<ViewProps>>;

/** Each built section is its own chunk, so a parent never downloads the teacher's or the administrator's views. */
export const VIEWS: Readonly<Record<string, View>> = {
  today: lazy(() => import('../roles/teacher/TodayView')),
  myClass: lazy(() => import('../roles/teacher/MyClassView')),
  journal: lazy(() => import('../roles/teacher/journal/JournalView')),
  children: lazy(() => import('../roles/parent/ChildrenView')),
  marks: lazy(() => import('../roles/parent/MarksView')),
  myDay: lazy(() => import('../roles/student/MyDayView')),
  diary: lazy(() => import('../roles/student/DiaryView')),
  overview: lazy(() => import('../roles/administration/OverviewView')),
  classes: lazy(() => import('../roles/staff/ClassesView')),
  users: lazy(() => import('../roles/sysadmin/UsersView')),
  digitalLessons: lazy(() => import('../roles/teacher/present/PresentView')),
  plans: lazy(() => import('../roles/teacher/plans/PlansView')),
  library: lazy(() => import('../roles/teacher/library/LibraryView')),
};

/** A lesson's plan, opened by its address over whichever section is chosen (roles/teacher/lesson-plan/route.ts). */
export const LessonPlanPage = lazy(() => import('../roles/teacher/lesson-plan/LessonPlanPage'));
