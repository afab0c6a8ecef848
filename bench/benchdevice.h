#pragma once

// A device of the benchmarks that drive the sync client library (soak, reconnect): it
// signs in as a family member on a connection of its own, then holds its own LocalStore
// and a SyncClient with that session's tokens, not started yet.
#include "client/localstore.h"
#include "client/syncclient.h"
#include "common/testclient.h"

#include <memory>

namespace kinlist::bench {

struct SyncDevice
{
    std::unique_ptr<client::LocalStore> store;
    std::unique_ptr<client::SyncClient> sync;

    // False if signing in or opening the database failed.
    bool open(const QUrl &server, const QString &email, const QString &password,
              const QString &connectionName, const QString &databasePath)
    {
        TestClient login;
        login.open(server);
        login.hello();
        login.login(email, password);
        store = std::make_unique<client::LocalStore>(connectionName);
        Error e;
        if (login.accessToken.isEmpty() || !store->open(databasePath, &e))
            return false;
        sync = std::make_unique<client::SyncClient>(store.get(), server);
        sync->setTokens(login.accessToken, login.refreshToken);
        return true;
    }
};

} // namespace kinlist::bench
