// Runs at the server: asks for a run (and adds it to the store, where its messages will land) and
// cancels one. `link` is anything with `live` and `send(message)`: the websocket connection, or a fake
// in the tests. A run the store stops at its event bound is cancelled here too.

export class runner {
  constructor(store, link, notify) {
    this.store = store;
    this.link = link;
    this.notify = notify;
    store.listen((note) => {
      if (note.type === 'overflow' && !note.run.finished && link.live) link.send({ type: 'cancel', run: note.run.id });
    });
  }

  // `speed`: a number or 'instant'; `virtual` asks for the virtual clock whatever the speed;
  // `random_seed` replays a run's `random` numbers (a link's seed).
  start(purpose, program, { speed = 1, virtual = false, random_seed } = {}) {
    if (!this.link.live) {
      this.notify('Not connected to the server: the program cannot run until it is back.');
      return null;
    }
    const run = this.store.add_run(purpose, program);
    const request = { type: 'run', run: run.id };
    if (program.scenario) request.scenario = program.scenario;
    else request.source = program.source;
    if (virtual || speed === 'instant') request.clock = 'virtual';
    else request.speed = speed;
    if (random_seed !== undefined) request.random_seed = random_seed;
    run.settings = { clock: request.clock ?? 'scaled', speed: request.speed ?? null };
    if (random_seed !== undefined) run.settings.random_seed = random_seed;
    this.link.send(request);
    return run;
  }

  // Stop a run (if it is still going) and forget it.
  cancel(run) {
    if (!run) return;
    if (!run.finished && this.link.live) {
      run.cancelled_by_us = true;
      this.link.send({ type: 'cancel', run: run.id });
    }
    this.store.remove(run);
  }
}
