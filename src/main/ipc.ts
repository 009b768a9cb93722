// Turns the contract into ipcMain.handle channels. Each call is checked to come from the
// app's own page before its argument is validated and dispatched.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelOf, methodNames } from '../shared/contract';
import type { Dispatch } from './dispatch';
import type { Result } from '../shared/errors';

export function registerApi(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: (url: string) => boolean): string[] {
  const channels: string[] = [];
  for (const name of methodNames) {
    const channel = channelOf(name);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ giao diện của ứng dụng nên bị từ chối.' },
        };
      }
      return dispatch(name, args);
    });
    channels.push(channel);
  }
  return channels;
}
