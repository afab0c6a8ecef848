#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <unordered_map>

namespace kinlist::store {

// The statements of one connection, each prepared once and reused: SQLite parses a
// statement's SQL only the first time. Keyed by the address of the SQL literal.
class Statements
{
public:
    void setDatabase(const QSqlDatabase &db) { m_db = db; }
    // The statement for `sql`, finished from its last use and ready to bind.
    QSqlQuery &get(const char *sql);
    // Lets every statement go of its read cursor (before a commit or rollback).
    void finishAll();
    // Drops every statement and the connection handle (before the database is removed).
    void clear()
    {
        m_statements.clear();
        m_db = QSqlDatabase();
    }

private:
    QSqlDatabase m_db;
    std::unordered_map<const char *, std::unique_ptr<QSqlQuery>> m_statements;
};

// Finishes a statement when it goes out of scope: an unfinished SELECT keeps a read
// transaction open, which blocks checkpoints and, with a second connection, writes.
class QueryDone
{
public:
    explicit QueryDone(QSqlQuery &q)
        : m_q(q)
    { }
    ~QueryDone() { m_q.finish(); }
    QueryDone(const QueryDone &) = delete;
    QueryDone &operator=(const QueryDone &) = delete;

private:
    QSqlQuery &m_q;
};

} // namespace kinlist::store
