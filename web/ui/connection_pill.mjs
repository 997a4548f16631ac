// The pill in the top bar that tells the truth about the connection, and "Try again" once the
// server is gone.

const $ = (id) => document.getElementById(id);

export function connection_pill(on_retry) {
  $('retry').addEventListener('click', on_retry);
  return function show(state, text) {
    $('connection').dataset.state = state;
    $('connection').textContent = text;
    $('retry').hidden = state !== 'gone';
  };
}
