/** Entry point of the game in the browser. */
const root = document.getElementById('app');
if (root) root.textContent = 'Loopwork';
