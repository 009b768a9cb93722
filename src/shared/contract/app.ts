import { method } from './define';
import { emptyInput } from './schemas';

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: string;
  dataDir: string;
}

export const appContract = {
  'app.info': method(emptyInput).returns<AppInfo>(),
};
