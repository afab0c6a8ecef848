#include "migrations.h"

#include <QSqlError>
#include <QVariant>

namespace kinlist::store {

bool execAll(QSqlQuery &q, std::initializer_list<const char *> statements)
{
    for (const char *sql : statements) {
        if (!q.exec(QString::fromLatin1(sql)))
            return false;
    }
    return true;
}

namespace {

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

// (PostgreSQL) A session lock of the schema, held while the version is read and the steps
// run; another node waits for it and then finds the schema current.
constexpr const char *kLock = "SELECT pg_advisory_lock(7270117)";
constexpr const char *kUnlock = "SELECT pg_advisory_unlock(7270117)";

QString migrateLocked(QSqlDatabase &db, const std::vector<MigrationStep> &steps,
                      const QString &newerMessage)
{
    const bool pg = isPostgres(db);
    const int target = int(steps.size());
    int version = 0;
    {
        QSqlQuery q(db);
        if (pg &&
            (!q.exec(QStringLiteral(
                 "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")) ||
             !q.exec(QStringLiteral("INSERT INTO schema_version (version) SELECT 0 WHERE NOT "
                                    "EXISTS (SELECT 1 FROM schema_version)"))))
            return QStringLiteral("cannot set up the schema version: %1").arg(q.lastError().text());
        if (!q.exec(pg ? QStringLiteral("SELECT version FROM schema_version")
                       : QStringLiteral("PRAGMA user_version")) ||
            !q.next())
            return QStringLiteral("cannot read the schema version: %1").arg(q.lastError().text());
        version = q.value(0).toInt();
    }
    if (version > target)
        return newerMessage.arg(version).arg(target);
    for (int v = version; v < target; ++v) {
        if (!db.transaction())
            return QStringLiteral("cannot migrate: %1").arg(db.lastError().text());
        QSqlQuery step(db);
        const QString bump = pg ? QStringLiteral("UPDATE schema_version SET version = %1")
                                : QStringLiteral("PRAGMA user_version=%1");
        if (!steps[size_t(v)](step) || !step.exec(bump.arg(v + 1))) {
            const QString why = step.lastError().text();
            db.rollback();
            return QStringLiteral("schema migration to %1 failed: %2").arg(v + 1).arg(why);
        }
        if (!db.commit())
            return QStringLiteral("cannot migrate: %1").arg(db.lastError().text());
    }
    return {};
}

} // namespace

QString migrate(QSqlDatabase &db, const std::vector<MigrationStep> &steps,
                const QString &newerMessage)
{
    if (!isPostgres(db))
        return migrateLocked(db, steps, newerMessage);
    QSqlQuery lock(db);
    if (!lock.exec(QString::fromLatin1(kLock)))
        return QStringLiteral("cannot lock the schema: %1").arg(lock.lastError().text());
    const QString result = migrateLocked(db, steps, newerMessage);
    lock.exec(QString::fromLatin1(kUnlock));
    return result;
}

} // namespace kinlist::store
