/**
 * The benchmark's floor: the least this stack can ship — a bare R3F canvas with one drei <Text>
 * in the exhibition's own font, plus the smallest stand-ins for what the benchmark drives
 * (W walks the camera forward; `#/panel/<id>` opens a plain dialog, Esc closes it), so the same
 * measuring code runs on both pages. Built with the exhibition's vite config (tests/bench/build.ts).
 */
import { Text } from '@react-three/drei';
import { Canvas, useFrame } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

// The same file the exhibition's boards use (made by the build from the content's characters).
const FONT = new URL('generated/fonts/NotoSansSC-Regular.woff', `${location.origin}/`).href;

const held = new Set<string>();
addEventListener('keydown', (event) => held.add(event.key.toLowerCase()));
addEventListener('keyup', (event) => held.delete(event.key.toLowerCase()));

function Walker() {
  useFrame(({ camera }, delta) => {
    if (held.has('w')) camera.position.z -= 2.4 * Math.min(delta, 0.1);
  });
  return null;
}

function Floor() {
  const [panel, setPanel] = useState(() => /^#\/panel\/(.+)$/.exec(location.hash)?.[1] ?? null);
  const reported = useRef(false);
  useEffect(() => {
    const onHash = () => setPanel(/^#\/panel\/(.+)$/.exec(location.hash)?.[1] ?? null);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') location.hash = '#/';
    };
    addEventListener('hashchange', onHash);
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('hashchange', onHash);
      removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <>
      <Canvas camera={{ position: [0, 1.6, 4] }}>
        <Text
          font={FONT}
          fontSize={0.4}
          color="#f3d48a"
          position={[0, 1.6, 0]}
          onSync={() => {
            if (reported.current) return;
            reported.current = true;
            performance.mark('exhibit:text-ready');
          }}
        >
          党史长廊
        </Text>
        <Walker />
      </Canvas>
      {panel && (
        <div role="dialog" aria-label={panel}>
          {panel}
        </div>
      )}
    </>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<Floor />);
