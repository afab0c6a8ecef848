#pragma once

#include <QString>

namespace kinlist::server {

// kinlist-server --import-sqlite DIR --database URL: moves a family server's data (the
// SQLite database and the token secret in DIR) into an empty PostgreSQL database, in one
// transaction, so that its people sign in, refresh and sync there as before; then reads
// both back and compares them, table by table (rows and a checksum of their values).
// Returns an empty string and fills `report`, or says what went wrong (nothing is kept).
QString importSqlite(const QString &dataDir, const QString &databaseUrl, QString *report);

} // namespace kinlist::server
