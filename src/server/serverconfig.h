#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace kinlist::server {

// Everything kinlist-server can be told on its command line, with the defaults that a
// family server on one machine wants. Tests and benchmarks fill it in directly.
struct ServerConfig
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8477; // 0 = pick a free port
    QString certPath; // PEM; with keyPath, serve wss:// and https://
    QString keyPath;
    QString dataDir;
    // postgresql://...: the data in PostgreSQL (several nodes may share it); empty: SQLite
    // in dataDir.
    QString database;
    // --import-sqlite DIR: move that family server's data into `database`, then exit.
    QString importFrom;

    int accessTokenTtlSec = 900; // at most 15 minutes
    int refreshTokenTtlDays = 30;
    QString passwordHashLimits = QStringLiteral("interactive"); // interactive|moderate|min

    int authTimeoutMs = 15000; // a connection must be signed in by then
    int pingIntervalMs = 20000; // ping a quiet connection after this
    int idleTimeoutMs = 60000; // drop a connection silent for this long
    int rateLimitPerSec = 1000; // frames per second per connection (token bucket)
    int rateBurst = 2000;
    int maxConnectionsPerUser = 16;
    int maxConnections = 20000;
    qint64 maxClockSkewMs = 60000;
    int snapshotThreshold = 1000; // more missed ops than this: send a snapshot
    int maxBatchOps = 512; // ops committed in one transaction at most
    // (SQLite with --sync normal, where a commit syncs nothing) the ops of one loop pass are
    // committed and answered this many at a time: a pass of 256 ops made its first op wait
    // for the last, 27 ms, and the burst of answers stalled the clients (issue 15).
    int cheapCommitOps = 8;
    // (SQLite) Each bucket of lists has its ops added to the op log's per-list index every
    // this many ops (a bucket every opIndexEvery / ServerStore::kOpIndexBuckets ops).
    int opIndexEvery = 2048;
    // (SQLite) Clients' last mutation ids are saved about once a second, this many clients
    // at a time, a slice every progressSliceMs (a long save would hold up everyone's ops).
    int progressSlice = 128;
    int progressSliceMs = 25;
    // An open list's items leave memory after this long without a change or a snapshot
    // sent (they are read again when next needed).
    int listUnloadMs = 300000;
    // Unsent bytes a connection may have queued before it is closed as a stalled reader.
    qint64 maxOutgoingBytes = 4 * 1024 * 1024;
    bool listen = true; // false: no port at all, only the in-process seam (fuzzing)
    bool syncFull = false; // PRAGMA synchronous=FULL (fsync per commit) instead of NORMAL

    bool tlsEnabled() const { return !certPath.isEmpty() && !keyPath.isEmpty(); }

    // Where --database points: postgresql://[user[:password]@][host][:port]/database, the
    // host empty for the local socket, or a socket directory in ?host=/path (as libpq).
    struct Postgres
    {
        QString host; // a name, an address, a socket directory, or empty: the local socket
        int port = 5432;
        QString user;
        QString password;
        QString database;
    };
    static std::optional<Postgres> parsePostgres(const QString &url);
    // Where the data is, for the start-up line: the data directory, or the PostgreSQL
    // database (without its password).
    QString dataDescription() const;

    enum class ParseResult { Ok, Help, Version, Error };
    // Parses kinlist-server's arguments. On Help/Version/Error, `message` holds the text
    // to print.
    static ParseResult parse(const QStringList &arguments, ServerConfig *config, QString *message);
    static QString defaultDataDir();
};

} // namespace kinlist::server
