import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FormOutlined,
  IdcardOutlined,
  LoginOutlined,
  NotificationOutlined,
  PlaySquareOutlined,
  SafetyCertificateOutlined,
  ScanOutlined,
  SecurityScanOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
  VideoCameraAddOutlined,
  VideoCameraOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { MessageKey } from './i18n';
import type { Params } from './router';
import type { AccessRule } from './session';

export interface PageProps {
  params: Params;
}

export type MenuGroup = 'personal' | 'monitoring' | 'discipline' | 'results' | 'organisation' | 'administration';

/**
 * One row per screen. To add a page, put one line here (see web/README.md). A row with `planned` and no `page`
 * shows the "not built yet" card that says what the module will do.
 */
export interface AppRoute {
  /** Stable id: menu key, data-testid suffix (`menu-<key>`), and `menuKey` target for sub-pages. */
  key: string;
  path: string;
  title: MessageKey;
  access: AccessRule;
  page?: LazyExoticComponent<ComponentType<PageProps>>;
  /** Shown in the sider under this group; routes without it (detail pages) highlight `menuKey` instead. */
  menu?: { group: MenuGroup; icon: ReactNode };
  menuKey?: string;
  /**
   * A module that is not built yet: the page is the "not built yet" card, whose text comes from the dictionary keys
   * `planned.<key>` (what it is for) and `planned.<key>.features` (what it will do, one item per line).
   */
  planned?: true;
}

const page = (load: () => Promise<{ default: ComponentType<PageProps> }>) => lazy(load);

export const MENU_GROUPS: MenuGroup[] = [
  'personal',
  'monitoring',
  'discipline',
  'results',
  'organisation',
  'administration',
];

/**
 * Where a signed-in user starts: the first of these routes that is built and allowed to them (a user who cannot
 * read staff records but has one of their own starts on /me instead; see landingPath in App.tsx).
 */
export const LANDING_ORDER = ['dashboard', 'org', 'me'];

