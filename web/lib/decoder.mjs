// The protocol decoder: one server text frame in, one plain message object out (protocol/README.md).
// Unknown message types and unknown fields are kept out of the way, as the versioning rules ask.

export class protocol_error extends Error {}

const known_types = new Set(['hello', 'events', 'run_finished', 'error',
  'room_created', 'room_joined', 'room_reclaimed', 'room_events', 'room_position', 'room_poll', 'room_status', 'room_presenter',
  'room_ended']);

function require_field(message, name, type) {
  const value = message[name];
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (actual !== type) {
    throw new protocol_error(`${message.type ?? 'message'}: field "${name}" should be ${type}, got ${actual}`);
  }
  return value;
}

// Decode one frame. Returns null for a message type this client does not know (to be ignored).
export function decode_message(text) {
  let message;
  try {
    message = JSON.parse(text);
  } catch (error) {
    throw new protocol_error(`the server sent text that is not JSON (${error.message})`);
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    throw new protocol_error('the server sent JSON that is not an object');
  }
  require_field(message, 'type', 'string');
  if (!known_types.has(message.type)) return null;
  switch (message.type) {
    case 'hello':
      require_field(message, 'protocol', 'number');
      require_field(message, 'limits', 'object');
      for (const scenario of require_field(message, 'scenarios', 'array')) {
        for (const field of ['id', 'title', 'source']) require_field(scenario, field, 'string');
      }
      break;
    case 'events':
      require_field(message, 'run', 'string');
      for (const event of require_field(message, 'events', 'array')) {
        require_field(event, 'seq', 'number');
        require_field(event, 't', 'number');
        require_field(event, 'kind', 'string');
      }
      break;
    case 'run_finished':
      require_field(message, 'run', 'string');
      require_field(message, 'status', 'string');
      require_field(message, 'elapsed', 'number');
      break;
    case 'error':
      require_field(message, 'code', 'string');
      require_field(message, 'message', 'string');
      break;
    case 'room_created':
      require_field(message, 'room', 'string');
      require_field(message, 'secret', 'string');
      require_field(message, 'events', 'array');
      break;
    case 'room_joined':
    case 'room_reclaimed':
      require_field(message, 'room', 'string');
      require_field(message, 'programs', 'array');
      require_field(message, 'events', 'array');
      require_field(message, 'position', 'object');
      break;
    case 'room_events':
      require_field(message, 'room', 'string');
      require_field(message, 'program', 'number');
      require_field(message, 'events', 'array');
      break;
    case 'room_position':
      require_field(message, 'room', 'string');
      require_field(message, 'step', 'number');
      require_field(message, 'playing', 'boolean');
      require_field(message, 'speed', 'number');
      require_field(message, 'mode', 'string');
      break;
    case 'room_presenter':
      require_field(message, 'room', 'string');
      require_field(message, 'state', 'string');
      break;
    case 'room_poll':
    case 'room_status':
    case 'room_ended':
      require_field(message, 'room', 'string');
      break;
  }
  return message;
}

// Check that a batch continues a run's events without a gap; returns the events to append.
export function continue_sequence(next_seq, events) {
  let expected = next_seq;
  for (const event of events) {
    if (event.seq !== expected) {
      throw new protocol_error(`events out of order: expected seq ${expected}, got ${event.seq}`);
    }
    expected += 1;
  }
  return events;
}
