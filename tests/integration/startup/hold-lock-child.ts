/**
 * Holds an exclusive lock on a SQLite file until killed, as another
 * process (a second kiosk, a sqlite3 shell in a transaction) would.
 * Prints "held" once the lock is taken.
 */
import Database from 'better-sqlite3';

const db = new Database(process.argv[2]!);
db.pragma('locking_mode = EXCLUSIVE');
db.exec('BEGIN EXCLUSIVE');
db.prepare('SELECT count(*) FROM sqlite_master').get();
console.log('held');
// The timer keeps `db` referenced: a collected connection would close and drop the lock.
setInterval(() => db.open, 60_000);
