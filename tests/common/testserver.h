#pragma once

#include "server/syncserver.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

// An in-process kinlist-server on an ephemeral loopback port with its own temporary data
// directory and the cheapest Argon2id limits, for tests. Where KINLIST_TEST_POSTGRES names
// the url file of the PostgreSQL the CTest fixture started (tests/postgres/postgres.sh),
// the server keeps its data there instead, in a database of its own.
struct TestServer
{
    QTemporaryDir dir;
    std::unique_ptr<kinlist::server::SyncServer> server;
    kinlist::server::ServerConfig config;

    TestServer();
    bool start();
    void stop();
    QUrl url() const { return server->url(); }
    QByteArray secret() const; // the token secret in the data directory (or the database)
    // Runs `sql` on the server's database (SQLite file or PostgreSQL), as an operator
    // would; the rows it changed, or -1 on failure.
    int execSql(const QString &sql) const;

    // Whether this run keeps the data in PostgreSQL (KINLIST_TEST_POSTGRES is set).
    static bool postgres();
    // The fixture's superuser URL (postgresql://kinlist@127.0.0.1:PORT/postgres), or empty
    // when PostgreSQL was not started (its binaries are missing).
    static QString postgresUrl();
    // Makes a database of its own on the fixture's PostgreSQL; its URL, or empty.
    static QString createPostgresDatabase();
    // The ws:// URL a started kinlist-server process says it listens on, once it does
    // (empty if it does not within 10 s, or exits).
    static QUrl waitUntilListening(QProcess &process);
};

#include "server/epolldispatcher.h"

#include <QCoreApplication>
#include <QTest>

// Like QTEST_GUILESS_MAIN, but on the epoll event dispatcher kinlist-server runs on, so the
// in-process servers and clients of a test exercise it too. A run on PostgreSQL without
// PostgreSQL (its binaries missing) says so and exits 77, which CTest counts as skipped.
#define KINLIST_SERVER_TEST_MAIN(TestObject)                                                       \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QCoreApplication::setEventDispatcher(new kinlist::server::EpollEventDispatcher);           \
        QCoreApplication app(argc, argv);                                                          \
        if (TestServer::postgres() && TestServer::postgresUrl().isEmpty()) {                       \
            qWarning("SKIP: no PostgreSQL 15 for this run (install postgresql-15 with "            \
                     "scripts/install-deps.sh)");                                                  \
            return 77;                                                                             \
        }                                                                                          \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
