// Who works on this computer: the one name set in Cài đặt → Nhật ký (`audit.user`), which the audit
// log writes with every change. Screens that record a name of their own (a report's history) take
// it from here, so there is one place to set it; a change made anywhere reaches every screen open.
import { useEffect, useState } from 'react';
import { call } from '../lib/api';

export interface UserName {
  name: string;
  /** The computer's account: what the audit log names when no name is set. */
  account: string;
}

const CHANGED = 'bcnv-user-name';

/** Tells the screens open that the name changed (after `audit.setUser`). */
export function announceUserName(user: UserName): void {
  window.dispatchEvent(new CustomEvent<UserName>(CHANGED, { detail: user }));
}

/** The name recorded for this user's changes: the name set, else the computer's account. */
export const actorOf = (user: UserName | null): string => user?.name || user?.account || '';

/** The user's name as set in Cài đặt (null until read). */
export function useUserName(): UserName | null {
  const [user, setUser] = useState<UserName | null>(null);
  useEffect(() => {
    let live = true;
    void call('audit.user').then(
      (u) => live && setUser(u),
      () => live && setUser({ name: '', account: '' }),
    );
    const onChange = (e: Event) => setUser((e as CustomEvent<UserName>).detail);
    window.addEventListener(CHANGED, onChange);
    return () => {
      live = false;
      window.removeEventListener(CHANGED, onChange);
    };
  }, []);
  return user;
}
