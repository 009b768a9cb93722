// The typed bridge, and nothing else: one function per contract method, each a single IPC call.
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, methodNames } from '../shared/contract';

const api = Object.fromEntries(
  methodNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(channelOf(name), args)]),
);

contextBridge.exposeInMainWorld('api', Object.freeze(api));
