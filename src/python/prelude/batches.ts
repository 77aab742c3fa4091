/**
 * The prelude's Batch: the object a Batch node's spawns add jobs to, which starts a task
 * for each full chunk and one for the last, partial chunk when main() flushes it.
 */

/** The Batch class: when the wiring has a Batch node. */
export const BATCHES = `


class Batch:
    """Gathers jobs into chunks of \`size\`: each full chunk gets a task, the last at flush()."""

    def __init__(self, size, tg, handle_chunk, *args):
        self.size, self.tg, self.handle_chunk, self.args = size, tg, handle_chunk, args
        self.chunk = []

    def add(self, job):
        self.chunk.append(job)
        if len(self.chunk) >= self.size:
            self.flush()

    def flush(self):
        if self.chunk:
            self.tg.create_task(self.handle_chunk(self.chunk, *self.args))
            self.chunk = []`;
