import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Environment for git in tests: no user or system configuration leaks in. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(home, '.gitconfig-none'), HOME: home, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
}

/** A throwaway git repository for end-to-end tests of base/head comparison. */
export class TestRepo {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'flowguard-repo-'));
    this.env = gitEnv(this.dir);
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8' });
  }

  /** Writes files (null deletes); copies a folder or file with `{ from }`. */
  write(files: Record<string, string | Uint8Array | { from: string } | null>): void {
    for (const [path, content] of Object.entries(files)) {
      const abs = join(this.dir, path);
      if (content === null) rmSync(abs, { recursive: true, force: true });
      else if (typeof content === 'object' && 'from' in content) {
        rmSync(abs, { recursive: true, force: true });
        mkdirSync(dirname(abs), { recursive: true });
        cpSync(content.from, abs, { recursive: true });
      } else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
  }

  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
