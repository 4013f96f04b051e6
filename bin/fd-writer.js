'use strict';
/**
 * A `{ write }` for the CLI's stdout and stderr that writes to the file descriptor with
 * fs.writeSync instead of going through process.stdout.
 *
 * Why: on Linux and macOS Node writes stdout synchronously anyway, to files, terminals and pipes
 * alike, but the first touch of process.stdout loads Node's stream machinery (and for a terminal
 * its tty and net modules): about a tenth of a one-line run's start-up, spent to do what one
 * system call does. On Windows, where console and pipe writes differ, bin/diag502.js keeps
 * process.stdout.
 *
 * A reader that leaves (`diag502 big.log | head`) is not an error: the process exits quietly,
 * as `head` expects. A descriptor that is non-blocking (EAGAIN, the parent opened the pipe that
 * way) hands the rest to the process stream, which waits for the pipe to drain.
 */
const fs = require('node:fs');
const { Buffer } = require('node:buffer');

function fdWriter(fd, stream, { writeSync = fs.writeSync, exit = process.exit } = {}) {
  let fallback = false;
  return {
    write(chunk) {
      if (fallback) return stream().write(chunk);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += writeSync(fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          if (error.code === 'EPIPE') return exit(0);
          if (error.code !== 'EAGAIN') throw error;
          fallback = true;
          return stream().write(bytes.subarray(offset));
        }
      }
      return true;
    },
  };
}

module.exports = { fdWriter };
