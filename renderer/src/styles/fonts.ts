// Fonts ship inside the app (Vite copies the files next to the page): no remote font is ever fetched.
// Each weight file declares its script subsets with unicode-range, so a page only loads what it shows;
// only the woff2 files are shipped (vite.config.mts drops the CSS's woff fallback).
// Weights: 400 for text, 600 for headings and buttons.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/600.css';
