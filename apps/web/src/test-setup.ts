import '@testing-library/jest-dom';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// The web specs share two cores with the server and e2e suites in one jest run (and in CI with
// other work on the machine): a screen that renders in 50 ms alone can take over a second then.
// findBy*/waitFor wait up to 10 s instead of 1 s; a real failure still fails, only later.
configure({ asyncUtilTimeout: 10_000 });

// react-router encodes with TextEncoder at load time; jsdom does not provide it.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// Mantine reads media queries and observes element sizes; jsdom implements neither.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;

// Combobox scrolls the highlighted option into view.
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

afterEach(() => {
  // Unmount first: Mantine's notification store is global and would otherwise carry a
  // notification (role="alert") over into the next test.
  cleanup();
  notifications.clean();
  window.localStorage.clear();
});
