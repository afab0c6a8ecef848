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
