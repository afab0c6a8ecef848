#include "replica.h"

#include "recurrence.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace kinlist {

QString internString(const QString &s)
{
    // Per thread, so no locking; bounded, so odd input cannot grow it without end.
    thread_local QSet<QString> pool;
    if (const auto it = pool.constFind(s); it != pool.constEnd())
        return *it;
    if (pool.size() < 10000)
        pool.insert(s);
    return s;
}

namespace {
Hlc interned(Hlc stamp)
{
    stamp.node = internString(stamp.node);
    return stamp;
}

// Equal stamps only happen for a duplicate of the same write; if a broken client ever
// reused a stamp for two values, the larger value wins so that replicas still agree.
// `round` is the op's round for a round field, else 0 on both sides.
bool wins(const Op &op, int round, const QJsonValue &newValue, const Entity::Field &current)
{
    if (current.round != round)
        return current.round < round;
    if (current.stamp < op.stamp)
        return true;
    if (op.stamp < current.stamp)
        return false;
    const auto enc = [](const QJsonValue &v) {
        return QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
    };
    return enc(current.value) < enc(newValue);
}
} // namespace

Hlc Entity::lastStamp() const
{
    Hlc best;
    for (const Field &f : fields) {
        if (best < f.stamp)
            best = f.stamp;
    }
    return best;
}

QJsonObject Entity::toJson() const
{
    QJsonObject f;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QJsonObject field {{QStringLiteral("v"), it->value},
                           {QStringLiteral("s"), it->stamp.toString()}};
        if (it->round > 0)
            field.insert(QStringLiteral("r"), it->round);
        f.insert(it.key(), field);
    }
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("kind"),
                    kind == EntityKind::List ? QStringLiteral("list") : QStringLiteral("item")},
                   {QStringLiteral("listId"), listId},
                   {QStringLiteral("fields"), f}};
    if (kind == EntityKind::List)
        o.insert(QStringLiteral("householdId"), householdId);
    return o;
}

QJsonObject Entity::toPlainJson() const
{
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("listId"), listId}};
    if (kind == EntityKind::List)
        o.insert(QStringLiteral("householdId"), householdId);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), it->value);
    return o;
}

namespace {
// A string value read from a document refers to the whole document's storage; copied out,
// the document is freed once the entity or op is read.
QJsonValue ownValue(const QJsonValue &v)
{
    return v.isString() ? QJsonValue(v.toString()) : v;
}
} // namespace

bool Entity::fromJson(const QJsonObject &json, Entity *out)
{
    Entity e;
    const QString kind = json.value(QStringLiteral("kind")).toString();
    if (kind != QLatin1String("list") && kind != QLatin1String("item"))
        return false;
    e.kind = kind == QLatin1String("list") ? EntityKind::List : EntityKind::Item;
    e.id = json.value(QStringLiteral("id")).toString();
    e.listId = json.value(QStringLiteral("listId")).toString();
    e.householdId = json.value(QStringLiteral("householdId")).toString();
    const QJsonObject f = json.value(QStringLiteral("fields")).toObject();
    for (auto it = f.begin(); it != f.end(); ++it) {
        const QJsonObject fo = it.value().toObject();
        const auto stamp = Hlc::parse(fo.value(QStringLiteral("s")).toString());
        if (!stamp)
            return false;
        const int round = fo.value(QStringLiteral("r")).toInt();
        if (round < 0 || round > Limits::kMaxRound)
            return false;
        e.fields.insert(it.key(),
                        Entity::Field {ownValue(fo.value(QStringLiteral("v"))), interned(*stamp),
                                       isRoundField(it.key()) ? round : 0});
    }
    e.fields.squeeze();
    if (e.id.isEmpty() || e.listId.isEmpty())
        return false;
    *out = std::move(e);
    return true;
}

QStringList mergeOp(Entity &entity, const Op &op)
{
    QStringList changed;
    if (entity.id.isEmpty()) {
        entity.kind = op.entityKind();
        entity.id = op.entityId();
        entity.listId = op.listId;
    }
    if (entity.householdId.isEmpty() && !op.householdId.isEmpty())
        entity.householdId = op.householdId;
    for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
        const int round = isRoundField(it.key()) ? op.round : 0;
        auto current = entity.fields.find(it.key());
        if (current == entity.fields.end()) {
            entity.fields.insert(it.key(),
                                 Entity::Field {ownValue(it.value()), interned(op.stamp), round});
            changed << it.key();
        } else if (wins(op, round, it.value(), *current)) {
            const bool valueChanged = current->value != it.value();
            *current = Entity::Field {ownValue(it.value()), interned(op.stamp), round};
            if (valueChanged)
                changed << it.key();
        }
    }
    return changed;
}

QStringList Replica::apply(const Op &op)
{
    return mergeOp(m_entities[op.entityId()], op);
}

const Entity *Replica::find(const QString &id) const
{
    auto it = m_entities.constFind(id);
    return it == m_entities.constEnd() ? nullptr : &*it;
}

QByteArray Replica::canonical() const
{
    QStringList ids = m_entities.keys();
    std::sort(ids.begin(), ids.end());
    QByteArray out;
    for (const QString &id : std::as_const(ids)) {
        // QJsonObject keeps keys sorted, so the compact form is canonical.
        out += QJsonDocument(m_entities.value(id).toJson()).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

} // namespace kinlist
