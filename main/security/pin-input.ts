import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Reads the PIN without it ever being an argument (argv shows in `ps` and in
 * shell history). On a terminal: asked twice, not echoed. Piped: the first
 * line of stdin (for provisioning scripts).
 */
export async function readPin(input: NodeJS.ReadableStream & { isTTY?: boolean }, prompt: NodeJS.WritableStream): Promise<string> {
  if (!input.isTTY) {
    const rl = createInterface({ input, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line.trim();
    }
    return '';
  }
  const first = await askHidden(input, prompt, 'New technician PIN: ');
  const second = await askHidden(input, prompt, 'Repeat the PIN: ');
  return first === second ? first : '\0mismatch';
}

function askHidden(input: NodeJS.ReadableStream, prompt: NodeJS.WritableStream, question: string): Promise<string> {
  prompt.write(question);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      prompt.write('\n');
      resolve(answer.trim());
    }),
  );
}
