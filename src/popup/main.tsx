import { render } from 'preact';
import { App } from './App';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
// The benchmark reads this: the popup's first render, in ms after it opened.
performance.mark('evidence-lens:popup-rendered');
