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

QString migrate(QSqlDatabase &db, const std::vector<MigrationStep> &steps,
                const QString &newerMessage)
{
    const int target = int(steps.size());
    int version = 0;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return QStringLiteral("cannot read the schema version: %1").arg(q.lastError().text());
        version = q.value(0).toInt();
    }
    if (version > target)
        return newerMessage.arg(version).arg(target);
    for (int v = version; v < target; ++v) {
        if (!db.transaction())
            return QStringLiteral("cannot migrate: %1").arg(db.lastError().text());
        QSqlQuery step(db);
        if (!steps[size_t(v)](step) ||
            !step.exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1))) {
            const QString why = step.lastError().text();
            db.rollback();
            return QStringLiteral("schema migration to %1 failed: %2").arg(v + 1).arg(why);
        }
        if (!db.commit())
            return QStringLiteral("cannot migrate: %1").arg(db.lastError().text());
    }
    return {};
}

} // namespace kinlist::store
