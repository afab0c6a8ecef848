#pragma once

#include "hlc.h"
#include "op.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace kinlist {

// One list or item: each field is a last-writer-wins register (value + stamp).
struct Entity
{
    struct Field
    {
        QJsonValue value;
        Hlc stamp;
    };

    EntityKind kind = EntityKind::Item;
    QString id;
    QString listId;
    QString householdId; // lists only
    QHash<QString, Field> fields;

    QJsonValue value(const QString &name) const { return fields.value(name).value; }
    bool isDeleted() const { return value(QStringLiteral("deleted")).toBool(); }
    // Highest stamp of any field: when this entity last changed.
    Hlc lastStamp() const;

    // {"id","kind","listId",("householdId"),"fields":{name:{"v":value,"s":stamp}}}
    QJsonObject toJson() const;
    // Plain view without stamps: {"id", "listId", name: value, ...}
    QJsonObject toPlainJson() const;
    static bool fromJson(const QJsonObject &json, Entity *out);
};

// The merge rule, shared by server and clients: per field, the higher stamp wins; equal
// stamps (a duplicate) change nothing. Returns the names of the fields that changed.
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
