import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { useExhibition } from './store/store.ts';
import './ui/styles.css';

function render() {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The lobby kiosk guards against exits and dead screens before anything renders (and if React
// dies). Its code is a chunk of its own, precached with the rest for the offline kiosk.
if (useExhibition.getState().mode === 'kiosk') {
  import('./modes/kiosk/boot.ts').then(({ bootKiosk }) => bootKiosk()).finally(render);
} else {
  render();
}
