import { chooseChromium, SYSTEM_CHROMIUM } from '../support/chromium';

const present = Object.assign((path: string) => path === SYSTEM_CHROMIUM, { toString: () => 'installed' });
const absent = Object.assign(() => false, { toString: () => 'absent' });

describe('which Chromium the browser tests drive', () => {
  it.each([
    [{ CHROMIUM_PATH: '/opt/chrome/chrome' }, present, { kind: 'path', path: '/opt/chrome/chrome', reason: 'CHROMIUM_PATH' }], // explicit path wins
    [{ CHROMIUM_PATH: '' }, present, { kind: 'path', path: SYSTEM_CHROMIUM, reason: 'present on this machine' }], // empty CHROMIUM_PATH counts as unset
    [{}, present, { kind: 'path', path: SYSTEM_CHROMIUM, reason: 'present on this machine' }], // Debian's binary preferred when installed
    [{}, absent, { kind: 'npm' }], // a machine with only Node and npm
    [{ CHROMIUM_PATH: ' ', CHROMIUM_PREFER_SYSTEM: 'false' }, present, { kind: 'npm' }], // the system binary hidden on purpose
    [{ CHROMIUM_PREFER_SYSTEM: 'FALSE' }, present, { kind: 'npm' }], // case-insensitive
  ])('%j with /usr/bin/chromium %s', (env, exists, expected) => {
    expect(chooseChromium(env, exists)).toEqual(expected);
  });
});
