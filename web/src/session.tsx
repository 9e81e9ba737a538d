import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission } from '../../src/platform/access';
import { ApiError, api, setCsrfToken } from './api/client';
import type { Schemas } from './api/contract';
import type { Locale } from './i18n/locale';
import { useI18n } from './i18n';

/** Who may open a route or see a menu entry: any one of the permissions, or (with `self`) anyone with a staff record. */
export interface AccessRule {
  anyOf?: Permission[];
  self?: boolean;
}

/** The signed-in user with roles and permissions (GET /api/auth/me). */
export type Me = Schemas['CurrentUser'];

type Status = 'loading' | 'anonymous' | 'ready';

interface SessionValue {
  status: Status;
  me: Me | null;
  /** `chosenLocale`: a language picked on the login page, which then replaces the one saved for the user. */
  login: (username: string, password: string, chosenLocale?: Locale) => Promise<Me>;
  logout: () => Promise<void>;
  /** Called when any request answers 401: the session ended (expired, logged out elsewhere). */
  expire: () => void;
  /** Called when the server answers 403 PASSWORD_CHANGE_REQUIRED: the shell then shows the forced password form. */
  requirePasswordChange: () => void;
  changeLocale: (locale: Locale) => void;
  can: (permission: Permission) => boolean;
  allows: (rule: AccessRule) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const adopt = useCallback(
    (user: Me) => {
      setCsrfToken(user.csrfToken);
      if (user.locale === 'vi' || user.locale === 'en') setLocale(user.locale);
      setMe(user);
      setStatus('ready');
    },
    [setLocale],
  );

  const expire = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
    setStatus('anonymous');
  }, []);

  const requirePasswordChange = useCallback(() => {
    setMe((current) => (current && !current.mustChangePassword ? { ...current, mustChangePassword: true } : current));
  }, []);

  useEffect(() => {
    let live = true;
    api
      .get('/api/auth/me', undefined, { quiet: true })
      .then((user) => live && adopt(user))
      .catch(() => live && expire());
    return () => {
      live = false;
    };
  }, [adopt, expire]);

  const value = useMemo<SessionValue>(() => {
    const permissions = new Set(me?.permissions ?? []);
    const can = (permission: Permission) => permissions.has(permission);
    return {
      status,
      me,
      expire,
      requirePasswordChange,
      can,
      allows: (rule) =>
        (rule.anyOf?.some(can) ?? false) || (rule.self === true && Boolean(me?.personId)) || (!rule.anyOf && !rule.self),
      login: async (username, password, chosenLocale) => {
        // Login answers with the short user and sets the cookies; the full Me (roles, permissions) comes from /me.
        const answer = await api.post('/api/auth/login', { username, password }, { quiet: true });
        setCsrfToken(answer.csrfToken);
        let user: Me = await api.get('/api/auth/me', undefined, { quiet: true });
        if (chosenLocale && chosenLocale !== user.locale)
          user = await api.patch('/api/auth/me', { locale: chosenLocale }, { quiet: true }).catch(() => ({ ...user, locale: chosenLocale }));
        adopt(user);
        return user;
      },
      logout: async () => {
        try {
          await api.post('/api/auth/logout', undefined, { quiet: true });
        } catch (err) {
          // Already signed out on the server (401) is fine; anything else still ends the session here.
          if (!(err instanceof ApiError)) throw err;
        }
        expire();
      },
      changeLocale: (locale) => {
        setLocale(locale);
        if (me) {
          setMe({ ...me, locale });
          void api.patch('/api/auth/me', { locale }, { quiet: true }).catch(() => {
            // The choice is kept in localStorage; the server copy is only for other devices.
          });
        }
      },
    };
  }, [status, me, adopt, expire, requirePasswordChange, setLocale]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For pages under the shell: the signed-in user (the shell never renders a page without one). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
