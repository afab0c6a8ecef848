#include "testserver.h"

#include <QFile>

TestServer::TestServer()
{
    config.port = 0;
    config.dataDir = dir.path() + QStringLiteral("/data");
    config.passwordHashLimits = QStringLiteral("min");
}

bool TestServer::start()
{
    server = std::make_unique<kinlist::server::SyncServer>(config);
    QString error;
    if (!server->start(&error)) {
        qWarning() << "test server failed to start:" << error;
        return false;
    }
    return true;
}

void TestServer::stop()
{
    server.reset();
}

QByteArray TestServer::secret() const
{
    QFile f(config.dataDir + QStringLiteral("/jwt-secret"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}
