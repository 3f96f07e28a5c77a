import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { bootKiosk } from './modes/kiosk/boot.ts';
import { useExhibition } from './store/store.ts';
import './ui/styles.css';

// The lobby kiosk guards against exits and dead screens before anything renders (and if React dies).
if (useExhibition.getState().mode === 'kiosk') bootKiosk();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
