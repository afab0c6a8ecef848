#pragma once

#include "server/syncserver.h"

#include <QTemporaryDir>

#include <memory>

// An in-process kinlist-server on an ephemeral loopback port with its own temporary data
// directory and the cheapest Argon2id limits, for tests.
struct TestServer
{
    QTemporaryDir dir;
    std::unique_ptr<kinlist::server::SyncServer> server;
    kinlist::server::ServerConfig config;

    TestServer();
    bool start();
    void stop();
    QUrl url() const { return server->url(); }
    QByteArray secret() const; // the token secret in the data directory
};

#include "server/epolldispatcher.h"

#include <QCoreApplication>
#include <QTest>

// Like QTEST_GUILESS_MAIN, but on the epoll event dispatcher kinlist-server runs on, so the
// in-process servers and clients of a test exercise it too.
#define KINLIST_SERVER_TEST_MAIN(TestObject)                                                       \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QCoreApplication::setEventDispatcher(new kinlist::server::EpollEventDispatcher);           \
        QCoreApplication app(argc, argv);                                                          \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