// Order = the work flow: watch → record attendance → handle absences and violations → inspect and direct → report
// and evaluate → the organisation and people behind it → administration.
export const ROUTES: AppRoute[] = [
  { key: 'notifications', path: '/notifications', title: 'menu.notifications', access: {}, menu: { group: 'personal', icon: <BellOutlined /> }, page: page(() => import('./pages/violations/NotificationsPage')) },
  { key: 'me', path: '/me', title: 'menu.me', access: { self: true }, menu: { group: 'personal', icon: <IdcardOutlined /> }, page: page(() => import('./pages/staff/MyProfilePage')) },
  { key: 'dashboard', path: '/dashboard', title: 'menu.dashboard', access: { anyOf: ['reports.read'] }, menu: { group: 'monitoring', icon: <DashboardOutlined /> }, planned: true },
  // Grantees hold no camera role, so no menu entry: they arrive from the grant notification (server checks each stream).
  { key: 'live-shared', path: '/live/shared', title: 'menu.live', access: {}, menuKey: 'live', page: page(() => import('./pages/cameras/LiveWallPage')) },
  { key: 'live', path: '/live', title: 'menu.live', access: { anyOf: ['camera.live'] }, menu: { group: 'monitoring', icon: <VideoCameraOutlined /> }, page: page(() => import('./pages/cameras/LiveWallPage')) },
  { key: 'playback', path: '/playback', title: 'menu.playback', access: { anyOf: ['camera.playback', 'evidence.export'] }, menu: { group: 'monitoring', icon: <PlaySquareOutlined /> }, page: page(() => import('./pages/cameras/PlaybackPage')) },
  { key: 'evidence', path: '/evidence', title: 'menu.evidence', access: { anyOf: ['camera.playback'] }, menu: { group: 'monitoring', icon: <FileProtectOutlined /> }, page: page(() => import('./pages/cameras/EvidencePage')) },
  { key: 'incidents', path: '/incidents', title: 'menu.incidents', access: { anyOf: ['camera.playback'] }, menu: { group: 'monitoring', icon: <AlertOutlined /> }, page: page(() => import('./pages/cameras/IncidentsPage')) },
  { key: 'cameras', path: '/cameras', title: 'menu.cameras', access: { anyOf: ['camera.manage', 'camera.live', 'camera.playback'] }, menu: { group: 'monitoring', icon: <VideoCameraAddOutlined /> }, page: page(() => import('./pages/cameras/CamerasPage')) },
  { key: 'passes', path: '/faces/passes', title: 'menu.passes', access: { anyOf: ['faces.review'] }, menu: { group: 'monitoring', icon: <LoginOutlined /> }, page: page(() => import('./pages/faces/PassesPage')) },
  { key: 'attendance', path: '/attendance', title: 'menu.attendance', access: { anyOf: ['attendance.read', 'attendance.manage'], self: true }, menu: { group: 'discipline', icon: <ClockCircleOutlined /> }, page: page(() => import('./pages/attendance/TimesheetPage')) },
  { key: 'attendance-calendar', path: '/attendance/calendar', title: 'menu.attendance', access: { anyOf: ['org.read'] }, menuKey: 'attendance', page: page(() => import('./pages/attendance/CalendarAdminPage')) },
  { key: 'attendance-person', path: '/attendance/:personId', title: 'menu.attendance', access: { anyOf: ['attendance.read'], self: true }, menuKey: 'attendance', page: page(() => import('./pages/attendance/PersonAttendancePage')) },
  { key: 'leave', path: '/leave', title: 'menu.leave', access: { anyOf: ['leave.approve', 'attendance.manage'], self: true }, menu: { group: 'discipline', icon: <FormOutlined /> }, page: page(() => import('./pages/attendance/RequestsPage')) },
  { key: 'violations', path: '/violations', title: 'menu.violations', access: { anyOf: ['violations.read', 'violations.decide'], self: true }, menu: { group: 'discipline', icon: <WarningOutlined /> }, page: page(() => import('./pages/violations/ViolationsListPage')) },
  { key: 'violations-rules', path: '/violations/rules', title: 'menu.violations', access: { anyOf: ['violations.read', 'rules.manage'] }, menuKey: 'violations', page: page(() => import('./pages/violations/RulesPage')) },
  { key: 'violations-dashboard', path: '/violations/dashboard', title: 'page.violationsDashboard', access: { anyOf: ['violations.read'] }, menuKey: 'violations', page: page(() => import('./pages/violations/ViolationsDashboardPage')) },
  { key: 'violation-detail', path: '/violations/:id', title: 'page.violationDetail', access: { anyOf: ['violations.read', 'violations.decide'], self: true }, menuKey: 'violations', page: page(() => import('./pages/violations/ViolationDetailPage')) },
  { key: 'discipline', path: '/discipline', title: 'menu.discipline', access: { anyOf: ['violations.decide', 'violations.read'] }, menu: { group: 'discipline', icon: <FileProtectOutlined /> }, page: page(() => import('./pages/discipline/DisciplineListPage')) },
  { key: 'discipline-case', path: '/discipline/:id', title: 'page.disciplineCase', access: { anyOf: ['violations.decide', 'violations.read'], self: true }, menuKey: 'discipline', page: page(() => import('./pages/discipline/DisciplineCasePage')) },
  { key: 'inspections', path: '/inspections', title: 'menu.inspections', access: { anyOf: ['inspections.manage', 'reports.read'] }, menu: { group: 'discipline', icon: <SafetyCertificateOutlined /> }, page: page(() => import('./pages/inspections/InspectionsListPage')) },
  // Open to any signed-in user: the inspected unit's people read their minutes and conclusion; the server decides.
  { key: 'inspection-detail', path: '/inspections/:id', title: 'menu.inspections', access: {}, menuKey: 'inspections', page: page(() => import('./pages/inspections/InspectionPage')) },
  { key: 'directives', path: '/directives', title: 'menu.directives', access: { anyOf: ['reports.read', 'inspections.manage'] }, menu: { group: 'discipline', icon: <NotificationOutlined /> }, planned: true },
  { key: 'reports', path: '/reports', title: 'menu.reports', access: { anyOf: ['reports.read'] }, menu: { group: 'results', icon: <BarChartOutlined /> }, planned: true },
  { key: 'evaluation', path: '/evaluation', title: 'menu.evaluation', access: { anyOf: ['reports.read', 'staff.manage'], self: true }, menu: { group: 'results', icon: <TrophyOutlined /> }, planned: true },
  { key: 'org', path: '/org', title: 'menu.org', access: { anyOf: ['org.read'] }, menu: { group: 'organisation', icon: <ApartmentOutlined /> }, page: page(() => import('./pages/org/OrgPage')) },
  { key: 'staff', path: '/staff', title: 'menu.staff', access: { anyOf: ['staff.read'] }, menu: { group: 'organisation', icon: <TeamOutlined /> }, page: page(() => import('./pages/staff/StaffListPage')) },
  { key: 'staff-import', path: '/staff/import', title: 'page.staffImport', access: { anyOf: ['staff.import'] }, menuKey: 'staff', page: page(() => import('./pages/staff/StaffImportPage')) },
  { key: 'staff-detail', path: '/staff/:id', title: 'page.staffDetail', access: { anyOf: ['staff.read'] }, menuKey: 'staff', page: page(() => import('./pages/staff/StaffDetailPage')) },
  { key: 'faces-gate', path: '/faces/gate-enrollment', title: 'menu.faces', access: { anyOf: ['faces.enroll', 'faces.review'] }, menuKey: 'faces', page: page(() => import('./pages/faces/GateEnrollmentPage')) },
  { key: 'faces', path: '/faces', title: 'menu.faces', access: { anyOf: ['faces.enroll', 'faces.review'] }, menu: { group: 'organisation', icon: <ScanOutlined /> }, page: page(() => import('./pages/faces/FacesPage')) },
  { key: 'users', path: '/users', title: 'menu.users', access: { anyOf: ['users.manage'] }, menu: { group: 'administration', icon: <UserSwitchOutlined /> }, page: page(() => import('./pages/users/UsersPage')) },
  { key: 'audit', path: '/audit', title: 'menu.audit', access: { anyOf: ['audit.read'] }, menu: { group: 'administration', icon: <AuditOutlined /> }, page: page(() => import('./pages/audit/AuditPage')) },
  { key: 'privacy', path: '/privacy', title: 'menu.privacy', access: { anyOf: ['users.manage', 'audit.read'], self: true }, menu: { group: 'administration', icon: <SecurityScanOutlined /> }, planned: true },
];
