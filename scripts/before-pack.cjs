// electron-builder beforePack hook (electron-builder.yml): never package a better-sqlite3 build made
// for another Electron version, platform or architecture. Logic: checkPackTarget in electron-native.mjs.
const path = require('node:path');

async function beforePack(context) {
  const { checkPackTarget } = await import('./electron-native.mjs');
  const file = checkPackTarget({
    root: path.resolve(__dirname, '..'),
    electronPlatformName: context.electronPlatformName,
    arch: context.arch,
  });
  console.log(`[before-pack] better-sqlite3 cho Electron: ${file}`);
}

module.exports = beforePack;
module.exports.default = beforePack;
