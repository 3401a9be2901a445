/**
 * One writer at a time for an output folder (content/generated/, dist/): two ingests or builds
 * started together used to share one temporary folder and publish a mix. The lock is a file
 * created with O_EXCL holding the owner's pid; a lock whose process is gone (killed with -9,
 * say) is stale and taken over, so a crash never blocks the next run.
 */
import {
	closeSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export class OutputBusyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OutputBusyError';
	}
}

interface Owner {
	pid: number;
	host: string;
	started: string;
	what: string;
}

/** Takes the lock at `lockPath` or throws OutputBusyError naming the run that holds it. Returns the release function. */
export function lockOutput(lockPath: string, what: string): () => void {
	mkdirSync(dirname(lockPath), { recursive: true });
	const owner: Owner = {
		pid: process.pid,
		host: hostname(),
		started: new Date().toISOString(),
		what,
	};
	for (let attempt = 0; attempt < 3; attempt++) {
		let fd: number;
		try {
			fd = openSync(lockPath, 'wx');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = readOwner(lockPath);
			if (holder === undefined || !isStale(holder)) throw busy(lockPath, holder);
			breakStaleLock(lockPath, holder);
			continue;
		}
		try {
			writeSync(fd, JSON.stringify(owner));
		} finally {
			closeSync(fd);
		}
		let released = false;
		return () => {
			if (released) return;
			released = true;
			// Only our own lock: never one a later run took over.
			if (readOwner(lockPath)?.pid === process.pid) unlinkSync(lockPath);
		};
	}
	throw busy(lockPath, readOwner(lockPath));
}

function readOwner(lockPath: string): Owner | undefined {
	try {
		const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as Owner;
		return typeof owner.pid === 'number' ? owner : undefined;
	} catch {
		// Missing, or created a moment ago and not yet written: treat as held.
		return undefined;
	}
}

/** A lock is stale when its process no longer runs on this machine. */
export function isStale(owner: Pick<Owner, 'pid' | 'host'>): boolean {
	if (owner.host !== hostname()) return false;
	try {
		process.kill(owner.pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

/** Moves the stale lock aside first, so two runs breaking it at once cannot both win. */
function breakStaleLock(lockPath: string, holder: Owner): void {
	const aside = `${lockPath}.stale-${process.pid}`;
	try {
		renameSync(lockPath, aside);
	} catch {
		return; // someone else moved it: try again
	}
	const moved = readOwner(aside);
	if (moved?.pid === holder.pid && moved.started === holder.started) unlinkSync(aside);
	else renameSync(aside, lockPath); // it was a fresh lock after all: put it back
}

function busy(lockPath: string, holder: Owner | undefined): OutputBusyError {
	const who = holder
		? `${holder.what}（进程 ${holder.pid}，${holder.started} 开始）`
		: '另一个进程';
	return new OutputBusyError(
		`${who}正在写入同一输出，本次未做任何改动；请等它结束后再运行（锁文件 ${lockPath}）`,
	);
}
