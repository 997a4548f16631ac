// The page's entry point: connect to the server's websocket and show what it says.
const connection = document.getElementById('connection');
const serverName = document.getElementById('server-name');
const protocolVersion = document.getElementById('protocol-version');

const maxBackoffMs = 10_000;
let backoffMs = 500;

function showState(state, text) {
  connection.dataset.state = state;
  connection.textContent = text;
}

function websocketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

function connect() {
  const socket = new WebSocket(websocketUrl());
  socket.addEventListener('open', () => {
    backoffMs = 500;
    showState('live', 'live');
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'hello') {
      serverName.textContent = message.server;
      protocolVersion.textContent = String(message.protocol);
    } else if (message.type === 'error') {
      showState('live', `live — server said: ${message.message}`);
    }
  });
  socket.addEventListener('close', (event) => {
    // Reconnect with backoff; the server may be restarting
    const seconds = (backoffMs / 1000).toFixed(1);
    const reason = event.code === 1001 ? 'server went away' : 'connection lost';
    showState('reconnecting', `${reason} — reconnecting in ${seconds} s`);
    setTimeout(connect, backoffMs);
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
  });
}

connect();
