import { ROLE_LABELS as GLOSSARY_ROLE_LABELS } from '../glossary';

/**
 * Roles are positions people hold in a unit (domain.md §10.2 item 4); permissions attach to roles here, as data.
 * A role assignment always names a unit: the permission holds for that unit, its sub-units and former units merged
 * into them. "Own records" (a staff member's own attendance, violations, leave) are handled separately as self access.
 */
export const ROLES = [
  'sysadmin',
  'chairman',
  'office_chief',
  'home_affairs_head',
  'inspector',
  'unit_head',
  'staff',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'staff.read',
  'staff.manage',
  'staff.import',
  'users.manage',
  'audit.read',
  'attendance.read',
  'attendance.manage',
  'leave.approve',
  'calendar.manage',
  'camera.live',
  'camera.playback',
  'camera.manage',
  'footage.raw',
  'evidence.export',
  'faces.enroll',
  'faces.review',
  'violations.read',
  'violations.decide',
  'rules.manage',
  'inspections.manage',
  'reports.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const leaderRead: Permission[] = ['org.read', 'staff.read', 'attendance.read', 'violations.read', 'reports.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sysadmin: PERMISSIONS,
  // Chủ tịch / Phó Chủ tịch: sees everything of the unit, decides, watches the cameras.
  chairman: [
    ...leaderRead,
    'audit.read',
    'leave.approve',
    'camera.live',
    'camera.playback',
    'footage.raw',
    'evidence.export',
    'violations.decide',
    'faces.review',
  ],
  // Chánh Văn phòng: runs the office, attendance and the camera system day to day.
  office_chief: [
    ...leaderRead,
    'staff.manage',
    'attendance.manage',
    'leave.approve',
    'calendar.manage',
    'camera.live',
    'camera.playback',
    'camera.manage',
    'footage.raw',
    'evidence.export',
    'faces.enroll',
    'faces.review',
  ],
  // Lãnh đạo phụ trách nội vụ (no Phòng Nội vụ at commune level since 1/7/2025): staff records, discipline facts, reports.
  home_affairs_head: [
    ...leaderRead,
    'staff.manage',
    'staff.import',
    'audit.read',
    'attendance.manage',
    'calendar.manage',
    'camera.live',
    'camera.playback',
    'evidence.export',
    'faces.enroll',
    'violations.decide',
    'rules.manage',
  ],
  // Thành viên tổ kiểm tra công vụ.
  inspector: ['org.read', 'staff.read', 'attendance.read', 'violations.read', 'inspections.manage', 'camera.playback'],
  // Trưởng đơn vị (phòng, ban, bộ phận).
  unit_head: ['org.read', 'staff.read', 'attendance.read', 'leave.approve', 'violations.read'],
  // Công chức, viên chức: only their own records (self access), plus the org chart.
  staff: ['org.read'],
};

/** The roles' words come from the glossary (audit D13: "Lãnh đạo phụ trách nội vụ"; the code stays). */
export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = GLOSSARY_ROLE_LABELS;
