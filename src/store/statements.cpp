#include "statements.h"

#include <QLoggingCategory>
#include <QSqlError>

namespace kinlist::store {

QSqlQuery &Statements::get(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_unique<QSqlQuery>(m_db);
        // Rows are read once, in order: without this Qt's SQLite driver keeps a copy of
        // every row read (a whole list's entities, say) until the next exec.
        q->setForwardOnly(true);
        if (!q->prepare(QString::fromLatin1(sql)))
            qCritical() << "cannot prepare" << sql << q->lastError().text();
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    it->second->finish();
    return *it->second;
}

void Statements::finishAll()
{
    for (auto &entry : m_statements)
        entry.second->finish();
}

} // namespace kinlist::store
