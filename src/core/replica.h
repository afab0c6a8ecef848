#pragma once

#include "hlc.h"
#include "op.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <utility>
#include <vector>

namespace kinlist {

// One shared copy of a string that recurs across entities (field names, stamp nodes).
QString internString(const QString &s);

// The fields of one entity: a handful of name -> (value, stamp) pairs in a flat vector.
// A QHash per entity would cost kilobytes each (its smallest span holds 128 slots), and a
// list of 10,000 items is held in memory whole. Names and stamp nodes are interned, so
// the 10,000 copies of "title" and of a device's id share one string.
template<typename V> class FieldMap
{
    using Entry = std::pair<QString, V>;
    template<typename It, typename Ref> class Iter
    {
    public:
        explicit Iter(It it)
            : m_it(it)
        { }
        const QString &key() const { return m_it->first; }
        Ref value() const { return m_it->second; }
        Ref operator*() const { return m_it->second; }
        auto operator->() const { return &m_it->second; }
        Iter &operator++()
        {
            ++m_it;
            return *this;
        }
        bool operator==(const Iter &o) const { return m_it == o.m_it; }
        bool operator!=(const Iter &o) const { return m_it != o.m_it; }

    private:
        It m_it;
    };

public:
    using iterator = Iter<typename std::vector<Entry>::iterator, V &>;
    using const_iterator = Iter<typename std::vector<Entry>::const_iterator, const V &>;

    iterator begin() { return iterator(m_entries.begin()); }
    iterator end() { return iterator(m_entries.end()); }
    const_iterator begin() const { return const_iterator(m_entries.cbegin()); }
    const_iterator end() const { return const_iterator(m_entries.cend()); }

    iterator find(const QString &key)
    {
        return iterator(std::find_if(m_entries.begin(), m_entries.end(),
                                     [&](const Entry &e) { return e.first == key; }));
    }
    const_iterator find(const QString &key) const
    {
        return const_iterator(std::find_if(m_entries.cbegin(), m_entries.cend(),
                                           [&](const Entry &e) { return e.first == key; }));
    }
    bool contains(const QString &key) const { return find(key) != end(); }
    V value(const QString &key) const
    {
        const auto it = find(key);
        return it == end() ? V {} : *it;
    }
    void insert(const QString &key, V value)
    {
        if (auto it = find(key); it != end()) {
            *it = std::move(value);
            return;
        }
        m_entries.emplace_back(internString(key), std::move(value));
    }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    void squeeze() { m_entries.shrink_to_fit(); }

private:
    std::vector<Entry> m_entries;
};

// One list or item: each field is a last-writer-wins register (value + stamp).
struct Entity
{
    struct Field
    {
        QJsonValue value;
        Hlc stamp;
        int round = 0; // only for the fields that order by (round, stamp): isRoundField
    };

    EntityKind kind = EntityKind::Item;
    QString id;
    QString listId;
    QString householdId; // lists only
    FieldMap<Field> fields;

    QJsonValue value(const QString &name) const
    {
        const auto it = fields.find(name);
        return it == fields.end() ? QJsonValue() : it->value;
    }
    bool isDeleted() const { return value(QStringLiteral("deleted")).toBool(); }
    // Highest stamp of any field: when this entity last changed.
    Hlc lastStamp() const;

    // {"id","kind","listId",("householdId"),"fields":{name:{"v":value,"s":stamp,("r":round)}}}
    QJsonObject toJson() const;
    // Plain view without stamps: {"id", "listId", name: value, ...}
    QJsonObject toPlainJson() const;
    static bool fromJson(const QJsonObject &json, Entity *out);
};

// The merge rule, shared by server and clients: per field, the higher stamp wins (for the
// round fields of repeating tasks the higher (round, stamp)); equal stamps (a duplicate)
// change nothing. Returns the names of the fields that changed.
// Order and repetition of ops never change the result.
QStringList mergeOp(Entity &entity, const Op &op);

// A set of entities that ops are applied to, e.g. one list with its items.
class Replica
{
public:
    // Applies `op`, creating the entity on first sight. Returns the changed field names.
    QStringList apply(const Op &op);

    const Entity *find(const QString &id) const;
    const QHash<QString, Entity> &entities() const { return m_entities; }
    void insert(const Entity &e) { m_entities.insert(e.id, e); }
    void clear() { m_entities.clear(); }
    int size() const { return int(m_entities.size()); }

    // A canonical dump (sorted keys, every field and stamp) for comparing replicas.
    QByteArray canonical() const;

private:
    QHash<QString, Entity> m_entities;
};

} // namespace kinlist
