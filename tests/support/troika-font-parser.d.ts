// troika-three-text's font parser module (untyped); tests/support/troikaLayout.ts gives it its types.
declare module 'troika-three-text/src/FontParser.js';
