// libFuzzer target: op validation and the merge rule (src/core). The input is a JSON array
// of ops; each that validates is applied to two replicas, in order and in reverse order,
// twice over in the second: the merge must not care (convergence), and an op the
// validator accepted must write back to bytes it accepts again, the bytes Qt's encoder
// writes. Ops are kept to what the server lets through: a stamp names one write (a clock
// never stamps two), an id names one entity of one list, and a list is of one household (a
// list.create of an existing list for another household is refused as a conflict).
#include "core/op.h"
#include "core/replica.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    QJsonArray raw = doc.array();
    if (doc.isObject())
        raw.append(doc.object());
    QList<kinlist::Op> ops;
    QHash<QString, QByteArray> writeOfStamp;
    QHash<QString, QString> listOfEntity; // entity id -> its list ("" for a list itself)
    QHash<QString, QString> householdOfList;
    for (const QJsonValue &v : std::as_const(raw)) {
        kinlist::Error e;
        const kinlist::Op op = kinlist::Op::fromJson(v.toObject(), &e);
        if (e) {
            if (e.message.isEmpty())
                std::abort();
            continue;
        }
        // (toJsonBytes writes most fields itself: as Qt's encoder would.)
        if (op.toJsonBytes() != QJsonDocument(op.toJson()).toJson(QJsonDocument::Compact))
            std::abort();
        kinlist::Error e2;
        const kinlist::Op back =
            kinlist::Op::fromJson(QJsonDocument::fromJson(op.toJsonBytes()).object(), &e2, true);
        if (e2 || back.toJsonBytes() != op.toJsonBytes())
            std::abort();
        const QString stamp = op.stamp.toString();
        if (writeOfStamp.contains(stamp) && writeOfStamp.value(stamp) != op.toJsonBytes())
            continue;
        const bool isList = op.entityKind() == kinlist::EntityKind::List;
        const QString owner = isList ? QString() : op.listId;
        if (listOfEntity.contains(op.entityId()) && listOfEntity.value(op.entityId()) != owner)
            continue;
        if (!isList && listOfEntity.contains(op.listId) && !listOfEntity.value(op.listId).isEmpty())
            continue;
        if (op.type == kinlist::Op::Type::ListCreate &&
            householdOfList.value(op.listId, op.householdId) != op.householdId)
            continue;
        if (op.type == kinlist::Op::Type::ListCreate)
            householdOfList.insert(op.listId, op.householdId);
        writeOfStamp.insert(stamp, op.toJsonBytes());
        listOfEntity.insert(op.entityId(), owner);
        if (!isList)
            listOfEntity.insert(op.listId, QString());
        ops.append(op);
        if (ops.size() >= 64)
            break;
    }
    kinlist::Replica forward;
    kinlist::Replica backward;
    for (const kinlist::Op &op : std::as_const(ops))
        forward.apply(op);
    for (qsizetype i = ops.size() - 1; i >= 0; --i) {
        backward.apply(ops.at(i));
        backward.apply(ops.at(i));
    }
    if (forward.canonical() != backward.canonical())
        std::abort();
    return 0;
}
