#include "testserver.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace {

// A connection to the database at `url`, for the test's own statements; closed with it.
class Connection
{
public:
    explicit Connection(const QString &url)
        : m_name(QStringLiteral("test-%1").arg(QRandomGenerator::global()->generate64()))
    {
        const QUrl u(url);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setDatabaseName(u.path().mid(1));
        if (!db.open())
            qWarning() << "cannot connect to" << url << db.lastError().text();
    }
    ~Connection() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

} // namespace

QUrl TestServer::waitUntilListening(QProcess &process)
{
    QByteArray out;
    const QRegularExpression re(QStringLiteral("listening on (ws://\\S+)"));
    QRegularExpressionMatch m;
    const bool up = QTest::qWaitFor(
        [&] {
            out += process.readAllStandardOutput();
            m = re.match(QString::fromUtf8(out));
            return m.hasMatch() || process.state() == QProcess::NotRunning;
        },
        10000);
    return up && m.hasMatch() ? QUrl(m.captured(1)) : QUrl();
}

bool TestServer::postgres()
{
    return qEnvironmentVariableIsSet("KINLIST_TEST_POSTGRES");
}

QString TestServer::postgresUrl()
{
    QFile file(qEnvironmentVariable("KINLIST_TEST_POSTGRES"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString TestServer::createPostgresDatabase()
{
    const QString admin = postgresUrl();
    if (admin.isEmpty())
        return {};
    const QString name = QStringLiteral("kt_%1").arg(QRandomGenerator::global()->generate64(), 16,
                                                     16, QLatin1Char('0'));
    {
        const Connection c(admin);
        QSqlQuery q(c.db());
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            qWarning() << "cannot create database" << name << q.lastError().text();
            return {};
        }
    }
    QUrl url(admin);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

TestServer::TestServer()
{
    config.port = 0;
    config.dataDir = dir.path() + QStringLiteral("/data");
    config.passwordHashLimits = QStringLiteral("min");
    // (SQLite) Runs of a suite with the op index brought up to date every few ops, so that
    // its reads find ops in the index and at the end of the log.
    if (qEnvironmentVariableIsSet("KINLIST_TEST_OP_INDEX_EVERY"))
        config.opIndexEvery = qEnvironmentVariableIntValue("KINLIST_TEST_OP_INDEX_EVERY");
    if (postgres())
        config.database = createPostgresDatabase();
}

bool TestServer::start()
{
    if (postgres() && config.database.isEmpty()) {
        qWarning() << "test server: no database of its own on the fixture's PostgreSQL";
        return false;
    }
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

int TestServer::execSql(const QString &sql) const
{
    if (!config.database.isEmpty()) {
        const Connection c(config.database);
        QSqlQuery q(c.db());
        return q.exec(sql) ? q.numRowsAffected() : -1;
    }
    const QString name = QStringLiteral("test-sqlite-%1").arg(quintptr(this));
    int rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(config.dataDir + QStringLiteral("/kinlist.db"));
        if (db.open()) {
            QSqlQuery q(db);
            rows = q.exec(sql) ? q.numRowsAffected() : -1;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QByteArray TestServer::secret() const
{
    if (!config.database.isEmpty()) {
        const Connection c(config.database);
        QSqlQuery q(c.db());
        if (!q.exec(QStringLiteral("SELECT value FROM secrets WHERE name = 'jwt'")) || !q.next())
            return {};
        return q.value(0).toByteArray();
    }
    QFile f(config.dataDir + QStringLiteral("/jwt-secret"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}
