#include "importer.h"

#include "serverconfig.h"
#include "serverstore.h"
#include "tokens.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace kinlist::server {

namespace {

// A table as both databases have it at SQLite schema 5 / PostgreSQL schema 2: the same
// columns (SQLite's op_index is not copied: PostgreSQL indexes its log as it writes it). The
// clients' last mutation id is taken as the server computes it (the saved value, its rejects and
// its logged ops), since on PostgreSQL every op keeps it exact.
struct Table
{
    const char *name;
    const char *columns;
    const char *source; // the SELECT on SQLite, in the order of `columns`
};

const Table kTables[] = {
    {"users", "id, email, display_name, password_hash, created_at, device, token_gen",
     "SELECT id, email, display_name, password_hash, created_at, device, token_gen FROM users"},
    {"households", "id, name, created_by, created_at",
     "SELECT id, name, created_by, created_at FROM households"},
    {"members", "household_id, user_id, role, joined_at",
     "SELECT household_id, user_id, role, joined_at FROM members"},
    {"refresh_tokens",
     "hash, user_id, family_id, created_at, expires_at, used, revoked, used_at, used_by, "
     "successor, grace_used, superseded",
     "SELECT hash, user_id, family_id, created_at, expires_at, used, revoked, used_at, used_by, "
     "successor, grace_used, superseded FROM refresh_tokens"},
    {"invites", "code, household_id, created_by, created_at, expires_at, max_uses, uses, role",
     "SELECT code, household_id, created_by, created_at, expires_at, max_uses, uses, role FROM "
     "invites"},
    {"clients", "client_id, user_id, device, last_mutation_id, last_seen",
     "SELECT c.client_id, c.user_id, c.device, max(c.last_mutation_id, COALESCE(o.m, 0),"
     " COALESCE(r.m, 0)), c.last_seen FROM clients c"
     " LEFT JOIN (SELECT client_id, max(mutation_id) AS m FROM ops GROUP BY client_id) o"
     " ON o.client_id = c.client_id"
     " LEFT JOIN (SELECT client_id, max(mutation_id) AS m FROM rejects GROUP BY client_id) r"
     " ON r.client_id = c.client_id"},
    {"lists", "id, household_id, created_at, snapshot_seq",
     "SELECT id, household_id, created_at, snapshot_seq FROM lists"},
    {"entities", "id, list_id, kind, state", "SELECT id, list_id, kind, state FROM entities"},
    {"ops", "gid, list_id, seq, household_id, user_id, client_id, mutation_id, at, op",
     "SELECT gid, list_id, seq, household_id, user_id, client_id, mutation_id, at, op FROM ops"},
    {"rejects", "client_id, mutation_id, code, message",
     "SELECT client_id, mutation_id, code, message FROM rejects"},
};

// One value the same way whichever database it came from.
QByteArray canonical(const QVariant &v)
{
    if (v.isNull())
        return QByteArrayLiteral("null");
    switch (v.typeId()) {
    case QMetaType::QByteArray:
        return "b:" + v.toByteArray().toHex();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return "n:" + QByteArray::number(v.toLongLong());
    default:
        return "s:" + v.toString().toUtf8();
    }
}

// Rows and a checksum of a query's rows, whatever their order: the sum of each row's hash.
struct Digest
{
    qint64 rows = 0;
    quint64 sum = 0;
    bool operator==(const Digest &o) const { return rows == o.rows && sum == o.sum; }
};

void add(Digest *d, const QSqlQuery &q, int columns)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (int i = 0; i < columns; ++i) {
        h.addData(canonical(q.value(i)));
        h.addData(QByteArrayView("\x1f", 1));
    }
    const QByteArray r = h.result();
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(r.at(i));
    ++d->rows;
    d->sum += v;
}

} // namespace

