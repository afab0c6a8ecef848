#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <initializer_list>
#include <vector>

namespace kinlist::store {

// One function per schema step; step i brings the schema from version i to i + 1.
using MigrationStep = std::function<bool(QSqlQuery &)>;

// Runs each statement in turn; false at the first that fails (its error is in `q`).
bool execAll(QSqlQuery &q, std::initializer_list<const char *> statements);

// Brings `db` to version steps.size(), tracked with PRAGMA user_version, each step in a
// transaction of its own. A database of a newer version is refused: `newerMessage` gets
// the two versions as %1 and %2. Returns an empty string, or what went wrong.
QString migrate(QSqlDatabase &db, const std::vector<MigrationStep> &steps,
                const QString &newerMessage);

} // namespace kinlist::store
