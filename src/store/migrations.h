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

// Brings `db` to version steps.size(), each step in a transaction of its own. The version
// is SQLite's PRAGMA user_version, or on PostgreSQL (a QPSQL connection) a one-row table
// schema_version, read and written under an advisory lock so that nodes starting together
// migrate once. A database of a newer version is refused: `newerMessage` gets the two
// versions as %1 and %2. Returns an empty string, or what went wrong.
QString migrate(QSqlDatabase &db, const std::vector<MigrationStep> &steps,
                const QString &newerMessage);

} // namespace kinlist::store