QString importSqlite(const QString &dataDir, const QString &databaseUrl, QString *report)
{
    const QString file = QDir(dataDir).filePath(QStringLiteral("kinlist.db"));
    if (!QFile::exists(file))
        return QStringLiteral("no kinlist.db in %1").arg(dataDir);
    QFile secretFile(QDir(dataDir).filePath(QStringLiteral("jwt-secret")));
    if (!secretFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(secretFile.fileName());
    const QByteArray secret = secretFile.readAll();
    if (secret.size() != kTokenSecretBytes)
        return QStringLiteral("%1 is not a token secret").arg(secretFile.fileName());

    // The family server's database as the server opens it (brought to the current schema).
    ServerStore sqlite(QStringLiteral("import-sqlite"));
    QString error;
    if (!sqlite.open(file, false, &error))
        return error;
    sqlite.close();
    ServerStore postgres(QStringLiteral("import-postgres"));
    if (!postgres.openPostgres(databaseUrl, &error))
        return error;
    postgres.close();

    const QString source = QStringLiteral("import-source");
    const QString target = QStringLiteral("import-target");
    QString failure;
    {
        QSqlDatabase from = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), source);
        from.setDatabaseName(file);
        from.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        const auto where = ServerConfig::parsePostgres(databaseUrl);
        QSqlDatabase to = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), target);
        to.setHostName(where->host);
        to.setPort(where->port);
        to.setUserName(where->user);
        to.setPassword(where->password);
        to.setDatabaseName(where->database);
        [&] {
            if (!from.open() || !to.open()) {
                failure = QStringLiteral("cannot open the databases: %1 %2")
                              .arg(from.lastError().text(), to.lastError().text());
                return;
            }
            QSqlQuery check(to);
            if (!check.exec(QStringLiteral("SELECT (SELECT count(*) FROM users) + (SELECT "
                                           "count(*) FROM ops)")) ||
                !check.next() || check.value(0).toLongLong() != 0) {
                failure = QStringLiteral("the PostgreSQL database is not empty: an import goes "
                                         "into a new one");
                return;
            }
            check.finish();
            if (!to.transaction()) {
                failure = to.lastError().text();
                return;
            }
            QSqlQuery put(to);
            put.prepare(QStringLiteral("INSERT INTO secrets (name, value) VALUES ('jwt', ?)"
                                       " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
            put.addBindValue(secret);
            if (!put.exec()) {
                failure = put.lastError().text();
                to.rollback();
                return;
            }
            QStringList lines;
            for (const Table &t : kTables) {
                const int columns = int(QString::fromLatin1(t.columns).count(QLatin1Char(',')) + 1);
                QStringList marks;
                for (int i = 0; i < columns; ++i)
                    marks << QStringLiteral("?");
                QSqlQuery read(from);
                read.setForwardOnly(true);
                QSqlQuery insert(to);
                // (The op log keeps its gids: the clients' progress and history pages use them.)
                insert.prepare(QStringLiteral("INSERT INTO %1 (%2)%3 VALUES (%4)")
                                   .arg(QLatin1String(t.name), QLatin1String(t.columns),
                                        qstrcmp(t.name, "ops") == 0
                                            ? QStringLiteral(" OVERRIDING SYSTEM VALUE")
                                            : QString(),
                                        marks.join(QStringLiteral(", "))));
                if (!read.exec(QString::fromLatin1(t.source))) {
                    failure = QStringLiteral("%1: %2").arg(QLatin1String(t.name),
                                                           read.lastError().text());
                    break;
                }
                Digest copied;
                while (read.next()) {
                    for (int i = 0; i < columns; ++i)
                        insert.addBindValue(read.value(i));
                    if (!insert.exec()) {
                        failure = QStringLiteral("%1: %2").arg(QLatin1String(t.name),
                                                               insert.lastError().text());
                        break;
                    }
                    add(&copied, read, columns);
                }
                if (!failure.isEmpty())
                    break;
                // Read back and compared: the same rows, value for value.
                QSqlQuery back(to);
                back.setForwardOnly(true);
                Digest stored;
                if (!back.exec(QStringLiteral("SELECT %1 FROM %2")
                                   .arg(QLatin1String(t.columns), QLatin1String(t.name)))) {
                    failure = back.lastError().text();
                    break;
                }
                while (back.next())
                    add(&stored, back, columns);
                if (!(stored == copied)) {
                    failure = QStringLiteral("%1: %2 rows read, %3 stored, and they differ")
                                  .arg(QLatin1String(t.name))
                                  .arg(copied.rows)
                                  .arg(stored.rows);
                    break;
                }
                lines << QStringLiteral("  %1: %2 rows, the same in both")
                             .arg(QLatin1String(t.name), -15)
                             .arg(copied.rows);
            }
            QSqlQuery after(to);
            if (failure.isEmpty() &&
                (!after.exec(
                     QStringLiteral("SELECT setval(pg_get_serial_sequence('ops', 'gid'),"
                                    " (SELECT COALESCE(max(gid), 0) + 1 FROM ops), false)")) ||
                 !to.commit()))
                failure = after.lastError().text() + to.lastError().text();
            if (!failure.isEmpty()) {
                to.rollback();
                return;
            }
            *report = QStringLiteral("imported %1 into PostgreSQL and compared:\n%2\n  token "
                                     "secret: imported (signed-in devices stay signed in)")
                          .arg(dataDir, lines.join(QLatin1Char('\n')));
        }();
    }
    QSqlDatabase::removeDatabase(source);
    QSqlDatabase::removeDatabase(target);
    return failure;
}

} // namespace kinlist::server
