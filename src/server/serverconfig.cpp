#include "serverconfig.h"

#include <QUrl>
#include <QUrlQuery>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>

namespace kinlist::server {

QString ServerConfig::defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + QStringLiteral("/kinlist-server");
}

ServerConfig::ParseResult ServerConfig::parse(const QStringList &arguments, ServerConfig *config,
                                              QString *message)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Kinlist sync server: accounts, households and live shared lists over WebSocket."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version and exit."));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on (default 127.0.0.1:8477; port 0 picks one)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption cert(QStringLiteral("cert"),
                                  QStringLiteral("TLS certificate (PEM); serve wss:// with --key."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("TLS private key (PEM)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption data(
        QStringLiteral("data"),
        QStringLiteral("Directory for the database and the token secret (default %1).")
            .arg(defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral(
            "Keep the data in PostgreSQL instead of SQLite in --data, shared by every "
            "node started with the same URL: postgresql://user[:password]@host[:port]/db."),
        QStringLiteral("URL"));
    const QCommandLineOption importSqlite(
        QStringLiteral("import-sqlite"),
        QStringLiteral("Move the data of a family server (its --data directory, the server "
                       "stopped) into the empty PostgreSQL database of --database, compare both, "
                       "and exit."),
        QStringLiteral("DIR"));
    const QCommandLineOption accessTtl(
        QStringLiteral("access-token-ttl"),
        QStringLiteral("Access token lifetime, 1-900 s (default 900)."), QStringLiteral("SECONDS"));
    const QCommandLineOption pwhash(
        QStringLiteral("password-hash"),
        QStringLiteral("Argon2id cost: interactive (default), moderate, or min (tests only)."),
        QStringLiteral("LIMITS"));
    const QCommandLineOption authTimeout(
        QStringLiteral("auth-timeout"),
        QStringLiteral("Milliseconds a new connection has to sign in (default 15000)."),
        QStringLiteral("MS"));
    const QCommandLineOption pingInterval(
        QStringLiteral("ping-interval"),
        QStringLiteral("Ping a quiet connection after this many ms (default 20000)."),
        QStringLiteral("MS"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        QStringLiteral("Drop a connection silent for this many ms (default 60000)."),
        QStringLiteral("MS"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QStringLiteral(
            "Frames per second allowed per connection (default 1000, burst twice that)."),
        QStringLiteral("N"));
    const QCommandLineOption maxPerUser(
        QStringLiteral("max-connections-per-user"),
        QStringLiteral("Connections one account may hold (default 16)."), QStringLiteral("N"));
    const QCommandLineOption maxConns(QStringLiteral("max-connections"),
                                      QStringLiteral("Connections in all (default 20000)."),
                                      QStringLiteral("N"));
    const QCommandLineOption sync(
        QStringLiteral("sync"),
        QStringLiteral("SQLite durability: normal (default; survives a killed server) or full "
                       "(also survives power loss, fsync on each commit)."),
        QStringLiteral("MODE"));
    const QCommandLineOption configFile(
        QStringLiteral("config"),
        QStringLiteral("Read options from FILE: one \"option = value\" per line, named as on the "
                       "command line without the dashes (listen = 0.0.0.0:8477). The command "
                       "line wins over the file."),
        QStringLiteral("FILE"));
    const QList<QCommandLineOption> settable {
        listen,      cert,         key,         data,      database,   accessTtl, pwhash,
        authTimeout, pingInterval, idleTimeout, rateLimit, maxPerUser, maxConns,  sync};
    p.addOptions({help, version, configFile, importSqlite});
    p.addOptions(settable);

    if (!p.parse(arguments)) {
        *message = p.errorText();
        return ParseResult::Error;
    }
    if (p.isSet(configFile) && !p.isSet(help) && !p.isSet(version)) {
        // The file's options go before the command line's, which then win.
        const QString path = p.value(configFile);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *message = QStringLiteral("cannot read the configuration file %1").arg(path);
            return ParseResult::Error;
        }
        QStringList fromFile {arguments.value(0)};
        int lineNumber = 0;
        while (!file.atEnd()) {
            ++lineNumber;
            QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (lineNumber == 1 && line.startsWith(QChar(0xFEFF)))
                line = line.mid(1).trimmed(); // a byte order mark from some editors
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
                line.startsWith(QLatin1Char(';')))
                continue;
            const qsizetype equals = line.indexOf(QLatin1Char('='));
            const QString name = line.left(equals).trimmed();
            const auto known = std::find_if(settable.cbegin(), settable.cend(), [&](const auto &o) {
                return o.names().constFirst() == name;
            });
            if (equals < 0 || known == settable.cend()) {
                *message = equals < 0
                    ? QStringLiteral("%1:%2: expected \"option = value\"").arg(path).arg(lineNumber)
                    : QStringLiteral("%1:%2: unknown option \"%3\"")
                          .arg(path)
                          .arg(lineNumber)
                          .arg(name);
                return ParseResult::Error;
            }
            const QString value = line.mid(equals + 1).trimmed();
            if (value.isEmpty()) {
                *message = QStringLiteral("%1:%2: \"%3\" has no value (comment the line out "
                                          "for the default)")
                               .arg(path)
                               .arg(lineNumber)
                               .arg(name);
                return ParseResult::Error;
            }
            if (!p.isSet(*known))
                fromFile << QStringLiteral("--%1=%2").arg(name, value);
        }
        if (!p.parse(fromFile + arguments.mid(1))) {
            *message = QStringLiteral("%1: %2").arg(path, p.errorText());
            return ParseResult::Error;
        }
    }
    if (p.isSet(help)) {
        *message = p.helpText();
        return ParseResult::Help;
    }
    if (p.isSet(version)) {
        *message = QStringLiteral("kinlist-server %1").arg(QLatin1String(KINLIST_VERSION));
        return ParseResult::Version;
    }
    if (!p.positionalArguments().isEmpty()) {
        *message = QStringLiteral("unexpected argument: %1").arg(p.positionalArguments().first());
        return ParseResult::Error;
    }

    ServerConfig c = *config;
    auto intOption = [&](const QCommandLineOption &o, int min, int max, int *out) {
        if (!p.isSet(o))
            return true;
        bool ok = false;
        const int v = p.value(o).toInt(&ok);
        if (!ok || v < min || v > max) {
            *message = QStringLiteral("--%1 must be a number from %2 to %3")
                           .arg(o.names().constFirst())
                           .arg(min)
                           .arg(max);
            return false;
        }
        *out = v;
        return true;
    };
    if (p.isSet(listen)) {
        const QString v = p.value(listen);
        const qsizetype colon = v.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = colon > 0 ? v.mid(colon + 1).toUInt(&ok) : 0;
        QString hostPart = colon > 0 ? v.left(colon) : QString();
        if (hostPart.startsWith(QLatin1Char('[')) && hostPart.endsWith(QLatin1Char(']')))
            hostPart = hostPart.mid(1, hostPart.size() - 2);
        QHostAddress host;
        if (hostPart == QLatin1String("localhost"))
            host = QHostAddress(QHostAddress::LocalHost);
        else
            host = QHostAddress(hostPart);
        if (!ok || port > 65535 || host.isNull()) {
            *message =
                QStringLiteral("--listen wants HOST:PORT, e.g. 127.0.0.1:8477 or 0.0.0.0:8477");
            return ParseResult::Error;
        }
        c.host = host;
        c.port = quint16(port);
    }
    c.certPath = p.value(cert);
    c.keyPath = p.value(key);
    if (c.certPath.isEmpty() != c.keyPath.isEmpty()) {
        *message = QStringLiteral("--cert and --key go together");
        return ParseResult::Error;
    }
    if (p.isSet(data))
        c.dataDir = p.value(data);
    if (p.isSet(database)) {
        c.database = p.value(database);
        if (!parsePostgres(c.database)) {
            *message = QStringLiteral(
                "--database wants postgresql://user[:password]@host[:port]/database");
            return ParseResult::Error;
        }
    }
    if (p.isSet(importSqlite)) {
        c.importFrom = p.value(importSqlite);
        if (c.database.isEmpty()) {
            *message = QStringLiteral("--import-sqlite needs --database (where to)");
            return ParseResult::Error;
        }
    }
    if (p.isSet(pwhash)) {
        c.passwordHashLimits = p.value(pwhash);
        if (c.passwordHashLimits != QLatin1String("interactive") &&
            c.passwordHashLimits != QLatin1String("moderate") &&
            c.passwordHashLimits != QLatin1String("min")) {
            *message = QStringLiteral("--password-hash must be interactive, moderate or min");
            return ParseResult::Error;
        }
    }
    if (p.isSet(sync)) {
        if (p.value(sync) != QLatin1String("normal") && p.value(sync) != QLatin1String("full")) {
            *message = QStringLiteral("--sync must be normal or full");
            return ParseResult::Error;
        }
        c.syncFull = p.value(sync) == QLatin1String("full");
    }
    if (!intOption(accessTtl, 1, 900, &c.accessTokenTtlSec) ||
        !intOption(authTimeout, 100, 600000, &c.authTimeoutMs) ||
        !intOption(pingInterval, 100, 3600000, &c.pingIntervalMs) ||
        !intOption(idleTimeout, 200, 7200000, &c.idleTimeoutMs) ||
        !intOption(rateLimit, 1, 1000000, &c.rateLimitPerSec) ||
        !intOption(maxPerUser, 1, 100000, &c.maxConnectionsPerUser) ||
        !intOption(maxConns, 1, 1000000, &c.maxConnections))
        return ParseResult::Error;
    if (p.isSet(rateLimit))
        c.rateBurst = c.rateLimitPerSec * 2;
    if (c.dataDir.isEmpty())
        c.dataDir = defaultDataDir();
    *config = c;
    return ParseResult::Ok;
}

QString ServerConfig::dataDescription() const
{
    const auto p = parsePostgres(database);
    if (database.isEmpty() || !p)
        return dataDir;
    return QStringLiteral("PostgreSQL %1:%2/%3")
        .arg(p->host.isEmpty() ? QStringLiteral("(local socket)") : p->host)
        .arg(p->port)
        .arg(p->database);
}

std::optional<ServerConfig::Postgres> ServerConfig::parsePostgres(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    Postgres p;
    p.database = u.path().mid(1);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres")) ||
        p.database.isEmpty() || p.database.contains(QLatin1Char('/')))
        return std::nullopt;
    p.host = QUrlQuery(u).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (p.host.isEmpty())
        p.host = u.host();
    p.port = u.port(5432);
    p.user = u.userName();
    p.password = u.password();
    return p;
}

} // namespace kinlist::server
