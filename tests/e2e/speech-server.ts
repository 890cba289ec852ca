import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private speech-dispatcher (the speech server Chromium speaks through on
 * Linux) for one test, on its own socket, killed with its process group at
 * the end. One output module: espeak-ng (real synthesis; audio to libao's
 * null driver, since a test machine has no sound card) or "recorder", a
 * generic module that appends "language|text" of every message it is asked
 * to say to a file, so a test reads exactly what reached the speech server.
 */
/**
 * Chromium on Linux speaks only with --enable-speech-dispatcher, and through
 * the server in SPEECHD_ADDRESS: launch options for a browser that talks to
 * this one (and never autostarts a speech server of its own).
 */
export function speakingChromium(server: SpeechServer, base: { args: string[] }) {
  return { ...base, args: [...base.args, '--enable-speech-dispatcher'], env: { ...process.env, SPEECHD_ADDRESS: server.address } };
}

export interface SpeechServer {
  /** For Chromium's environment: SPEECHD_ADDRESS. */
  readonly address: string;
  /** Lines "language|text" the recorder module received, in order. */
  spoken(): { lang: string; text: string }[];
  stop(): Promise<void>;
}

const MODULES = '/usr/lib/speech-dispatcher-modules';

export async function startSpeechServer(defaultModule: 'recorder' | 'espeak-ng'): Promise<SpeechServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-speechd-'));
  const conf = join(dir, 'conf');
  mkdirSync(join(conf, 'modules'), { recursive: true });
  mkdirSync(join(dir, 'home'));
  const log = join(dir, 'spoken.log');
  writeFileSync(
    join(conf, 'speechd.conf'),
    [
      'LogLevel 1',
      `LogDir "${dir}"`,
      'AudioOutputMethod "libao"',
      // One module each: espeak-ng lists some 13,000 voice variants, which a browser takes seconds to load.
      defaultModule === 'recorder'
        ? 'AddModule "recorder" "sd_generic" "recorder.conf"'
        : 'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      `DefaultModule ${defaultModule}`,
      'DefaultLanguage "sv"',
      '',
    ].join('\n'),
  );
  const langs = ['sv', 'en', 'fi', 'ar'];
  writeFileSync(
    join(conf, 'modules', 'recorder.conf'),
    [
      'Debug 0',
      `GenericExecuteSynth "printf '%s|%s\\\\n' \\'$LANGUAGE\\' \\'$DATA\\' >> ${log}"`,
      ...langs.map((l) => `GenericLanguage "${l}" "${l}" "utf-8"`),
      ...langs.map((l) => `AddVoice "${l}" "MALE1" "${l}"`),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(conf, 'modules', 'espeak-ng.conf'),
    existsSync('/etc/speech-dispatcher/modules/espeak-ng.conf') ? readFileSync('/etc/speech-dispatcher/modules/espeak-ng.conf') : '',
  );
  writeFileSync(join(dir, 'home', '.libao'), 'default_driver=null\n');
  const socket = join(dir, 'speechd.sock');
  const child: ChildProcess = spawn(
    'speech-dispatcher',
    ['--run-single', '-C', conf, '-m', MODULES, '-c', 'unix_socket', '-S', socket, '-t', '0', '-L', dir],
    { env: { ...process.env, HOME: join(dir, 'home'), XDG_RUNTIME_DIR: dir }, stdio: 'ignore', detached: true },
  );
  const pgid = child.pid!;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 15_000;
  while (!existsSync(socket)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('speech-dispatcher did not start (is it installed?)');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    address: `unix_socket:${socket}`,
    spoken: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [lang = '', ...text] = line.split('|');
              return { lang, text: text.join('|') };
            })
        : [],
    stop: async () => {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
